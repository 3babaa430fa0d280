import { describe, expect, it } from "vitest";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { NodeName } from "./nodeName";
import { NodePorts } from "./nodePorts";
import { NodeUnschedulable } from "./nodeUnschedulable";

describe("NodeUnschedulable", () => {
  const snap = new Snapshot();
  const cordoned = snap.setNode(makeNode("cordoned", { unschedulable: true }));
  const open = snap.setNode(makeNode("open"));

  it("rejects cordoned nodes", () => {
    const prep = NodeUnschedulable.prepareFilter(makePodInfo(makePod("p")), snap);
    if (prep.kind !== "run") throw new Error("expected a filter");
    expect(prep.filter(cordoned, cordoned.id)?.reasons).toEqual(["node(s) were unschedulable"]);
    expect(prep.filter(cordoned, cordoned.id)?.code).toBe("UnschedulableAndUnresolvable");
    expect(prep.filter(open, open.id)).toBeNull();
  });

  it("lets pods tolerating node.kubernetes.io/unschedulable through", () => {
    const pod = makePod("ds", { spec: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] } });
    const prep = NodeUnschedulable.prepareFilter(makePodInfo(pod), snap);
    expect(prep.kind === "run" && prep.filter(cordoned, cordoned.id)).toBeNull();
  });
});

describe("NodeUnschedulable with no node cordoned", () => {
  it("passes every node without being asked, and runs again once a node is cordoned", () => {
    const snap = new Snapshot();
    snap.setNode(makeNode("a", { unschedulable: true }));
    const pod = makePodInfo(makePod("p"));
    expect(NodeUnschedulable.prepareFilter(pod, snap)).not.toHaveProperty("passesAll");
    snap.setNode(makeNode("a")); // uncordoned
    expect(NodeUnschedulable.prepareFilter(pod, snap)).toMatchObject({ kind: "run", passesAll: true });
    snap.setNode(makeNode("b", { unschedulable: true }));
    snap.setNode(makeNode("b", { unschedulable: true })); // a heartbeat
    snap.removeNode("a");
    expect(NodeUnschedulable.prepareFilter(pod, snap)).not.toHaveProperty("passesAll");
    snap.removeNode("b");
    expect(NodeUnschedulable.prepareFilter(pod, snap)).toMatchObject({ passesAll: true });
    expect(snap.unschedulableNodes).toBe(0);
  });
});

describe("NodeName", () => {
  it("fits only the named node", () => {
    const snap = new Snapshot();
    const a = snap.setNode(makeNode("a"));
    const b = snap.setNode(makeNode("b"));
    const prep = NodeName.prepareFilter(makePodInfo(makePod("p", { nodeName: "a" })), snap);
    if (prep.kind !== "run") throw new Error("expected a filter");
    expect(prep.filter(a, a.id)).toBeNull();
    expect(prep.filter(b, b.id)?.reasons).toEqual(["node(s) didn't match the requested node name"]);
  });
});

describe("NodePorts", () => {
  it("rejects a node where the host port is taken", () => {
    const snap = new Snapshot();
    const busy = snap.setNode(makeNode("busy"));
    const free = snap.setNode(makeNode("free"));
    snap.addPod(makePod("old", { hostPort: 8080 }), "busy");
    const prep = NodePorts.prepareFilter(makePodInfo(makePod("new", { hostPort: 8080 })), snap);
    if (prep.kind !== "run") throw new Error("expected a filter");
    expect(prep.filter(busy, busy.id)?.reasons).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    expect(prep.filter(busy, busy.id)?.code).toBe("Unschedulable");
    expect(prep.filter(free, free.id)).toBeNull();
    // Freed when the pod goes.
    snap.removePod("default/old");
    expect(prep.filter(busy, busy.id)).toBeNull();
  });

  it("is skipped for pods without host ports", () => {
    expect(NodePorts.prepareFilter(makePodInfo(makePod("p")), new Snapshot()).kind).toBe("skip");
  });
});
