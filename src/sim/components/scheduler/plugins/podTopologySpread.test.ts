import { describe, expect, it } from "vitest";
import type { Pod } from "../../../api/types";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { HOSTNAME, ownerLabelsSelector, podTopologySpread, scoreForCount, topologyNormalizingWeight, ZONE } from "./podTopologySpread";

const spread = podTopologySpread();
const web = (name: string, extra: Parameters<typeof makePod>[1] = {}): Pod => makePod(name, { labels: { app: "web" }, owner: "ReplicaSet", ...extra });

function cluster() {
  const snap = new Snapshot();
  const nodes = [
    snap.setNode(makeNode("worker-1", { zone: "zone-a" })),
    snap.setNode(makeNode("worker-2", { zone: "zone-b" })),
    snap.setNode(makeNode("worker-3", { zone: "zone-a" })),
  ];
  return { snap, nodes };
}

describe("PodTopologySpread default constraints (score)", () => {
  it("derives the default selector from the controller-owned pod's labels", () => {
    expect(ownerLabelsSelector(makePodInfo(web("x")))).toEqual({ matchLabels: { app: "web" } });
    expect(ownerLabelsSelector(makePodInfo(makePod("bare", { labels: { app: "web" } })))).toBeUndefined();
    expect(ownerLabelsSelector(makePodInfo(makePod("ds", { labels: { app: "web" }, owner: "DaemonSet" })))).toBeUndefined();
  });

  it("uses ln(domains + 2) and maxSkew − 1", () => {
    expect(topologyNormalizingWeight(3)).toBeCloseTo(Math.log(5));
    expect(scoreForCount(1, 3, Math.log(5))).toBeCloseTo(3.609, 3);
  });

  it("scores a node holding a replica lower: 9/6/7 raw → 66/100/88", () => {
    const { snap, nodes } = cluster();
    snap.addPod(web("web-1"), "worker-1");
    const prep = spread.prepareScore(makePodInfo(web("web-2")), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    const scores = Float64Array.from(nodes.map(prep.score));
    // worker-1: 1·ln5 + 2 + 1·ln4 + 4 = 8.996 → 9; worker-2: 2 + 4 = 6; worker-3: 2 + ln4 + 4 = 7.386 → 7
    expect([...scores]).toEqual([9, 6, 7]);
    prep.normalize?.(scores, nodes);
    // 100 × (max + min − s) / max
    expect([...scores]).toEqual([66, 100, 88]);
  });

  it("does not count terminating pods or other namespaces", () => {
    const { snap, nodes } = cluster();
    snap.addPod(web("old", { deleting: true }), "worker-1");
    snap.addPod(web("other", { namespace: "prod" }), "worker-1");
    const prep = spread.prepareScore(makePodInfo(web("new")), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    expect(nodes.map(prep.score)).toEqual([6, 6, 6]);
  });

  it("keeps its counts current as pods come and go", () => {
    const { snap, nodes } = cluster();
    const pod = makePodInfo(web("new"));
    const counts = snap.spreadCounts("default", { matchLabels: { app: "web" } });
    snap.addPod(web("a"), "worker-2");
    snap.addPod(web("b"), "worker-2");
    expect(counts.count("worker-2")).toBe(2);
    snap.removePod("default/a");
    expect(counts.count("worker-2")).toBe(1);
    snap.updatePod({ ...web("b", { deleting: true }), spec: { ...web("b").spec, nodeName: "worker-2" } });
    expect(counts.count("worker-2")).toBe(0);
    expect(spread.prepareScore(pod, snap, nodes).kind).toBe("run");
  });

  it("keeps zone totals current as nodes join, change zone and leave", () => {
    const { snap, nodes } = cluster();
    snap.spreadCounts("default", { matchLabels: { app: "web" } }); // counted from here on, not rebuilt
    snap.addPod(web("a"), "worker-1");
    snap.addPod(web("b"), "worker-2");
    snap.addPod(web("c"), "worker-3");
    snap.addPod(web("d"), "worker-4"); // its node is not known yet
    const w4 = snap.setNode(makeNode("worker-4", { zone: "zone-b" }));
    snap.setNode(makeNode("worker-3", { zone: "zone-b" }));
    snap.removeNode("worker-1");
    const feasible = [nodes[1], nodes[2], w4];
    // The same spreading spelled out as the pod's own constraints (every node has both labels).
    const own = (c: { maxSkew: number; topologyKey: string }) => ({ ...c, whenUnsatisfiable: "ScheduleAnyway" as const, labelSelector: { matchLabels: { app: "web" } } });
    const explicit = web("y", { spec: { topologySpreadConstraints: [own({ maxSkew: 3, topologyKey: HOSTNAME }), own({ maxSkew: 5, topologyKey: ZONE })] } });
    const scores = (p: Pod) => {
      const prep = spread.prepareScore(makePodInfo(p), snap, feasible);
      if (prep.kind !== "run") throw new Error("expected a score");
      return feasible.map(prep.score);
    };
    // zone-b holds b, c and d (worker-1's pod no longer counts): 1·ln5 + 2 + 3·ln3 + 4 = 10.9 → 11
    expect(scores(web("x"))).toEqual([11, 11, 11]);
    expect(scores(web("x"))).toEqual(scores(explicit));
  });

  it("is skipped for pods without a controller", () => {
    const { snap, nodes } = cluster();
    expect(spread.prepareScore(makePodInfo(makePod("bare", { labels: { app: "web" } })), snap, nodes).kind).toBe("skip");
  });
});

describe("PodTopologySpread DoNotSchedule constraints (filter)", () => {
  const hard = (key: string) => ({
    spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: "DoNotSchedule" as const, labelSelector: { matchLabels: { app: "web" } } }] },
  });

  it("rejects nodes that would exceed maxSkew", () => {
    const { snap, nodes } = cluster();
    snap.addPod(web("a"), "worker-1");
    snap.addPod(web("b"), "worker-1");
    snap.addPod(web("c"), "worker-2");
    snap.addPod(web("d"), "worker-3");
    const prep = spread.prepareFilter(makePodInfo(web("e", hard("kubernetes.io/hostname"))), snap);
    if (prep.kind !== "run") throw new Error("expected a filter");
    // counts 2/1/1, min 1: worker-1 → 2 + 1 − 1 = 2 > 1
    expect(prep.filter(nodes[0], nodes[0].id)?.reasons).toEqual(["node(s) didn't match pod topology spread constraints"]);
    expect(prep.filter(nodes[1], nodes[1].id)).toBeNull();
    expect(prep.filter(nodes[2], nodes[2].id)).toBeNull();
  });

  it("rejects nodes missing the topology label as unresolvable", () => {
    const snap = new Snapshot();
    const bare = snap.setNode(makeNode("no-zone"));
    const prep = spread.prepareFilter(makePodInfo(web("e", hard("topology.kubernetes.io/zone"))), snap);
    if (prep.kind !== "run") throw new Error("expected a filter");
    const s = prep.filter(bare, bare.id);
    expect(s?.reasons).toEqual(["node(s) didn't match pod topology spread constraints (missing required label)"]);
    expect(s?.code).toBe("UnschedulableAndUnresolvable");
  });

  it("is skipped when the pod has no hard constraints", () => {
    const { snap } = cluster();
    expect(spread.prepareFilter(makePodInfo(web("e")), snap).kind).toBe("skip");
  });
});
