import { describe, expect, it } from "vitest";
import type { Deployment, Pod, Service } from "../../api/types";
import { apiHarness, objectOf } from "./testHarness";

const pod = (name: string, extra: Partial<Pod["spec"]> = {}): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels: { app: "web" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.27" }], ...extra },
});

const deployment = (replicas: number): Deployment => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
});

describe("kube-apiserver", () => {
  it("creates with defaults, uid, resourceVersion and the 300 s tolerations; rejects duplicates", () => {
    const h = apiHarness();
    const res = h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("a") });
    expect(res.ok).toBe(true);
    const p = objectOf<Pod>(res);
    expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.metadata.creationTimestamp).toMatch(/^2026-01-01T09:00:00Z$/);
    expect(p.spec.restartPolicy).toBe("Always");
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    expect(p.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
    const dup = h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("a") });
    expect(dup).toMatchObject({ ok: false, status: 409, error: { reason: "AlreadyExists", message: 'pods "a" already exists' } });
  });

  it("rejects invalid objects whole, with the field path, and stores nothing", () => {
    const h = apiHarness();
    const res = h.call({ verb: "create", resource: "deployments", namespace: "default", body: deployment(-1) });
    expect(res).toMatchObject({ ok: false, status: 422, error: { reason: "Invalid", message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' } });
    expect(h.etcd.store.get("/registry/deployments/default/web")).toBeUndefined();
  });

  it("returns NotFound in kubectl's words and refuses a missing namespace", () => {
    const h = apiHarness();
    expect(h.call({ verb: "get", resource: "pods", namespace: "default", name: "nope" })).toMatchObject({ ok: false, status: 404, error: { message: 'pods "nope" not found' } });
    expect(h.call({ verb: "get", resource: "deployments", namespace: "default", name: "nope" })).toMatchObject({ error: { message: 'deployments.apps "nope" not found' } });
    expect(h.call({ verb: "create", resource: "pods", namespace: "ghost", body: { ...pod("a"), metadata: { name: "a", namespace: "ghost" } } })).toMatchObject({ ok: false, status: 404, error: { message: 'namespaces "ghost" not found' } });
  });

  it("detects a stale resourceVersion on update", () => {
    const h = apiHarness();
    const created = objectOf<Deployment>(h.call({ verb: "create", resource: "deployments", namespace: "default", body: deployment(1) }));
    const first = h.call({ verb: "update", resource: "deployments", namespace: "default", name: "web", body: { ...created, spec: { ...created.spec, replicas: 2 } } });
    expect(first.ok).toBe(true);
    expect(objectOf<Deployment>(first).metadata.generation).toBe(2);
    const stale = h.call({ verb: "update", resource: "deployments", namespace: "default", name: "web", body: { ...created, spec: { ...created.spec, replicas: 3 } } });
    expect(stale).toMatchObject({ ok: false, status: 409, error: { reason: "Conflict", message: 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again' } });
  });

  it("binds a pod once and deletes a scheduled pod gracefully", () => {
    const h = apiHarness();
    h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("a") });
    const bind = (node: string) => h.call({ verb: "create", resource: "pods", namespace: "default", name: "a", subresource: "binding", body: { apiVersion: "v1", kind: "Binding", metadata: { name: "a" }, target: { kind: "Node", name: node } } });
    expect(bind("worker-1").ok).toBe(true);
    expect(bind("worker-2")).toMatchObject({ ok: false, status: 409, error: { message: 'Operation cannot be fulfilled on pods/binding "a": pod a is already assigned to node "worker-1"' } });
    const bound = objectOf<Pod>(h.call({ verb: "get", resource: "pods", namespace: "default", name: "a" }));
    expect(bound.spec.nodeName).toBe("worker-1");
    expect(bound.status?.conditions?.[0]).toMatchObject({ type: "PodScheduled", status: "True" });
    const del = h.call({ verb: "delete", resource: "pods", namespace: "default", name: "a" });
    expect(objectOf<Pod>(del).metadata.deletionGracePeriodSeconds).toBe(30);
    expect(h.etcd.store.get("/registry/pods/default/a")).toBeDefined();
    h.call({ verb: "delete", resource: "pods", namespace: "default", name: "a", gracePeriodSeconds: 0 });
    expect(h.etcd.store.get("/registry/pods/default/a")).toBeUndefined();
  });

  it("allocates ClusterIPs and NodePorts and rejects a taken NodePort", () => {
    const h = apiHarness();
    const svc = (name: string, nodePort?: number): Service => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, nodePort }] } });
    const a = objectOf<Service>(h.call({ verb: "create", resource: "services", namespace: "default", body: svc("a", 30080) }));
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(a.spec.ports?.[0].nodePort).toBe(30080);
    const b = h.call({ verb: "create", resource: "services", namespace: "default", body: svc("b", 30080) });
    expect(b).toMatchObject({ ok: false, status: 422, error: { message: 'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated' } });
  });

  it("fans watch events out only to watchers that can see the object", () => {
    const h = apiHarness();
    const seen: Record<string, string[]> = { w1: [], w2: [], all: [] };
    const w1 = h.apiserver.watch({ verb: "watch", resource: "pods", fieldSelector: "spec.nodeName=worker-1" }, (e) => seen.w1.push(`${e.type} ${e.object.metadata.name}`));
    const w2 = h.apiserver.watch({ verb: "watch", resource: "pods", fieldSelector: "spec.nodeName=worker-2" }, (e) => seen.w2.push(`${e.type} ${e.object.metadata.name}`));
    const all = h.apiserver.watch({ verb: "watch", resource: "pods" }, (e) => seen.all.push(`${e.type} ${e.object.metadata.name}`));
    expect("kind" in w1 || "kind" in w2 || "kind" in all).toBe(false);
    h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("a") });
    h.call({ verb: "create", resource: "pods", namespace: "default", name: "a", subresource: "binding", body: { target: { name: "worker-1" } } });
    h.call({ verb: "delete", resource: "pods", namespace: "default", name: "a", gracePeriodSeconds: 0 });
    expect(seen.all).toEqual(["ADDED a", "MODIFIED a", "DELETED a"]);
    expect(seen.w1).toEqual(["ADDED a", "DELETED a"]);
    expect(seen.w2).toEqual([]);
  });


  it("lists nodes by metadata.name with the other selectors applied", () => {
    const h = apiHarness();
    for (const name of ["worker-1", "worker-2"]) h.call({ verb: "create", resource: "nodes", body: { apiVersion: "v1", kind: "Node", metadata: { name, labels: { pool: name === "worker-1" ? "a" : "b" } } } });
    const list = (fieldSelector: string, labelSelector?: string) => {
      const res = h.call({ verb: "list", resource: "nodes", fieldSelector, labelSelector });
      return res.ok ? (res.items ?? []).map((o) => o.metadata.name) : [];
    };
    expect(list("metadata.name=worker-2")).toEqual(["worker-2"]);
    expect(list("metadata.name=worker-3")).toEqual([]);
    expect(list("metadata.name=worker-1", "pool=b")).toEqual([]);
    expect(list("metadata.name!=worker-1")).toEqual(["worker-2"]);
  });

  it("tells a node's watchers (by name or not) of its changes in the order they registered", () => {
    const h = apiHarness();
    const order: string[] = [];
    const watch = (id: string, fieldSelector?: string) => h.apiserver.watch({ verb: "watch", resource: "nodes", fieldSelector }, (e) => order.push(`${id} ${e.type}`));
    watch("n1", "metadata.name=worker-1");
    watch("all");
    watch("n2", "metadata.name=worker-2");
    watch("n1b", "metadata.name=worker-1");
    watch("all2");
    h.call({ verb: "create", resource: "nodes", body: { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" } } });
    expect(order).toEqual(["n1 ADDED", "all ADDED", "n1b ADDED", "all2 ADDED"]);
  });
  it("fails reads and writes while etcd is down and loses nothing", () => {
    const h = apiHarness();
    h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("a") });
    h.etcd.stop();
    expect(h.call({ verb: "get", resource: "pods", namespace: "default", name: "a" })).toMatchObject({ ok: false, status: 500, error: { message: "etcdserver: request timed out" } });
    expect(h.call({ verb: "create", resource: "pods", namespace: "default", body: pod("b") })).toMatchObject({ ok: false, status: 500 });
    h.etcd.start();
    expect(h.call({ verb: "get", resource: "pods", namespace: "default", name: "a" }).ok).toBe(true);
  });

  it("refuses connections while it is stopped", () => {
    const h = apiHarness();
    h.apiserver.stop();
    expect(h.call({ verb: "list", resource: "pods", namespace: "default" })).toMatchObject({ ok: false, status: 0, error: { message: "connection refused" } });
    h.apiserver.start();
    expect(h.call({ verb: "list", resource: "pods", namespace: "default" }).ok).toBe(true);
  });

  it("traces the kubectl request through the pipeline, etcd and back", () => {
    const h = apiHarness();
    h.kernel.trace.events.length = 0;
    h.call({ verb: "create", resource: "deployments", namespace: "default", body: deployment(1) });
    const hops = h.kernel.trace.events.map((e) => `${e.from}->${e.to}:${e.kind}`);
    expect(hops).toEqual([
      "kubectl->kube-apiserver:request",
      "kube-apiserver->kube-apiserver:internal",
      "kube-apiserver->kube-apiserver:internal",
      "kube-apiserver->kube-apiserver:internal",
      "kube-apiserver->kube-apiserver:internal",
      "kube-apiserver->kube-apiserver:internal",
      "kube-apiserver->etcd:etcd",
      "etcd->kube-apiserver:etcd",
      "kube-apiserver->kubectl:response",
    ]);
    expect(h.kernel.trace.events[0].summary).toBe("POST deployments");
  });
});
