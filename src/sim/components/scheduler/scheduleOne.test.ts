import { describe, expect, it } from "vitest";
import { Rng } from "../../runtime";
import { defaultPlugins } from "./plugins";
import { makePodInfo } from "./podInfo";
import { createScheduleContext, numFeasibleNodesToFind, scheduleOne } from "./scheduleOne";
import { describeResult, evaluatedNames, scoredNames, verdictsOf } from "./schedulingResult";
import { Snapshot } from "./snapshot";
import { CONTROL_PLANE_TAINT, firstTieRng, lastTieRng, makeNode, makePod } from "./testFixtures";

function defaultCluster(workers = 3) {
  const snap = new Snapshot();
  snap.setNode(makeNode("control-plane", { taints: [CONTROL_PLANE_TAINT], labels: { "node-role.kubernetes.io/control-plane": "" } }));
  for (let i = 1; i <= workers; i++) snap.setNode(makeNode(`worker-${i}`, { zone: i % 2 === 1 ? "zone-a" : "zone-b" }));
  return snap;
}

describe("numFeasibleNodesToFind (adaptive percentageOfNodesToScore)", () => {
  it("looks at every node below 100", () => {
    expect(numFeasibleNodesToFind(4)).toBe(4);
    expect(numFeasibleNodesToFind(99)).toBe(99);
  });
  it("uses 50 % − nodes/125, at least 100 nodes and 5 %", () => {
    expect(numFeasibleNodesToFind(100)).toBe(100); // 50 % of 100 = 50 → at least 100
    expect(numFeasibleNodesToFind(1000)).toBe(420); // 42 %
    expect(numFeasibleNodesToFind(5000)).toBe(500); // 10 %
    expect(numFeasibleNodesToFind(6000)).toBe(300); // 2 % → 5 %
    expect(numFeasibleNodesToFind(1000, 10)).toBe(100); // an explicit 10 %
  });
});

