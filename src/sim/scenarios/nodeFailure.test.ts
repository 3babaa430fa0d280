import { describe, expect, it } from "vitest";
import type { EndpointSlice, Lease } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { RequestResult } from "../dataPath";
import { fromTimestamp } from "../runtime";
import { create, deployment, events, node, pod, podsOf, readyOf, service, waitFor } from "./fixtures";

/** nginx ×3 (one per worker) behind a Service, and a curl pod pinned to worker-2. */
function setup(seed: number): ClusterImpl {
  const c = createCluster({ seed });
  create(c, "deployments", deployment("web", 3));
  create(c, "services", service("web"));
  create(c, "pods", pod("client", { nodeName: "worker-2", containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "infinity"] }] }));
  waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 120_000);
  c.advance(5_000);
  return c;
}

function curl(c: ClusterImpl, url: string): RequestResult {
  let out: RequestResult | undefined;
  c.sendRequest({ from: { namespace: "default", pod: "client" }, url }, (r) => (out = r));
  while (!out && c.step()) {
    /* until curl prints */
  }
  return out!;
}

const leaseRenew = (c: ClusterImpl, name: string) => fromTimestamp(c.list<Lease>("leases", "kube-node-lease").find((l) => l.metadata.name === name)!.spec.renewTime!);
const ms = (ts: string | undefined) => fromTimestamp(ts ?? "");

