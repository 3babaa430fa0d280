import { describe, expect, it } from "vitest";
import type { Deployment, Node, Pod, ReplicaSet } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { RequestResult } from "../dataPath";
import { call, create, deployment, events, pod, podsOf, readyOf, service, waitFor } from "./fixtures";

const readyCount = (c: ClusterImpl, app: string) => podsOf(c, app).filter((p) => readyOf(p)?.status === "True").length;
const traceOf = (c: ClusterImpl) => {
  const out: { from: string; kind: string; verb?: string; summary: string }[] = [];
  c.subscribe((e) => out.push(e));
  return out;
};

describe("kube-scheduler stopped", () => {
  const c = createCluster({ seed: 71 });
  const trace = traceOf(c);
  const stopped = c.inject({ type: "component-stop", component: "kube-scheduler" });

  it("leaves new pods Pending with no node, then schedules them when it starts", () => {
    expect(stopped).toBe("kube-scheduler stopped");
    create(c, "pods", pod("waiting", { containers: [{ name: "nginx", image: "nginx:1.27" }] }));
    c.advance(60_000);
    const p = c.list<Pod>("pods", "default")[0];
    expect(p.status?.phase).toBe("Pending");
    expect(p.spec.nodeName).toBeUndefined();
    expect(events(c, "default").some((e) => e.reason === "Scheduled")).toBe(false);
    expect(trace.some((e) => e.kind === "fault" && e.verb === "stop" && e.summary === "stop kube-scheduler")).toBe(true);
    c.inject({ type: "component-start", component: "kube-scheduler" });
    const t = c.now();
    const at = waitFor(c, () => readyOf(c.list<Pod>("pods", "default")[0])?.status === "True", 60_000, 100);
    expect(at - t).toBeLessThan(20_000);
    expect(events(c, "default").some((e) => e.reason === "Scheduled" && e.message === `Successfully assigned default/waiting to ${c.list<Pod>("pods", "default")[0].spec.nodeName}`)).toBe(true);
  });
});

describe("kube-controller-manager stopped", () => {
  const c = createCluster({ seed: 72 });
  c.inject({ type: "component-stop", component: "kube-controller-manager" });

  it("stores the Deployment but creates no ReplicaSet or pods; catches up when it starts", () => {
    create(c, "deployments", deployment("web", 2));
    c.advance(60_000);
    expect(c.list<Deployment>("deployments", "default").map((d) => d.metadata.name)).toEqual(["web"]);
    expect(c.list<ReplicaSet>("replicasets", "default")).toEqual([]);
    expect(podsOf(c, "web")).toEqual([]);
    c.inject({ type: "component-start", component: "kube-controller-manager" });
    waitFor(c, () => readyCount(c, "web") === 2, 60_000);
    const rs = c.list<ReplicaSet>("replicasets", "default");
    expect(rs).toHaveLength(1);
    expect(events(c, "default").map((e) => `${e.reason}: ${e.message}`)).toContain(`ScalingReplicaSet: Scaled up replica set ${rs[0].metadata.name} from 0 to 2`);
  });
});

describe("kube-apiserver stopped", () => {
  const c = createCluster({ seed: 73 });
  create(c, "deployments", deployment("web", 3));
  create(c, "services", service("web"));
  create(c, "pods", pod("client", { containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "infinity"] }] }));
  waitFor(c, () => readyCount(c, "web") === 3 && readyOf(c.list<Pod>("pods", "default").find((p) => p.metadata.name === "client")!)?.status === "True", 120_000);
  const names = podsOf(c, "web").map((p) => p.metadata.name).sort();
  c.inject({ type: "component-stop", component: "kube-apiserver" });

  it("refuses every client call (status 0, connection refused)", () => {
    const r = call(c, { verb: "list", resource: "pods", namespace: "default" });
    expect(r).toMatchObject({ ok: false, status: 0 });
    expect(r.ok ? "" : r.error.message).toBe("connection refused");
  });

  it("leaves the pods running: kubelets keep them and traffic still flows on the programmed rules", () => {
    c.advance(120_000);
    for (const m of ["worker-1", "worker-2", "worker-3"]) expect(c.machines.get(m)!.runtime.runtime.running).toBe(true);
    let out: RequestResult | undefined;
    c.sendRequest({ from: { namespace: "default", pod: "client" }, url: "http://web" }, (r) => (out = r));
    c.settle(30_000);
    expect(out).toMatchObject({ ok: true, status: 200 });
  });

  it("when it returns, watchers re-list and the cluster carries on", () => {
    c.inject({ type: "component-start", component: "kube-apiserver" });
    c.advance(10_000);
    expect(podsOf(c, "web").map((p) => p.metadata.name).sort()).toEqual(names);
    const scaled = call(c, { verb: "patch", resource: "deployments", namespace: "default", name: "web", patchType: "merge", body: { spec: { replicas: 4 } } });
    expect(scaled.ok).toBe(true);
    waitFor(c, () => readyCount(c, "web") === 4, 60_000);
    // Nodes stayed Ready: their leases resumed before the grace period mattered, or were renewed on return.
    c.advance(60_000);
    expect(c.list<Node>("nodes").every((n) => readyOf(n)?.status === "True")).toBe(true);
  });
});

describe("etcd stopped", () => {
  const c = createCluster({ seed: 74 });
  create(c, "deployments", deployment("web", 2));
  waitFor(c, () => readyCount(c, "web") === 2, 120_000);
  const before = new Map(["deployments", "replicasets", "pods", "services", "configmaps", "serviceaccounts"].map((r) => [r, c.list(r).map((o) => `${o.metadata.namespace}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort()]));
  c.inject({ type: "component-stop", component: "etcd" });

  it("makes kube-apiserver fail reads and writes with etcdserver: request timed out", () => {
    const t = c.now();
    const get = call(c, { verb: "get", resource: "deployments", namespace: "default", name: "web" });
    expect(get).toMatchObject({ ok: false, status: 500 });
    expect(get.ok ? "" : get.error.message).toBe("etcdserver: request timed out");
    expect(c.now() - t).toBeGreaterThanOrEqual(5_000);
    const put = call(c, { verb: "create", resource: "deployments", namespace: "default", body: deployment("late", 1) });
    expect(put.ok ? "" : put.error.message).toBe("etcdserver: request timed out");
  });

  it("loses nothing: after it starts every object is there, and writes work again", () => {
    c.advance(30_000);
    c.inject({ type: "component-start", component: "etcd" });
    c.advance(30_000);
    for (const [resource, objs] of before) {
      const now = new Set(c.list(resource).map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
      for (const key of objs) expect(now.has(key.split("@")[0])).toBe(true);
    }
    const get = call(c, { verb: "get", resource: "deployments", namespace: "default", name: "web" });
    expect(get.ok).toBe(true);
    create(c, "deployments", deployment("late", 1));
    waitFor(c, () => readyCount(c, "late") === 1, 60_000);
    expect(readyCount(c, "web")).toBe(2);
  });
});
