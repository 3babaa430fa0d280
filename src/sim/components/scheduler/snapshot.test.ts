import { describe, expect, it } from "vitest";
import { Snapshot } from "./snapshot";
import { makeNode, makePod } from "./testFixtures";
import { nodeEvents } from "./watchFilters";

const nginx = [{ names: ["nginx:1.27"], sizeBytes: 70_000_000 }];

describe("Snapshot (the scheduler cache)", () => {
  it("keeps node aggregates current as pods come and go", () => {
    const s = new Snapshot();
    const n = s.setNode(makeNode("w", { cpu: "4", memory: "8Gi" }));
    s.addPod(makePod("a", { cpu: "500m", memory: "1Gi", hostPort: 80 }), "w");
    s.addPod(makePod("b"), "w");
    expect([n.requestedMilliCpu, n.requestedMemory, n.pods.size]).toEqual([500, 1024 ** 3, 2]);
    // b asks for nothing but counts as 100m / 200Mi when scoring.
    expect([n.nonZeroMilliCpu, n.nonZeroMemory]).toEqual([600, 1024 ** 3 + 200 * 1024 ** 2]);
    expect([...n.usedPorts.keys()]).toEqual(["TCP/80"]);
    s.removePod("default/a");
    expect([n.requestedMilliCpu, n.pods.size, n.usedPorts.size]).toEqual([0, 1, 0]);
    expect(n.allocatableMilliCpu).toBe(4000);
  });

  it("ignores status-only pod updates and re-files label changes", () => {
    const s = new Snapshot();
    s.setNode(makeNode("w"));
    const pod = makePod("a", { labels: { app: "web" }, nodeName: "w" });
    s.addPod(pod);
    const counts = s.spreadCounts("default", { matchLabels: { app: "web" } });
    s.updatePod({ ...pod, status: { phase: "Running" } });
    expect(counts.count("w")).toBe(1);
    s.updatePod({ ...pod, metadata: { ...pod.metadata, labels: { app: "db" } } });
    expect(counts.count("w")).toBe(0);
  });

  it("counts image spread across nodes and forgets removed nodes", () => {
    const s = new Snapshot();
    s.setNode(makeNode("a", { images: nginx }));
    s.setNode(makeNode("b", { images: nginx }));
    expect(s.imageNumNodes("nginx:1.27")).toBe(2);
    s.setNode(makeNode("b")); // the image was garbage-collected
    expect(s.imageNumNodes("nginx:1.27")).toBe(1);
    s.removeNode("a");
    expect(s.imageNumNodes("nginx:1.27")).toBe(0);
    expect(s.nodes().map((n) => n.name)).toEqual(["b"]);
  });

  it("keeps a removed node's pods accounted until they are deleted", () => {
    const s = new Snapshot();
    s.setNode(makeNode("gone"));
    s.addPod(makePod("p"), "gone");
    s.removeNode("gone");
    expect(s.node("gone")).toBeUndefined();
    expect(s.nodeOfPod("default/p")).toBe("gone");
    s.removePod("default/p");
    expect(s.hasPod("default/p")).toBe(false);
  });

  it("accepts pods before their node (informer order) and attaches them", () => {
    const s = new Snapshot();
    s.addPod(makePod("early", { cpu: "1" }), "late");
    const n = s.setNode(makeNode("late"));
    expect(n.requestedMilliCpu).toBe(1000);
    expect(s.nodes().length).toBe(1);
  });
});

describe("nodeEvents", () => {
  it("turns node changes into the queue's cluster events; heartbeats into none", () => {
    const n = makeNode("w");
    expect(nodeEvents(undefined, n)).toEqual(["NodeAdd"]);
    expect(nodeEvents(n, { ...n, status: { ...n.status, conditions: [{ type: "Ready", status: "True" }] } })).toEqual([]);
    expect(nodeEvents(n, { ...n, spec: { ...n.spec, unschedulable: true } })).toEqual(["NodeTaintChange"]);
    expect(nodeEvents(n, makeNode("w", { labels: { disk: "ssd" }, cpu: "8" }))).toEqual(["NodeLabelChange", "NodeAllocatableChange"]);
  });
});
