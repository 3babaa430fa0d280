// The node events a real cluster records: the kubelet's (BirthCry, the nodestatus setters,
// NodeAllocatableEnforced, recordNodeSchedulableEvent) and node-controller's (RegisteredNode,
// NodeNotReady), with their reasons, messages, sources and involvedObject as upstream builds them.
import { describe, expect, it } from "vitest";
import type { KubeEvent, NodeCondition } from "../../api/types";
import { createCluster, type ClusterImpl } from "../../cluster";
import { fromTimestamp } from "../../runtime";
import { call, events, node, readyOf, waitFor } from "../../scenarios/fixtures";
import { healthyStatusEvents, kubeletNodeRef, schedulableEvent } from "./nodeEvents";

const cond = (type: NodeCondition["type"], status: NodeCondition["status"]): NodeCondition => ({ type, status });
const HEALTHY = [cond("MemoryPressure", "False"), cond("DiskPressure", "False"), cond("PIDPressure", "False"), cond("Ready", "True")];
const UNKNOWN = HEALTHY.map((c) => ({ ...c, status: "Unknown" as const }));

describe("the kubelet's condition setters", () => {
  it("record the three pressure events over a Node with no conditions (initialNode), but no NodeReady for a Ready condition they create", () => {
    expect(healthyStatusEvents(undefined)).toEqual(["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"]);
    expect(healthyStatusEvents([])).toEqual(["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"]);
  });
  it("record nothing when the conditions already say so", () => {
    expect(healthyStatusEvents(HEALTHY)).toEqual([]);
  });
  it("record every transition, in setter order, over conditions node-controller turned Unknown", () => {
    expect(healthyStatusEvents(UNKNOWN)).toEqual(["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID", "NodeReady"]);
    expect(healthyStatusEvents([...HEALTHY.slice(0, 3), cond("Ready", "False")])).toEqual(["NodeReady"]);
  });
  it("record NodeNotSchedulable / NodeSchedulable when spec.unschedulable changes from what the process last saw", () => {
    expect(schedulableEvent(false, false)).toBeUndefined();
    expect(schedulableEvent(false, true)).toBe("NodeNotSchedulable");
    expect(schedulableEvent(true, true)).toBeUndefined();
    expect(schedulableEvent(true, false)).toBe("NodeSchedulable");
  });
  it("refer to the node by name, with the name as uid and no apiVersion (NewMainKubelet's nodeRef)", () => {
    expect(kubeletNodeRef("worker-1")).toEqual({ apiVersion: "", kind: "Node", metadata: { name: "worker-1", uid: "worker-1" } });
  });
});

const nodeEvents = (c: ClusterImpl, name: string): KubeEvent[] => events(c, "default").filter((e) => e.involvedObject.kind === "Node" && e.involvedObject.name === name);
const line = (e: KubeEvent) => `${e.type} ${e.reason} ${e.source?.component} x${e.count}: ${e.message}`;

describe("a booted cluster", () => {
  const c = createCluster({ seed: 7 });
  c.advance(30_000);
  const evs = nodeEvents(c, "worker-1");

  it("has the kubelet's start-up events in order, and node-controller's RegisteredNode once it sees the Node", () => {
    expect(evs.filter((e) => e.source?.component === "kubelet").map(line)).toEqual([
      "Normal Starting kubelet x1: Starting kubelet.",
      "Normal NodeHasSufficientMemory kubelet x1: Node worker-1 status is now: NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure kubelet x1: Node worker-1 status is now: NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID kubelet x1: Node worker-1 status is now: NodeHasSufficientPID",
      "Normal NodeAllocatableEnforced kubelet x1: Updated Node Allocatable limit across pods",
    ]);
    expect(evs.filter((e) => e.source?.component === "node-controller").map(line)).toEqual(["Normal RegisteredNode node-controller x1: Node worker-1 event: Registered Node worker-1 in Controller"]);
    expect(evs.map((e) => e.reason).indexOf("RegisteredNode")).toBeGreaterThan(evs.map((e) => e.reason).indexOf("Starting"));
  });

  it("records the kubelet's events against the node name (uid = name, no apiVersion) from kubelet on the host, in namespace default", () => {
    for (const e of evs.filter((x) => x.source?.component === "kubelet")) {
      expect(e.metadata.namespace).toBe("default");
      expect(e.metadata.name).toMatch(/^worker-1\.[0-9a-f]+$/);
      expect(e.involvedObject).toEqual({ kind: "Node", name: "worker-1", uid: "worker-1" });
      expect(e.source).toEqual({ component: "kubelet", host: "worker-1" });
      expect(e.reportingComponent).toBe("kubelet");
      expect(e.reportingInstance).toBe("worker-1");
    }
  });

  it("records node-controller's against the Node's real uid (RecordNodeEvent)", () => {
    const reg = evs.find((e) => e.reason === "RegisteredNode")!;
    expect(reg.involvedObject).toEqual({ kind: "Node", name: "worker-1", uid: node(c, "worker-1")!.metadata.uid, apiVersion: "v1" });
    expect(reg.source).toEqual({ component: "node-controller" });
  });

  it("records no NodeReady: the simulated kubelet registers its Node Ready already, so the Ready setter never sees a change", () => {
    expect(evs.some((e) => e.reason === "NodeReady")).toBe(false);
  });

  it("records them once per node", () => {
    const reasons = (name: string) => nodeEvents(c, name).map((e) => e.reason).sort();
    for (const name of ["control-plane", "worker-2", "worker-3"]) expect(reasons(name)).toEqual(reasons("worker-1"));
  });
});