describe("a worker loses power (real profile): NotReady, eviction, replacement, recovery", () => {
  const c = setup(41);
  const victim = podsOf(c, "web").find((p) => p.spec.nodeName === "worker-1")!;
  const victimIP = victim.status!.podIP!;
  const stoppedAt = c.now();
  c.inject({ type: "node-stop", node: "worker-1" });
  const lastRenew = leaseRenew(c, "worker-1");

  // Before the grace period expires, kube-proxy still sends a share of connections to the dead pod.
  const early = [1, 2, 3, 4, 5, 6].map(() => curl(c, "http://web"));
  const unknownAt = waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "Unknown", 120_000, 100);

  it("keeps routing to the dead pod (and to a dead CoreDNS pod) until the node is declared unreachable: those requests time out", () => {
    for (const r of early) {
      if (r.ok) expect(r.servedBy).not.toBe(`default/${victim.metadata.name}`);
      else expect(r.error).toMatch(/^curl: \(28\) Failed to connect to web port 80 after 1[05]\d{3} ms: Timeout was reached$|^curl: \(6\) Could not resolve host: web$/);
    }
    expect(early.some((r) => !r.ok)).toBe(true);
    expect(early.some((r) => r.ok)).toBe(true);
  });

  it("marks the node Unknown 50 s (+ at most one 5 s monitor period) after the last heartbeat", () => {
    expect(lastRenew).toBeLessThanOrEqual(stoppedAt);
    expect(stoppedAt - lastRenew).toBeLessThan(10_000);
    expect(unknownAt - lastRenew).toBeGreaterThanOrEqual(50_000);
    expect(unknownAt - lastRenew).toBeLessThanOrEqual(55_100);
    const n = node(c, "worker-1")!;
    for (const cond of n.status!.conditions!) {
      expect(cond).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    }
  });

  it("taints it unreachable (NoSchedule and NoExecute) and records NodeNotReady", () => {
    waitFor(c, () => (node(c, "worker-1")!.spec.taints ?? []).length === 2, 10_000, 100);
    const taints = node(c, "worker-1")!.spec.taints!.map((t) => `${t.key}:${t.effect}`).sort();
    expect(taints).toEqual(["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"]);
    const text = events(c).map((e) => `${e.involvedObject.kind} ${e.involvedObject.name} ${e.type} ${e.reason}: ${e.message}`);
    expect(text).toContain("Node worker-1 Normal NodeNotReady: Node worker-1 status is now: NodeNotReady");
    expect(text).toContain(`Pod ${victim.metadata.name} Warning NodeNotReady: Node is not ready`);
  });

  it("marks its pods Ready=False (still Running) and drops them from the EndpointSlice and every kube-proxy", () => {
    c.advance(3_000);
    const p = podsOf(c, "web").find((x) => x.metadata.name === victim.metadata.name)!;
    expect(p.status?.phase).toBe("Running");
    expect(readyOf(p)?.status).toBe("False");
    expect(podsOf(c, "web").filter((x) => x.spec.nodeName !== "worker-1").every((x) => readyOf(x)?.status === "True")).toBe(true);
    const slice = c.list<EndpointSlice>("endpointslices", "default").find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")!;
    expect(slice.endpoints.find((e) => e.addresses[0] === victimIP)?.conditions.ready).toBe(false);
    for (const name of ["worker-2", "worker-3", "control-plane"]) {
      const rule = c.machines.get(name)!.proxy.rules.services.find((s) => s.name === "default/web")!;
      expect(rule.endpoints.filter((e) => e.ready).map((e) => e.ip)).not.toContain(victimIP);
      expect(rule.endpoints.filter((e) => e.ready)).toHaveLength(2);
    }
    const after = [1, 2, 3, 4, 5, 6].map(() => curl(c, "http://web"));
    expect(after.every((r) => r.ok && r.status === 200 && r.servedBy !== `default/${victim.metadata.name}`)).toBe(true);
  });

  it("evicts its pods 300 s after the NoExecute taint; they stay Terminating while replacements run elsewhere", () => {
    const taintAt = ms(node(c, "worker-1")!.spec.taints!.find((t) => t.effect === "NoExecute")!.timeAdded);
    const deletedAt = waitFor(c, () => podsOf(c, "web").some((x) => x.metadata.deletionTimestamp), 400_000, 500);
    expect(deletedAt - taintAt).toBeGreaterThanOrEqual(300_000);
    expect(deletedAt - taintAt).toBeLessThanOrEqual(301_000);
    const ev = events(c, "default").find((e) => e.reason === "TaintManagerEviction")!;
    expect(ev.message).toBe(`Marking for deletion Pod default/${victim.metadata.name}`);
    expect(ev.source.component).toMatch(/^taint-eviction-controller$|^taint-controller$/);
    waitFor(c, () => podsOf(c, "web").filter((x) => readyOf(x)?.status === "True").length === 3, 30_000);
    expect(c.now() - deletedAt).toBeLessThan(10_000);
    c.advance(120_000);
    const pods = podsOf(c, "web");
    expect(pods).toHaveLength(4);
    const terminating = pods.filter((x) => x.metadata.deletionTimestamp);
    expect(terminating.map((x) => x.metadata.name)).toEqual([victim.metadata.name]);
    const replacement = pods.find((x) => !x.metadata.deletionTimestamp && x.metadata.name !== victim.metadata.name && ms(x.metadata.creationTimestamp) >= taintAt)!;
    expect(replacement.status?.phase).toBe("Running");
    expect(["worker-2", "worker-3"]).toContain(replacement.spec.nodeName);
  });

  it("comes back when started: Ready, untainted, and the Terminating pod is gone", () => {
    const startedAt = c.now();
    c.inject({ type: "node-start", node: "worker-1" });
    const readyAt = waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "True", 60_000, 100);
    expect(readyAt - startedAt).toBeLessThan(15_000);
    waitFor(c, () => (node(c, "worker-1")!.spec.taints ?? []).length === 0, 15_000, 100);
    waitFor(c, () => !podsOf(c, "web").some((x) => x.metadata.name === victim.metadata.name), 60_000, 100);
    c.advance(10_000);
    const pods = podsOf(c, "web");
    expect(pods).toHaveLength(3);
    expect(pods.every((x) => readyOf(x)?.status === "True" && !x.metadata.deletionTimestamp)).toBe(true);
  });
});
