import type { Labels } from "../../../api/types";
import { MAX_NODE_SCORE, SKIP, status, type FilterPlugin, type FilterPrep, type ScorePlugin, type ScorePrep } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import type { AffinityTerm, PodInfo } from "../podInfo";
import type { Snapshot } from "../snapshot";

export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
const AFFINITY = status("InterPodAffinity", "UnschedulableAndUnresolvable", ErrReasonAffinityRulesNotMatch);
const ANTI_AFFINITY = status("InterPodAffinity", "Unschedulable", ErrReasonAntiAffinityRulesNotMatch);
const EXISTING_ANTI_AFFINITY = status("InterPodAffinity", "Unschedulable", ErrReasonExistingAntiAffinityRulesNotMatch);

/** The default args.hardPodAffinityWeight: how much an existing pod's required affinity counts when scoring. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

export function termMatches(term: AffinityTerm, namespace: string, labels: Labels): boolean {
  return term.namespaces.has(namespace) && term.matches(labels);
}

function pair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function bump(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function prepareFilter(pod: PodInfo, snapshot: Snapshot): FilterPrep {
  const { requiredAffinity, requiredAntiAffinity } = pod.affinity;
  // Fast path: nobody in the cluster has a required (anti-)affinity that could involve this pod.
  if (requiredAffinity.length === 0 && requiredAntiAffinity.length === 0 && snapshot.nodesWithRequiredAntiAffinity.size === 0) return SKIP;

  // Existing pods whose required anti-affinity rejects the incoming pod, by topology pair.
  const existingAnti = new Map<string, number>();
  for (const node of snapshot.nodesWithRequiredAntiAffinity) {
    if (!node.node) continue;
    for (const e of node.podsWithRequiredAntiAffinity) {
      for (const t of e.affinity.requiredAntiAffinity) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined && termMatches(t, pod.namespace, pod.labels)) bump(existingAnti, pair(t.topologyKey, v));
      }
    }
  }
  // Existing pods matching the incoming pod's own required terms, by topology pair.
  const affinity = new Map<string, number>();
  const anti = new Map<string, number>();
  if (requiredAffinity.length > 0 || requiredAntiAffinity.length > 0) {
    for (const node of snapshot.nodes()) {
      for (const e of node.pods.values()) {
        if (requiredAffinity.length > 0 && requiredAffinity.every((t) => termMatches(t, e.namespace, e.labels))) {
          for (const t of requiredAffinity) {
            const v = node.labels[t.topologyKey];
            if (v !== undefined) bump(affinity, pair(t.topologyKey, v));
          }
        }
        for (const t of requiredAntiAffinity) {
          const v = node.labels[t.topologyKey];
          if (v !== undefined && termMatches(t, e.namespace, e.labels)) bump(anti, pair(t.topologyKey, v));
        }
      }
    }
  }
  // The first pod of a group with affinity to itself may go anywhere with the topology keys.
  const selfAffine = requiredAffinity.every((t) => termMatches(t, pod.namespace, pod.labels));

  const filter = (node: NodeInfo) => {
    let podsExist = true;
    for (const t of requiredAffinity) {
      const v = node.labels[t.topologyKey];
      if (v === undefined) return AFFINITY;
      if ((affinity.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(affinity.size === 0 && selfAffine)) return AFFINITY;
    if (anti.size > 0) {
      for (const t of requiredAntiAffinity) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined && (anti.get(pair(t.topologyKey, v)) ?? 0) > 0) return ANTI_AFFINITY;
      }
    }
    if (existingAnti.size > 0) {
      for (const k in node.labels) if ((existingAnti.get(pair(k, node.labels[k])) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
    }
    return null;
  };
  return { kind: "run", filter };
}

function hasAny(labels: Labels): boolean {
  for (const _ in labels) return true;
  return false;
}

/** topologyScore[key][value] += weight × multiplier when the term matches the pod. */
function processTerms(
  score: Map<string, Map<string, number>>,
  terms: readonly AffinityTerm[],
  namespace: string,
  labels: Labels,
  nodeLabels: Labels,
  multiplier: number,
): void {
  for (const t of terms) {
    if (!termMatches(t, namespace, labels)) continue;
    const v = nodeLabels[t.topologyKey];
    if (v === undefined) continue;
    let m = score.get(t.topologyKey);
    if (!m) {
      m = new Map();
      score.set(t.topologyKey, m);
    }
    m.set(v, (m.get(v) ?? 0) + t.weight * multiplier);
  }
}

function prepareScore(pod: PodInfo, snapshot: Snapshot, feasible: readonly NodeInfo[]): ScorePrep {
  if (feasible.length === 0) return SKIP;
  const { preferredAffinity, preferredAntiAffinity } = pod.affinity;
  const hasConstraints = preferredAffinity.length > 0 || preferredAntiAffinity.length > 0;
  // Unless the pod has preferred terms, only nodes hosting pods with affinity matter.
  const nodes: Iterable<NodeInfo> = hasConstraints ? snapshot.nodes() : snapshot.nodesWithPodAffinity;
  const topologyScore = new Map<string, Map<string, number>>();
  for (const node of nodes) {
    if (!node.node || !hasAny(node.labels)) continue;
    const pods = hasConstraints ? node.pods.values() : node.podsWithAffinity.values();
    for (const e of pods) {
      processTerms(topologyScore, preferredAffinity, e.namespace, e.labels, node.labels, 1);
      processTerms(topologyScore, preferredAntiAffinity, e.namespace, e.labels, node.labels, -1);
      if (e.affinity.requiredAffinity.length > 0) {
        const hard = e.affinity.requiredAffinity.map((t) => ({ ...t, weight: HARD_POD_AFFINITY_WEIGHT }));
        processTerms(topologyScore, hard, pod.namespace, pod.labels, node.labels, 1);
      }
      processTerms(topologyScore, e.affinity.preferredAffinity, pod.namespace, pod.labels, node.labels, 1);
      processTerms(topologyScore, e.affinity.preferredAntiAffinity, pod.namespace, pod.labels, node.labels, -1);
    }
  }
  if (topologyScore.size === 0) return SKIP;
  const score = (node: NodeInfo) => {
    let s = 0;
    for (const [key, values] of topologyScore) {
      const v = node.labels[key];
      if (v !== undefined) s += values.get(v) ?? 0;
    }
    return s;
  };
  const normalize = (scores: Float64Array) => {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  };
  return { kind: "run", score, normalize };
}

export const InterPodAffinity: FilterPlugin & ScorePlugin = {
  name: "InterPodAffinity",
  weight: 2,
  prepareFilter,
  prepareScore,
};
