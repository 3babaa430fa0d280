import type { Labels, NodeSelectorTerm, Pod } from "../../../api/types";
import { defaultNormalizeScore, MAX_NODE_SCORE, SKIP, status, type FilterPlugin, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import { nodeSelectorTermMatches, nodeSelectorTermsMatch } from "../selectors";

export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
export const ErrReasonConflict = "pod affinity terms conflict";
const MISMATCH = status("NodeAffinity", "UnschedulableAndUnresolvable", ErrReasonPod);
const CONFLICT = status("NodeAffinity", "UnschedulableAndUnresolvable", ErrReasonConflict);

export type NodeMatcher = (nodeName: string, labels: Labels) => boolean;

/** nodeaffinity.GetRequiredNodeAffinity: spec.nodeSelector AND the required terms; undefined = matches all. */
export function requiredNodeAffinity(pod: Pod): NodeMatcher | undefined {
  const selector = Object.entries(pod.spec.nodeSelector ?? {});
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (selector.length === 0 && !required) return undefined;
  const terms = required?.nodeSelectorTerms;
  return (nodeName, labels) => {
    for (const [k, v] of selector) if (labels[k] !== v) return false;
    return terms === undefined || nodeSelectorTermsMatch(terms, nodeName, labels);
  };
}

/**
 * NodeAffinity's PreFilter shortcut: when every required term pins `metadata.name In [...]`,
 * only those nodes are evaluated (how DaemonSet pods target their node). `null` = no
 * restriction; an empty set = the terms contradict each other.
 */
export function nodeNamesFromAffinity(terms: readonly NodeSelectorTerm[]): Set<string> | null {
  if (terms.length === 0) return null;
  let union: Set<string> | null = null;
  for (const t of terms) {
    let names: string[] | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== "metadata.name" || r.operator !== "In") continue;
      const values = r.values ?? [];
      // Requirements within a term are ANDed: intersect.
      names = names === undefined ? [...values] : names.filter((n) => values.includes(n));
    }
    if (names === undefined) return null; // this term admits any node name
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

/** Raw score: the sum of the weights of the preferred terms the node matches. */
export function nodeAffinityScore(preferred: readonly { weight: number; preference: NodeSelectorTerm }[], node: NodeInfo): number {
  let sum = 0;
  for (const p of preferred) if (p.weight !== 0 && nodeSelectorTermMatches(p.preference, node.name, node.labels)) sum += p.weight;
  return sum;
}

export const NodeAffinity: FilterPlugin & ScorePlugin = {
  name: "NodeAffinity",
  weight: 2,
  prepareFilter: (pod) => {
    const match = requiredNodeAffinity(pod.pod);
    if (!match) return SKIP;
    const filter = (node: NodeInfo) => (match(node.name, node.labels) ? null : MISMATCH);
    const terms = pod.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const names = nodeNamesFromAffinity(terms);
    if (names === null) return { kind: "run", filter };
    if (names.size === 0) return { kind: "reject", status: CONFLICT };
    return { kind: "run", filter, nodeNames: names };
  },
  prepareScore: (pod) => {
    const preferred = pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (preferred.length === 0) return SKIP;
    return {
      kind: "run",
      score: (node) => nodeAffinityScore(preferred, node),
      normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
    };
  },
};
