import type { Pod } from "./api/types";
import { parseBytes, parseCpuMillis } from "./api";
import type { NodeProxy, Reply } from "./components/apiserver";
import { apiErrors } from "./components/apiserver";
import { formatNslookup, resolvConf } from "./components/dns";
import type { ClusterImpl } from "./cluster";
import { toTimestamp } from "./runtime/virtualTime";
import { draw } from "./profiles";

const { badRequest, notFound, internalError } = apiErrors;

/**
 * kube-apiserver's proxy to kubelets: `pods/log` and `pods/exec` go to the kubelet of the
 * pod's node (a traced hop each way), which asks its container runtime. Metrics (`kubectl top`)
 * are answered from the kubelets' view of their containers, as metrics-server would.
 */
export function routeNodeProxy(c: ClusterImpl): NodeProxy {
  return (_from, req, reply) => {
    if (req.resource === "nodemetrics" || req.resource === "podmetrics") {
      reply({ ok: true, status: 200, items: req.resource === "nodemetrics" ? nodeMetrics(c) : podMetrics(c, req.namespace) });
      return;
    }
    const pod = c.etcd.store.get(`/registry/pods/${req.namespace}/${req.name}`)?.value as Pod | undefined;
    if (!pod) return reply({ ok: false, status: 404, error: notFound("pods", req.name ?? "") });
    const body = (req.body ?? {}) as { container?: string; previous?: boolean; tailLines?: number; command?: string[] };
    const container = body.container ?? pod.spec.containers[0].name;
    if (!pod.spec.containers.some((x) => x.name === container) && !pod.spec.initContainers?.some((x) => x.name === container)) {
      return reply({ ok: false, status: 400, error: badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`) });
    }
    const node = pod.spec.nodeName;
    const machine = node ? c.machines.get(node) : undefined;
    if (!node || !machine) return reply({ ok: false, status: 400, error: badRequest(`pod ${pod.metadata.name} does not have a host assigned`) });
    const kubelet = machine.kubelet.id;
    const hop = () => draw(c.kernel.rng, [1, 3]);
    const what = req.subresource === "log" ? "logs" : "exec";
    c.kernel.send(hop(), () => ({ from: "kube-apiserver", to: kubelet, kind: "request", verb: what, resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name, summary: `${what} ${pod.metadata.name}/${container}`, narration: `kube-apiserver forwards the ${what} request to the kubelet on ${node}, which asks its container runtime.` }), () => {
      const answer: Reply = (res) => c.kernel.send(hop(), () => ({ from: kubelet, to: "kube-apiserver", kind: "response", verb: what, status: res.status, summary: `${res.status} ${what}`, narration: `The kubelet on ${node} answers the ${what} request.` }), () => reply(res));
      if (machine.state !== "running" || !machine.kubelet.running) {
        // kube-apiserver cannot reach the kubelet on port 10250.
        c.kernel.after(c.profile === "fast" ? 2_000 : 10_000, () => reply({ ok: false, status: 500, error: internalError(`Get "https://${machine.spec.internalIP}:10250/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${container}": dial tcp ${machine.spec.internalIP}:10250: connect: no route to host`) }));
        return;
      }
      const worker = machine.kubelet.worker(pod.metadata.namespace!, pod.metadata.name!);
      const rec = worker && [...worker.containers, ...worker.init].find((r) => r.name === container);
      if (req.subresource === "log") {
        const id = body.previous ? rec?.lastState.terminated?.containerID : rec?.containerID;
        if (!id) {
          const msg = body.previous
            ? `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`
            : `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${rec?.state.waiting?.reason ?? "ContainerCreating"}`;
          return answer({ ok: false, status: 400, error: badRequest(msg) });
        }
        let lines = machine.runtime.runtime.logs(id.replace(/^containerd:\/\//, "")).map((l) => l.text);
        if (body.tailLines !== undefined && body.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - body.tailLines));
        return answer({ ok: true, status: 200, object: { apiVersion: "v1", kind: "PodLogs", metadata: { name: pod.metadata.name }, log: lines.map((l) => l + "\n").join("") } as never });
      }
      const command = body.command ?? [];
      if (!rec?.containerID || !rec.state.running) return answer({ ok: false, status: 400, error: badRequest(`unable to upgrade connection: container not found ("${container}")`) });
      const special = builtinExec(c, pod, command);
      if (special) return answer({ ok: true, status: 200, object: { apiVersion: "v1", kind: "ExecResult", metadata: {}, ...special } as never });
      machine.runtime.runtime.execSync(rec.containerID.replace(/^containerd:\/\//, ""), command, 10, (r) => {
        if (r.kind === "exited") answer({ ok: true, status: 200, object: { apiVersion: "v1", kind: "ExecResult", metadata: {}, stdout: r.output, stderr: "", exitCode: r.exitCode } as never });
        else if (r.kind === "timeout") answer({ ok: true, status: 200, object: { apiVersion: "v1", kind: "ExecResult", metadata: {}, stdout: "", stderr: "", exitCode: 124 } as never });
        else answer({ ok: false, status: 500, error: internalError(r.message) });
      });
    });
  };
}

/** Commands whose answer comes from the cluster rather than the container's own files. */
function builtinExec(c: ClusterImpl, pod: Pod, command: string[]): { stdout: string; stderr: string; exitCode: number } | undefined {
  const ns = pod.metadata.namespace ?? "default";
  if (command[0] === "nslookup" && command[1]) {
    const answer = c.coredns.lookup(command[1], ns);
    const out = formatNslookup(command[1], answer);
    return { stdout: out, stderr: "", exitCode: answer !== "timeout" && answer.rcode === "NOERROR" ? 0 : 1 };
  }
  if (command[0] === "cat" && command[1] === "/etc/resolv.conf" && !pod.spec.hostNetwork) return { stdout: resolvConf(ns), stderr: "", exitCode: 0 };
  return undefined;
}

/** Deterministic "usage": a share of the pod's requests plus the process's memory. */
function podUsage(c: ClusterImpl, pod: Pod): { name: string; cpu: number; memory: number }[] {
  const machine = pod.spec.nodeName ? c.machines.get(pod.spec.nodeName) : undefined;
  const worker = machine?.kubelet.worker(pod.metadata.namespace!, pod.metadata.name!);
  return pod.spec.containers.map((spec) => {
    const rec = worker?.containers.find((r) => r.name === spec.name);
    const proc = rec?.containerID ? machine?.runtime.runtime.process(rec.containerID.replace(/^containerd:\/\//, "")) : undefined;
    const req = spec.resources?.requests ?? {};
    const seed = (pod.metadata.uid ?? "").charCodeAt(0) % 7;
    return { name: spec.name, cpu: Math.max(1, Math.round((req.cpu ? parseCpuMillis(req.cpu) : 10) * 0.2) + seed), memory: proc ? proc.memoryBytes() : req.memory ? parseBytes(req.memory) / 2 : 8 * 1024 * 1024 };
  });
}

function runningPods(c: ClusterImpl, namespace?: string): Pod[] {
  return c.list<Pod>("pods", namespace).filter((p) => p.status?.phase === "Running");
}

function podMetrics(c: ClusterImpl, namespace?: string) {
  const ts = toTimestamp(c.now());
  return runningPods(c, namespace).map((p) => ({
    apiVersion: "metrics.k8s.io/v1beta1",
    kind: "PodMetrics",
    metadata: { name: p.metadata.name, namespace: p.metadata.namespace, labels: p.metadata.labels },
    timestamp: ts,
    window: "10s",
    containers: podUsage(c, p).map((u) => ({ name: u.name, usage: { cpu: `${u.cpu * 1_000_000}n`, memory: `${Math.round(u.memory / 1024)}Ki` } })),
  }));
}

function nodeMetrics(c: ClusterImpl) {
  const ts = toTimestamp(c.now());
  const pods = runningPods(c);
  return [...c.machines.values()]
    .filter((m) => m.state === "running" || m.state === "partitioned")
    .map((m) => {
      const usage = pods.filter((p) => p.spec.nodeName === m.name).flatMap((p) => podUsage(c, p));
      const cpu = usage.reduce((s, u) => s + u.cpu, 0) + 60;
      const memory = usage.reduce((s, u) => s + u.memory, 0) + 600 * 1024 * 1024;
      return { apiVersion: "metrics.k8s.io/v1beta1", kind: "NodeMetrics", metadata: { name: m.name, labels: {} }, timestamp: ts, window: "20s", usage: { cpu: `${cpu * 1_000_000}n`, memory: `${Math.round(memory / 1024)}Ki` } };
    });
}

