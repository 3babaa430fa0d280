import { describe, expect, it } from "vitest";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { NodeResourcesFit, leastAllocatedScore, leastRequestedScore, nodeResourcesFitFilter } from "./nodeResourcesFit";

function nodeWith(pods: ReturnType<typeof makePod>[], opts = {}) {
  const s = new Snapshot();
  const info = s.setNode(makeNode("worker-1", opts));
  for (const p of pods) s.addPod(p, "worker-1");
  return info;
}

describe("NodeResourcesFit filter", () => {
  it("passes when requests fit what is left", () => {
    const node = nodeWith([makePod("a", { cpu: "3" })]);
    expect(nodeResourcesFitFilter(makePodInfo(makePod("b", { cpu: "1" })), node)).toBeNull();
  });

  it("reports Insufficient cpu", () => {
    const node = nodeWith([makePod("a", { cpu: "3500m" })]);
    expect(nodeResourcesFitFilter(makePodInfo(makePod("b", { cpu: "1" })), node)?.reasons).toEqual(["Insufficient cpu"]);
  });

  it("reports every shortage of one node", () => {
    const node = nodeWith([makePod("a", { cpu: "4", memory: "16Gi" })]);
    const s = nodeResourcesFitFilter(makePodInfo(makePod("b", { cpu: "100m", memory: "1Mi" })), node);
    expect(s?.reasons).toEqual(["Insufficient cpu", "Insufficient memory"]);
    expect(s?.code).toBe("Unschedulable");
  });

  it("reports Too many pods even for a request-less pod", () => {
    const node = nodeWith([makePod("a")], { pods: "1" });
    expect(nodeResourcesFitFilter(makePodInfo(makePod("b")), node)?.reasons).toEqual(["Too many pods"]);
  });

  it("ignores resources the pod does not request", () => {
    const node = nodeWith([makePod("a", { cpu: "4" })]);
    expect(nodeResourcesFitFilter(makePodInfo(makePod("b", { memory: "1Gi" })), node)).toBeNull();
  });
});

describe("NodeResourcesFit score (LeastAllocated)", () => {
  it("leastRequestedScore truncates like integer division", () => {
    expect(leastRequestedScore(1500, 4000)).toBe(62);
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    expect(leastRequestedScore(0, 0)).toBe(0);
  });

  it("averages cpu and memory: (50 + 62) / 2 = 56", () => {
    const node = nodeWith([makePod("a", { cpu: "1", memory: "4Gi" })]);
    expect(leastAllocatedScore(makePodInfo(makePod("b", { cpu: "1", memory: "2Gi" })), node)).toBe(56);
  });

  it("counts a request-less pod as 100m / 200Mi: (97 + 98) / 2 = 97", () => {
    const node = nodeWith([]);
    expect(leastAllocatedScore(makePodInfo(makePod("b")), node)).toBe(97);
  });

  it("is a weight-1 score plugin without normalisation", () => {
    const prep = NodeResourcesFit.prepareScore(makePodInfo(makePod("b")), new Snapshot(), []);
    expect(NodeResourcesFit.weight).toBe(1);
    expect(prep.kind === "run" && prep.normalize).toBeFalsy();
  });
});
