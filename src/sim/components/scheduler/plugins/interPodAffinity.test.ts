import { describe, expect, it } from "vitest";
import type { Affinity } from "../../../api/types";
import { makePodInfo } from "../podInfo";
import { Snapshot } from "../snapshot";
import { makeNode, makePod } from "../testFixtures";
import { InterPodAffinity } from "./interPodAffinity";

const term = (app: string, topologyKey: string) => ({ labelSelector: { matchLabels: { app } }, topologyKey });

function cluster() {
  const snap = new Snapshot();
  const nodes = [
    snap.setNode(makeNode("worker-1", { zone: "zone-a" })),
    snap.setNode(makeNode("worker-2", { zone: "zone-b" })),
    snap.setNode(makeNode("worker-3", { zone: "zone-a" })),
  ];
  return { snap, nodes };
}

function verdicts(affinity: Affinity | undefined, labels: Record<string, string>, setup: (s: Snapshot) => void) {
  const { snap, nodes } = cluster();
  setup(snap);
  const prep = InterPodAffinity.prepareFilter(makePodInfo(makePod("incoming", { labels, spec: { affinity } })), snap);
  if (prep.kind !== "run") return prep.kind;
  return nodes.map((n) => prep.filter(n, n.id)?.reasons[0] ?? "pass");
}

describe("InterPodAffinity filter", () => {
  it("takes the fast path when nobody has affinity", () => {
    expect(verdicts(undefined, { app: "web" }, (s) => s.addPod(makePod("db", { labels: { app: "db" } }), "worker-1"))).toBe("skip");
  });

  it("required anti-affinity keeps replicas off each other's hosts", () => {
    const affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", "kubernetes.io/hostname")] } };
    expect(verdicts(affinity, { app: "web" }, (s) => s.addPod(makePod("web-1", { labels: { app: "web" } }), "worker-1"))).toEqual([
      "node(s) didn't match pod anti-affinity rules",
      "pass",
      "pass",
    ]);
  });

  it("honours existing pods' required anti-affinity (zone-wide)", () => {
    const existing = makePod("loner", {
      labels: { app: "loner" },
      spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", "topology.kubernetes.io/zone")] } } },
    });
    expect(verdicts(undefined, { app: "web" }, (s) => s.addPod(existing, "worker-2"))).toEqual([
      "pass",
      "node(s) didn't satisfy existing pods anti-affinity rules",
      "pass",
    ]);
  });

  it("required affinity needs a matching pod in the node's domain", () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", "kubernetes.io/hostname")] } };
    expect(verdicts(affinity, { app: "web" }, (s) => s.addPod(makePod("db", { labels: { app: "db" } }), "worker-3"))).toEqual([
      "node(s) didn't match pod affinity rules",
      "node(s) didn't match pod affinity rules",
      "pass",
    ]);
  });

  it("lets the first pod of a self-affine group go anywhere", () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", "topology.kubernetes.io/zone")] } };
    expect(verdicts(affinity, { app: "web" }, () => undefined)).toEqual(["pass", "pass", "pass"]);
    expect(verdicts(affinity, { app: "other" }, () => undefined)).toEqual([
      "node(s) didn't match pod affinity rules",
      "node(s) didn't match pod affinity rules",
      "node(s) didn't match pod affinity rules",
    ]);
  });
});

describe("InterPodAffinity score", () => {
  it("adds preferred weights per topology domain, normalised between min and max", () => {
    const { snap, nodes } = cluster();
    snap.addPod(makePod("db", { labels: { app: "db" } }), "worker-3");
    const affinity = {
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term("db", "topology.kubernetes.io/zone") }] },
    };
    const prep = InterPodAffinity.prepareScore(makePodInfo(makePod("web", { labels: { app: "web" }, spec: { affinity } })), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    const scores = Float64Array.from(nodes.map(prep.score));
    expect([...scores]).toEqual([10, 0, 10]);
    prep.normalize?.(scores, nodes);
    expect([...scores]).toEqual([100, 0, 100]);
  });

  it("counts existing pods' preferred anti-affinity against the incoming pod", () => {
    const { snap, nodes } = cluster();
    const shy = makePod("shy", {
      labels: { app: "shy" },
      spec: { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term("web", "kubernetes.io/hostname") }] } } },
    });
    snap.addPod(shy, "worker-2");
    const prep = InterPodAffinity.prepareScore(makePodInfo(makePod("web", { labels: { app: "web" } })), snap, nodes);
    if (prep.kind !== "run") throw new Error("expected a score");
    const scores = Float64Array.from(nodes.map(prep.score));
    expect([...scores]).toEqual([0, -5, 0]);
    prep.normalize?.(scores, nodes);
    expect([...scores]).toEqual([100, 0, 100]);
  });

  it("is skipped when no pod anywhere has affinity terms", () => {
    const { snap, nodes } = cluster();
    expect(InterPodAffinity.prepareScore(makePodInfo(makePod("web")), snap, nodes).kind).toBe("skip");
  });
});
