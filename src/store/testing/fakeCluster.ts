import type { Deployment, KubeObject, Node, Pod, ReplicaSet } from "../../sim/api/types";
import type { Cluster, ComponentInfo, Fault, ObjectChange } from "../../sim/clusterTypes";
import type { ApiRequest, ApiResponse, WatchEvent } from "../../sim/components/apiserver/request";
import { Kernel, toTimestamp, type TraceInput, type TraceListener } from "../../sim/runtime";

/**
 * A small stand-in for the real cluster in store/UI tests: it implements `Cluster`, emits
 * plausible trace events on a real Kernel (apply → controllers → scheduler → kubelet →
 * runtime → registry) and object changes, and renews node leases in the background.
 */
export function createFakeCluster(opts: { workers?: number; heartbeats?: boolean } = {}): Cluster {
  const kernel = new Kernel(1);
  const workers = Array.from({ length: opts.workers ?? 3 }, (_, i) => `worker-${i + 1}`);
  const nodes = ["control-plane", ...workers];
  const objects = new Map<string, Map<string, KubeObject>>();
  const changeListeners = new Set<(c: ObjectChange) => void>();
  const stopped = new Set<string>();
  let revision = 1;

  const store = (resource: string) => {
    let m = objects.get(resource);
    if (!m) objects.set(resource, (m = new Map()));
    return m;
  };
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  function commit(resource: string, type: WatchEvent["type"], object: KubeObject): void {
    revision++;
    object.metadata.resourceVersion = String(revision);
    if (type === "DELETED") store(resource).delete(key(object));
    else store(resource).set(key(object), structuredClone(object));
    const change: ObjectChange = { type, object: structuredClone(object), resource, revision };
    for (const l of changeListeners) l(change);
  }
  const hop = (latency: number, input: TraceInput, then: () => void = () => {}) => kernel.send(latency, () => input, then);
  const msg = (from: string, to: string, kind: TraceInput["kind"], summary: string, extra: Partial<TraceInput> = {}): TraceInput => ({
    from,
    to,
    kind,
    summary,
    narration: `${from} → ${to}: ${summary}.`,
    ...extra,
  });

  for (const n of nodes) {
    const node: Node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: n, labels: { "kubernetes.io/hostname": n } },
      spec: n === "control-plane" ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {},
      status: { conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }] },
    };
    commit("nodes", "ADDED", node);
    const proxy = pod(`kube-proxy-${n.slice(-5).replace(/[^a-z0-9]/g, "x")}`, "kube-system", n, { kind: "DaemonSet", name: "kube-proxy" });
    commit("pods", "ADDED", running(proxy));
  }
  for (const c of ["etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager"]) {
    commit("pods", "ADDED", running(pod(`${c}-control-plane`, "kube-system", "control-plane", { kind: "Node", name: "control-plane" })));
  }

  function pod(name: string, namespace: string, nodeName: string | undefined, owner?: { kind: string; name: string }): Pod {
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        namespace,
        creationTimestamp: toTimestamp(kernel.now),
        ownerReferences: owner ? [{ apiVersion: "apps/v1", kind: owner.kind, name: owner.name, uid: `uid-${owner.name}`, controller: true }] : undefined,
      },
      spec: { containers: [{ name: "c", image: "nginx:1.27" }], nodeName },
      status: { phase: "Pending" },
    };
  }
  function running(p: Pod): Pod {
    p.status = {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [{ name: "c", image: "nginx:1.27", imageID: "", ready: true, restartCount: 0, state: { running: {} }, lastState: {} }],
    };
    return p;
  }

  function startPod(p: Pod, node: string): void {
    hop(1, msg("kube-apiserver", `kubelet@${node}`, "watch", `watch: Pod ADDED`, { verb: "ADDED", resource: "pods", name: p.metadata.name }), () => {
      hop(2, msg(`kubelet@${node}`, `container-runtime@${node}`, "cri", "RunPodSandbox"), () => {
        const creating = structuredClone(p);
        creating.status = { phase: "Pending", containerStatuses: [{ name: "c", image: "nginx:1.27", imageID: "", ready: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } }, lastState: {} }] };
        commit("pods", "MODIFIED", creating);
        hop(40, msg(`container-runtime@${node}`, "registry", "pull", "PullImage nginx"), () => {
          hop(1200, msg("registry", `container-runtime@${node}`, "pull", "image nginx:1.27"), () => {
            hop(2, msg(`kubelet@${node}`, "kube-apiserver", "request", "PATCH pods/status", { verb: "patch", resource: "pods" }), () => {
              commit("pods", "MODIFIED", running(structuredClone(p)));
            });
          });
        });
      });
    });
  }

  function createDeployment(d: Deployment): void {
    commit("deployments", "ADDED", d);
    const rsName = `${d.metadata.name}-7c5ddbdf54`;
    hop(1, msg("kube-apiserver", "kube-controller-manager", "watch", "watch: Deployment ADDED", { verb: "ADDED", resource: "deployments" }), () => {
      hop(3, msg("kube-controller-manager", "kube-apiserver", "request", "POST replicasets", { verb: "create", resource: "replicasets" }), () => {
        const rs: ReplicaSet = {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          metadata: { name: rsName, namespace: "default", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name ?? "", uid: "d", controller: true }] },
          spec: { replicas: d.spec.replicas, selector: d.spec.selector, template: d.spec.template },
        };
        commit("replicasets", "ADDED", rs);
        for (let i = 0; i < (d.spec.replicas ?? 1); i++) {
          const name = `${rsName}-${"bcdfg"[i % 5]}x2k${i}`;
          kernel.after(5 + i * 3, () => {
            hop(2, msg("kube-controller-manager", "kube-apiserver", "request", "POST pods", { verb: "create", resource: "pods" }), () => {
              const p = pod(name, "default", undefined, { kind: "ReplicaSet", name: rsName });
              commit("pods", "ADDED", p);
              hop(1, msg("kube-apiserver", "kube-scheduler", "watch", "watch: Pod ADDED", { verb: "ADDED" }), () => {
                const node = workers[i % workers.length];
                hop(2, msg("kube-scheduler", "kube-apiserver", "request", `bind pod → ${node}`, { verb: "create", resource: "pods" }), () => {
                  p.spec.nodeName = node;
                  commit("pods", "MODIFIED", p);
                  commit("events", "ADDED", { apiVersion: "v1", kind: "Event", metadata: { name: `${name}.1`, namespace: "default" }, involvedObject: { kind: "Pod", name }, reason: "Scheduled", message: `Successfully assigned default/${name} to ${node}`, type: "Normal", source: { component: "default-scheduler" }, count: 1, firstTimestamp: "", lastTimestamp: "" } as KubeObject);
                  startPod(p, node);
                });
              });
            });
          });
        }
      });
    });
  }

  function heartbeat(node: string): void {
    kernel.after(
      10_000,
      () => {
        if (!stopped.has(node)) hop(2, msg(`kubelet@${node}`, "kube-apiserver", "request", "PUT leases/" + node, { verb: "update", resource: "leases" }));
        heartbeat(node);
      },
      { background: true },
    );
  }
  if (opts.heartbeats !== false) nodes.forEach(heartbeat);

  const components = (): ComponentInfo[] => {
    const list: ComponentInfo[] = [
      { id: "kubectl", label: "kubectl", role: "external", running: true },
      { id: "kube-apiserver", label: "kube-apiserver", role: "control-plane", node: "control-plane", running: !stopped.has("kube-apiserver") },
      { id: "etcd", label: "etcd", role: "control-plane", node: "control-plane", running: true },
      { id: "kube-scheduler", label: "kube-scheduler", role: "control-plane", node: "control-plane", running: !stopped.has("kube-scheduler") },
      { id: "kube-controller-manager", label: "kube-controller-manager", role: "control-plane", node: "control-plane", running: true },
      { id: "cloud-controller-manager", label: "cloud-controller-manager", role: "control-plane", node: "control-plane", running: true },
      { id: "coredns", label: "coredns", role: "addon", running: true },
      { id: "registry", label: "registry", role: "external", running: true },
      { id: "cloud", label: "cloud", role: "external", running: true },
    ];
    for (const n of nodes) {
      for (const [id, label] of [["kubelet", "kubelet"], ["container-runtime", "container runtime"], ["kube-proxy", "kube-proxy"]]) {
        list.push({ id: `${id}@${n}`, label: `${label} on ${n}`, role: "node", node: n, running: !stopped.has(n) });
      }
    }
    return list;
  };

  return {
    kernel,
    profile: "real",
    seed: 1,
    now: () => kernel.now,
    // The stand-in has no data path: every request is refused, as by a Service with no endpoints.
    sendRequest(_opts, cb) {
      kernel.after(1, () => cb({ ok: false, error: "curl: (7) Failed to connect to the stand-in cluster: Couldn't connect to server", exitCode: 7, elapsedMs: 1, hops: [] }));
    },
    request(req: ApiRequest, cb: (res: ApiResponse) => void) {
      const verb = { create: "POST", update: "PUT", patch: "PATCH", delete: "DELETE" }[req.verb as string] ?? "GET";
      hop(5, msg("kubectl", "kube-apiserver", "request", `${verb} ${req.resource}`, { verb: req.verb, resource: req.resource }), () => {
        hop(1, msg("kube-apiserver", "etcd", "etcd", `txn ${req.resource}`), () => {
          hop(1, msg("etcd", "kube-apiserver", "etcd", "txn ok"), () => {
            if (req.verb === "create" && req.resource === "deployments") createDeployment(structuredClone(req.body as Deployment));
            hop(5, msg("kube-apiserver", "kubectl", "response", "201 Created", { status: 201 }), () => cb({ ok: true, status: 201 }));
          });
        });
      });
    },
    watch: () => () => {},
    inject(fault: Fault) {
      const target = "component" in fault ? fault.component : "name" in fault ? fault.name : (fault.node ?? "");
      if (fault.type.endsWith("stop")) stopped.add(target);
      if (fault.type.endsWith("start")) stopped.delete(target);
      kernel.note(() => ({ from: "kubectl", to: "kubectl", kind: "fault", summary: `${fault.type} ${target}`, narration: `Fault: ${fault.type} ${target}.` }));
      return `${fault.type} ${target}`;
    },
    step: () => kernel.step(),
    advance: (ms: number) => kernel.runUntil(kernel.now + ms),
    settle(maxMs = 600_000) {
      const start = kernel.now;
      while (kernel.busy && kernel.now - start < maxMs) kernel.step();
      return kernel.now - start;
    },
    subscribe: (l: TraceListener) => kernel.trace.subscribe(l),
    onObjectChange(l) {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    list<T extends KubeObject = KubeObject>(resource: string): T[] {
      return [...store(resource).values()].map((o) => structuredClone(o) as T);
    },
    components,
  };
}