describe("a node that loses power and boots again", () => {
  const c = createCluster({ seed: 7 });
  c.advance(30_000);
  const before = nodeEvents(c, "worker-1").length;
  c.inject({ type: "node-stop", node: "worker-1" });
  waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "Unknown", 120_000, 100);
  c.advance(10_000);
  const whileDown = nodeEvents(c, "worker-1").slice(before);
  c.inject({ type: "node-start", node: "worker-1" });
  waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "True", 30_000, 100);
  c.advance(5_000);
  const after = nodeEvents(c, "worker-1").slice(before);

  it("gets NodeNotReady from node-controller when it marks the Ready condition Unknown", () => {
    expect(whileDown.map(line)).toEqual(["Normal NodeNotReady node-controller x1: Node worker-1 status is now: NodeNotReady"]);
    expect(whileDown[0].involvedObject).toEqual({ kind: "Node", name: "worker-1", uid: node(c, "worker-1")!.metadata.uid, apiVersion: "v1" });
  });

  it("then, from the new kubelet process: Starting, the registration's setters, NodeAllocatableEnforced, and over the Unknown conditions the setters again (x2) and NodeReady", () => {
    expect(after.map(line)).toEqual([
      "Normal NodeNotReady node-controller x1: Node worker-1 status is now: NodeNotReady",
      "Normal Starting kubelet x1: Starting kubelet.",
      "Normal NodeHasSufficientMemory kubelet x2: Node worker-1 status is now: NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure kubelet x2: Node worker-1 status is now: NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID kubelet x2: Node worker-1 status is now: NodeHasSufficientPID",
      "Normal NodeAllocatableEnforced kubelet x1: Updated Node Allocatable limit across pods",
      "Normal NodeReady kubelet x1: Node worker-1 status is now: NodeReady",
    ]);
    // No Rebooted warning: it needs a boot ID that changed, and the simulated node reports none.
    expect(after.some((e) => e.reason === "Rebooted")).toBe(false);
  });
});

describe("a node cut off from the control plane and healed", () => {
  const c = createCluster({ seed: 7 });
  c.advance(30_000);
  c.inject({ type: "node-partition", node: "worker-2" });
  waitFor(c, () => readyOf(node(c, "worker-2")!)?.status === "Unknown", 120_000, 100);
  c.inject({ type: "node-heal", node: "worker-2" });
  waitFor(c, () => readyOf(node(c, "worker-2")!)?.status === "True", 60_000, 100);
  c.advance(5_000);

  it("records no second Starting (the kubelet never stopped), but its setters see the Unknown conditions: the pressure events again (x2, same process) and NodeReady", () => {
    const evs = nodeEvents(c, "worker-2");
    expect(evs.filter((e) => e.source?.component === "kubelet").map(line)).toEqual([
      "Normal Starting kubelet x1: Starting kubelet.",
      "Normal NodeHasSufficientMemory kubelet x2: Node worker-2 status is now: NodeHasSufficientMemory",
      "Normal NodeHasNoDiskPressure kubelet x2: Node worker-2 status is now: NodeHasNoDiskPressure",
      "Normal NodeHasSufficientPID kubelet x2: Node worker-2 status is now: NodeHasSufficientPID",
      "Normal NodeAllocatableEnforced kubelet x1: Updated Node Allocatable limit across pods",
      "Normal NodeReady kubelet x1: Node worker-2 status is now: NodeReady",
    ]);
    expect(evs.filter((e) => e.reason === "NodeNotReady").map(line)).toEqual(["Normal NodeNotReady node-controller x1: Node worker-2 status is now: NodeNotReady"]);
    const mem = evs.find((e) => e.reason === "NodeHasSufficientMemory")!;
    expect(fromTimestamp(mem.lastTimestamp!) - fromTimestamp(mem.firstTimestamp!)).toBeGreaterThan(50_000);
  });
});

describe("cordon and uncordon", () => {
  it("the kubelet records NodeNotSchedulable, then NodeSchedulable, at its next status sync", () => {
    const c = createCluster({ seed: 7 });
    c.advance(30_000);
    const before = nodeEvents(c, "worker-3").length;
    call(c, { verb: "patch", resource: "nodes", name: "worker-3", patchType: "merge", body: { spec: { unschedulable: true } } });
    c.advance(11_000);
    call(c, { verb: "patch", resource: "nodes", name: "worker-3", patchType: "merge", body: { spec: { unschedulable: null } } });
    c.advance(11_000);
    expect(nodeEvents(c, "worker-3").slice(before).map(line)).toEqual([
      "Normal NodeNotSchedulable kubelet x1: Node worker-3 status is now: NodeNotSchedulable",
      "Normal NodeSchedulable kubelet x1: Node worker-3 status is now: NodeSchedulable",
    ]);
  });
});
