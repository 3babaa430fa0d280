import { describe, expect, it } from "vitest";
import type { Pod } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { RequestResult } from "../dataPath";
import { fromTimestamp } from "../runtime";
import { create, deployment, events, node, pod, podsOf, readyOf, service, waitFor } from "./fixtures";

function setup(seed: number): ClusterImpl {
  const c = createCluster({ seed });
  create(c, "deployments", deployment("web", 3));
  create(c, "services", service("web"));
  // A curl pod on the node that will be cut off.
  create(c, "pods", pod("insider", { nodeName: "worker-1", containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "infinity"] }] }));
  waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 120_000);
  c.advance(5_000);
  return c;
}

function curl(c: ClusterImpl, url: string, from?: string): RequestResult {
  let out: RequestResult | undefined;
  c.sendRequest({ ...(from ? { from: { namespace: "default", pod: from } } : {}), url }, (r) => (out = r));
  while (!out && c.step()) {
    /* until curl prints */
  }
  return out!;
}

const onWorker1 = (c: ClusterImpl): Pod => podsOf(c, "web").find((p) => p.spec.nodeName === "worker-1")!;
const containerID = (p: Pod) => p.status?.containerStatuses?.[0]?.containerID;

describe("a worker cut off from the control plane and healed within the toleration", () => {
  const c = setup(52);
  const before = onWorker1(c);
  const cutAt = c.now();
  c.inject({ type: "node-partition", node: "worker-1" });
  const unknownAt = waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "Unknown", 120_000, 100);

  it("goes NotReady on the same path as a dead node: Unknown after the grace period, tainted, pods not ready", () => {
    expect(unknownAt - cutAt).toBeGreaterThanOrEqual(40_000);
    expect(unknownAt - cutAt).toBeLessThanOrEqual(65_000);
    expect(readyOf(node(c, "worker-1")!)).toMatchObject({ reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    waitFor(c, () => (node(c, "worker-1")!.spec.taints ?? []).length === 2, 10_000, 100);
    expect(readyOf(onWorker1(c))?.status).toBe("False");
    expect(events(c).some((e) => e.reason === "NodeNotReady" && e.message === "Node worker-1 status is now: NodeNotReady")).toBe(true);
  });

  it("keeps its containers running: a pod on the same node still gets answers from them", () => {
    const r = curl(c, `http://${before.status!.podIP}`, "insider");
    expect(r).toMatchObject({ ok: true, status: 200, servedBy: `default/${before.metadata.name}` });
    // From outside the partition the same pod does not answer.
    const nodePortless = curl(c, `http://192.168.49.3:10250`);
    expect(nodePortless.exitCode).toBe(28);
  });

  it("recovers on heal: Ready, taints removed, the same containers still running, nothing evicted", () => {
    c.advance(60_000);
    c.inject({ type: "node-heal", node: "worker-1" });
    waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "True", 30_000, 100);
    waitFor(c, () => (node(c, "worker-1")!.spec.taints ?? []).length === 0, 15_000, 100);
    waitFor(c, () => readyOf(onWorker1(c))?.status === "True", 30_000, 100);
    const after = onWorker1(c);
    expect(after.metadata.name).toBe(before.metadata.name);
    expect(containerID(after)).toBe(containerID(before));
    expect(after.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    const eviction = events(c, "default").filter((e) => e.reason === "TaintManagerEviction").map((e) => e.message);
    expect(eviction.some((m) => m?.startsWith("Marking for deletion"))).toBe(false);
    expect(eviction).toContain(`Cancelling deletion of Pod default/${before.metadata.name}`);
    expect(podsOf(c, "web")).toHaveLength(3);
  });
});

describe("a worker partitioned past the 300 s toleration", () => {
  const c = setup(53);
  const victim = onWorker1(c);
  c.inject({ type: "node-partition", node: "worker-1" });
  waitFor(c, () => podsOf(c, "web").some((p) => p.metadata.deletionTimestamp), 420_000, 1_000);

  it("is evicted and replaced while the old container keeps running behind the partition", () => {
    const ev = events(c, "default").find((e) => e.reason === "TaintManagerEviction" && e.involvedObject.name === victim.metadata.name);
    expect(ev?.message).toBe(`Marking for deletion Pod default/${victim.metadata.name}`);
    waitFor(c, () => podsOf(c, "web").filter((p) => !p.metadata.deletionTimestamp && readyOf(p)?.status === "True").length === 3, 30_000);
    c.advance(60_000);
    const terminating = podsOf(c, "web").find((p) => p.metadata.deletionTimestamp);
    expect(terminating?.metadata.name).toBe(victim.metadata.name);
    expect(fromTimestamp(terminating!.metadata.deletionTimestamp!)).toBeLessThan(c.now());
    expect(curl(c, `http://${victim.status!.podIP}`, "insider")).toMatchObject({ ok: true, status: 200 });
  });

  it("on heal the kubelet learns of the deletion, stops the container, and the pod disappears", () => {
    c.inject({ type: "node-heal", node: "worker-1" });
    waitFor(c, () => !podsOf(c, "web").some((p) => p.metadata.name === victim.metadata.name), 60_000, 100);
    const killing = events(c, "default").find((e) => e.reason === "Killing" && e.involvedObject.name === victim.metadata.name);
    expect(killing?.message).toBe("Stopping container nginx");
    expect(curl(c, `http://${victim.status!.podIP}`, "insider").ok).toBe(false);
    waitFor(c, () => (node(c, "worker-1")!.spec.taints ?? []).length === 0, 30_000, 100);
    expect(podsOf(c, "web").filter((p) => readyOf(p)?.status === "True")).toHaveLength(3);
  });
});
