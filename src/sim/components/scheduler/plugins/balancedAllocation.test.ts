import { describe, expect, it } from "vitest";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { NodeResourcesBalancedAllocation, balancedAllocationScore } from "./balancedAllocation";

describe("NodeResourcesBalancedAllocation", () => {
  it("scores 100 when cpu and memory are used in the same proportion", () => {
    const s = new Snapshot();
    const node = s.setNode(makeNode("w"));
    s.addPod(makePod("a", { memory: "8Gi" }), "w");
    // cpu 2000/4000 = 0.5, memory 8Gi/16Gi = 0.5
    expect(balancedAllocationScore(makePodInfo(makePod("b", { cpu: "2" })), node)).toBe(100);
  });

  it("scores (1 − |0.25 − 0| / 2) × 100 = 87", () => {
    const s = new Snapshot();
    const node = s.setNode(makeNode("w"));
    expect(balancedAllocationScore(makePodInfo(makePod("b", { cpu: "1" })), node)).toBe(87);
  });

  it("uses real requests, not the 100m / 200Mi defaults", () => {
    const s = new Snapshot();
    const node = s.setNode(makeNode("w"));
    s.addPod(makePod("best-effort"), "w");
    expect(balancedAllocationScore(makePodInfo(makePod("b", { cpu: "1" })), node)).toBe(87);
  });

  it("skips best-effort pods", () => {
    expect(NodeResourcesBalancedAllocation.prepareScore(makePodInfo(makePod("b")), new Snapshot(), []).kind).toBe("skip");
  });
});
