import { describe, expect, it } from "vitest";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "../testFixtures";
import { TaintToleration, taintTolerationFilter, toleratesTaint } from "./taintToleration";

describe("TaintToleration", () => {
  it("rejects the control-plane taint with the real message", () => {
    const s = taintTolerationFilter([], [CONTROL_PLANE_TAINT]);
    expect(s?.reasons).toEqual(["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"]);
    expect(s?.code).toBe("UnschedulableAndUnresolvable");
  });

  it("names the first untolerated NoSchedule/NoExecute taint, with its value", () => {
    const taints = [
      { key: "soft", effect: "PreferNoSchedule" as const },
      { key: "dedicated", value: "gpu", effect: "NoExecute" as const },
    ];
    expect(taintTolerationFilter([], taints)?.reasons).toEqual(["node(s) had untolerated taint {dedicated: gpu}"]);
  });

  it("matches tolerations like v1.Toleration.ToleratesTaint", () => {
    expect(toleratesTaint({ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }, CONTROL_PLANE_TAINT)).toBe(true);
    expect(toleratesTaint({ operator: "Exists" }, CONTROL_PLANE_TAINT)).toBe(true);
    expect(toleratesTaint({ key: "dedicated", value: "gpu" }, { key: "dedicated", value: "gpu", effect: "NoSchedule" })).toBe(true);
    expect(toleratesTaint({ key: "dedicated", value: "cpu" }, { key: "dedicated", value: "gpu", effect: "NoSchedule" })).toBe(false);
    expect(toleratesTaint({ key: "dedicated", operator: "Exists", effect: "NoExecute" }, { key: "dedicated", effect: "NoSchedule" })).toBe(false);
  });

  it("scores by untolerated PreferNoSchedule taints, reversed: 0 → 100, 1 → 50, 2 → 0", () => {
    const snap = new Snapshot();
    const soft = (k: string) => ({ key: k, effect: "PreferNoSchedule" as const });
    const nodes = [snap.setNode(makeNode("a")), snap.setNode(makeNode("b", { taints: [soft("x")] })), snap.setNode(makeNode("c", { taints: [soft("x"), soft("y")] }))];
    const prep = TaintToleration.prepareScore(makePodInfo(makePod("p")), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    const scores = Float64Array.from(nodes.map(prep.score));
    expect([...scores]).toEqual([0, 1, 2]);
    prep.normalize?.(scores, nodes);
    expect([...scores]).toEqual([100, 50, 0]);
    expect(TaintToleration.weight).toBe(3);
  });

  it("scores every node 0 → 100 without looking at them when no node has a PreferNoSchedule taint", () => {
    const snap = new Snapshot();
    const nodes = [snap.setNode(makeNode("a")), snap.setNode(makeNode("b", { taints: [CONTROL_PLANE_TAINT] }))];
    const prep = TaintToleration.prepareScore(makePodInfo(makePod("p")), snap, nodes);
    expect(prep.kind === "run" && prep.uniform).toEqual({ raw: 0, normalized: 100 });
  });
});