describe("scheduleOne", () => {
  it("skips the tainted control plane and picks a worker", () => {
    const snap = defaultCluster();
    const r = scheduleOne(makePodInfo(makePod("web-1")), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(r.node).toMatch(/^worker-/);
    expect(r.feasibleNodes).toBe(3);
    expect(r.evaluatedNodes).toBe(4);
    const cp = describeResult(r).filters.find((f) => f.node === "control-plane");
    expect(cp?.feasible).toBe(false);
    expect(cp?.verdicts.slice(0, 4)).toEqual([
      { plugin: "NodeUnschedulable", result: "pass" },
      { plugin: "NodeName", result: "pass" },
      { plugin: "TaintToleration", result: "fail", code: "UnschedulableAndUnresolvable", reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] },
      { plugin: "NodeAffinity", result: "not run" },
    ]);
  });

  it("honours nodeSelector", () => {
    const snap = defaultCluster();
    snap.setNode(makeNode("worker-2", { zone: "zone-b", labels: { disktype: "ssd" } }));
    const r = scheduleOne(makePodInfo(makePod("db", { spec: { nodeSelector: { disktype: "ssd" } } })), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(r.node).toBe("worker-2");
    // One feasible node: no scoring.
    expect(scoredNames(r)).toEqual([]);
  });

  it("fails with every node's reason when resources are short", () => {
    const snap = defaultCluster();
    const r = scheduleOne(makePodInfo(makePod("big", { cpu: "5" })), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(r.node).toBeUndefined();
    expect(r.feasibleNodes).toBe(0);
    expect(verdictsOf(r).map((v) => v?.reasons[0])).toContain("Insufficient cpu");
  });

  it("spreads a 3-replica Deployment one pod per worker", () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const snap = defaultCluster();
      const ctx = createScheduleContext(defaultPlugins(), new Rng(seed));
      const placed: string[] = [];
      for (let i = 0; i < 3; i++) {
        const pod = makePodInfo(makePod(`web-${i}`, { labels: { app: "web", "pod-template-hash": "abc" }, owner: "ReplicaSet" }));
        const r = scheduleOne(pod, snap, ctx);
        expect(r.node).toBeDefined();
        placed.push(r.node ?? "");
        snap.addPod(pod, r.node); // the assumed pod
      }
      expect(new Set(placed).size).toBe(3);
      expect(placed).not.toContain("control-plane");
    }
  });

  it("records raw, normalised and weighted scores per plugin", () => {
    const snap = defaultCluster();
    snap.addPod(makePod("web-0", { labels: { app: "web" }, owner: "ReplicaSet", cpu: "500m" }), "worker-1");
    const r = scheduleOne(makePodInfo(makePod("web-1", { labels: { app: "web" }, owner: "ReplicaSet", cpu: "500m" })), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    const d = describeResult(r);
    const w1 = d.scores.find((s) => s.node === "worker-1");
    const spread = w1?.plugins.find((p) => p.plugin === "PodTopologySpread");
    expect(spread).toEqual({ plugin: "PodTopologySpread", raw: 9, normalized: 66, weighted: 132, skipped: false });
    expect(w1?.plugins.find((p) => p.plugin === "NodeAffinity")?.skipped).toBe(true);
    expect(w1?.total).toBe(w1?.plugins.reduce((a, p) => a + p.weighted, 0));
    expect(r.node).toBe("worker-2");
    expect(d.scores.find((s) => s.chosen)?.node).toBe("worker-2");
  });

  it("breaks ties among the best totals through the rng (reservoir sampling)", () => {
    const a = scheduleOne(makePodInfo(makePod("p")), defaultCluster(), createScheduleContext(defaultPlugins(), firstTieRng));
    const b = scheduleOne(makePodInfo(makePod("p")), defaultCluster(), createScheduleContext(defaultPlugins(), lastTieRng));
    expect(scoredNames(a).length).toBe(3);
    expect(a.node).toBe(scoredNames(a)[0]);
    expect(b.node).toBe(scoredNames(b)[2]);
  });

  it("evaluates 420 of 1,000 nodes and starts the next cycle where this one stopped", () => {
    const snap = new Snapshot();
    for (let i = 0; i < 1000; i++) snap.setNode(makeNode(`n-${i}`));
    const ctx = createScheduleContext(defaultPlugins(), new Rng(7));
    const r1 = scheduleOne(makePodInfo(makePod("a")), snap, ctx);
    expect(r1.numFeasibleNodesToFind).toBe(420);
    expect(r1.evaluatedNodes).toBe(420);
    expect(r1.scoredCount).toBe(420);
    expect(ctx.nextStartNodeIndex).toBe(420);
    const r2 = scheduleOne(makePodInfo(makePod("b")), snap, ctx);
    expect(evaluatedNames(r2)[0]).toBe("n-420");
    expect(ctx.nextStartNodeIndex).toBe(840);
  });

  it("walks nodes zone by zone, like the scheduler cache's nodeTree", () => {
    const snap = new Snapshot();
    for (const [n, z] of [["a1", "a"], ["a2", "a"], ["b1", "b"], ["a3", "a"], ["b2", "b"]]) snap.setNode(makeNode(n, { zone: z }));
    expect(snap.nodes().map((n) => n.name)).toEqual(["a1", "b1", "a2", "b2", "a3"]);
  });

  it("evaluates only the node a DaemonSet pod names", () => {
    const snap = defaultCluster();
    const pod = makePod("kube-proxy-x", {
      owner: "DaemonSet",
      spec: {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["worker-3"] }] }] } } },
      },
    });
    const r = scheduleOne(makePodInfo(pod), snap, createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(r.node).toBe("worker-3");
    expect(evaluatedNames(r)).toEqual(["worker-3"]);
  });

  it("reports no nodes when the cluster has none", () => {
    const r = scheduleOne(makePodInfo(makePod("p")), new Snapshot(), createScheduleContext(defaultPlugins(), new Rng(1)));
    expect(r.message).toBe("no nodes available to schedule pods");
  });
});
