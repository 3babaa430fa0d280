import { describe, expect, it } from "vitest";
import type { NodeSelectorTerm } from "../../../api/types";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { NodeAffinity, nodeNamesFromAffinity } from "./nodeAffinity";

function filterOn(spec: Parameters<typeof makePod>[1], ...nodes: ReturnType<typeof makeNode>[]) {
  const snap = new Snapshot();
  const infos = nodes.map((n) => snap.setNode(n));
  const prep = NodeAffinity.prepareFilter(makePodInfo(makePod("p", spec)), snap);
  return { prep, infos };
}

describe("NodeAffinity filter", () => {
  it("is skipped for pods without nodeSelector or required affinity", () => {
    expect(filterOn({}, makeNode("a")).prep.kind).toBe("skip");
  });

  it("applies spec.nodeSelector with the real message", () => {
    const { prep, infos } = filterOn({ spec: { nodeSelector: { disktype: "ssd" } } }, makeNode("a", { labels: { disktype: "ssd" } }), makeNode("b"));
    if (prep.kind !== "run") throw new Error("expected a filter");
    expect(prep.filter(infos[0], infos[0].id)).toBeNull();
    expect(prep.filter(infos[1], infos[1].id)?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    expect(prep.filter(infos[1], infos[1].id)?.code).toBe("UnschedulableAndUnresolvable");
  });

  it("ORs required terms and ANDs their expressions (In, NotIn, Exists, Gt)", () => {
    const terms: NodeSelectorTerm[] = [
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }, { key: "gpu", operator: "NotIn", values: ["none"] }] },
      { matchExpressions: [{ key: "cores", operator: "Gt", values: ["8"] }] },
    ];
    const { prep, infos } = filterOn(
      { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } },
      makeNode("zone-a", { labels: { zone: "a" } }),
      makeNode("zone-a-nogpu", { labels: { zone: "a", gpu: "none" } }),
      makeNode("big", { labels: { cores: "16" } }),
      makeNode("small", { labels: { cores: "4" } }),
    );
    if (prep.kind !== "run") throw new Error("expected a filter");
    expect(infos.map((n) => prep.filter(n, n.id) === null)).toEqual([true, false, true, false]);
  });

  it("narrows evaluation to the nodes named by matchFields (DaemonSet pods)", () => {
    const terms: NodeSelectorTerm[] = [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["worker-2"] }] }];
    expect([...(nodeNamesFromAffinity(terms) ?? [])]).toEqual(["worker-2"]);
    const { prep } = filterOn(
      { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } },
      makeNode("worker-2"),
    );
    expect(prep.kind === "run" && [...(prep.nodeNames ?? [])]).toEqual(["worker-2"]);
    // A term without a name requirement admits every node.
    expect(nodeNamesFromAffinity([...terms, { matchExpressions: [{ key: "x", operator: "Exists" }] }])).toBeNull();
  });

  it("rejects contradictory name requirements at PreFilter", () => {
    const terms: NodeSelectorTerm[] = [
      {
        matchFields: [
          { key: "metadata.name", operator: "In", values: ["a"] },
          { key: "metadata.name", operator: "In", values: ["b"] },
        ],
      },
    ];
    const { prep } = filterOn({ spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } }, makeNode("a"));
    expect(prep.kind === "reject" && prep.status.reasons).toEqual(["pod affinity terms conflict"]);
  });
});

describe("NodeAffinity score", () => {
  it("sums preferred weights and normalises by the best: 70 → 100, 20 → 28, 0 → 0", () => {
    const snap = new Snapshot();
    const nodes = [
      snap.setNode(makeNode("both", { labels: { zone: "a", disk: "ssd" } })),
      snap.setNode(makeNode("zone", { labels: { zone: "a" } })),
      snap.setNode(makeNode("none")),
    ];
    const pod = makePod("p", {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 20, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } },
              { weight: 50, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] } },
            ],
          },
        },
      },
    });
    const prep = NodeAffinity.prepareScore(makePodInfo(pod), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    const scores = Float64Array.from(nodes.map(prep.score));
    expect([...scores]).toEqual([70, 20, 0]);
    prep.normalize?.(scores, nodes);
    expect([...scores]).toEqual([100, 28, 0]);
  });

  it("is skipped without preferred terms", () => {
    expect(NodeAffinity.prepareScore(makePodInfo(makePod("p")), new Snapshot(), []).kind).toBe("skip");
  });
});
