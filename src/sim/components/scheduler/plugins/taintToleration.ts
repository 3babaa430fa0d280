import type { Taint, Toleration } from "../../../api/types";
import { defaultNormalizeScore, MAX_NODE_SCORE, status, type FilterPlugin, type FilterStatus, type ScorePlugin } from "../framework";

/** v1.Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, "key" | "value" | "effect">): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "Equal") {
    case "Exists":
      return true;
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}

function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i], taint)) return true;
  return false;
}

const reasons = new Map<string, FilterStatus>();
/** One shared status per distinct taint, so the filter loop builds no strings. */
function untolerated(taint: Taint): FilterStatus {
  const text = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
  let s = reasons.get(text);
  if (!s) {
    s = status("TaintToleration", "UnschedulableAndUnresolvable", text);
    if (reasons.size < 1000) reasons.set(text, s);
  }
  return s;
}

/** The first NoSchedule/NoExecute taint (in node order) the pod does not tolerate → rejection. */
export function taintTolerationFilter(tolerations: readonly Toleration[], taints: readonly Taint[]): FilterStatus | null {
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i];
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerated(tolerations, taint)) return untolerated(taint);
  }
  return null;
}

/** Raw score: the number of PreferNoSchedule taints not tolerated (tolerations with that effect or none). */
export function taintTolerationScore(tolerations: readonly Toleration[], taints: readonly Taint[]): number {
  let n = 0;
  for (const taint of taints) {
    if (taint.effect !== "PreferNoSchedule") continue;
    if (!tolerated(tolerations, taint)) n++;
  }
  return n;
}

/** No node has a PreferNoSchedule taint: every raw score is 0, normalised (reversed) to 100. */
const NO_SOFT_TAINTS = Object.freeze({ kind: "run" as const, score: () => 0, uniform: Object.freeze({ raw: 0, normalized: MAX_NODE_SCORE }) });

export const TaintToleration: FilterPlugin & ScorePlugin = {
  name: "TaintToleration",
  weight: 3,
  prepareFilter: (pod, snapshot) => {
    const c = snapshot.columns;
    // Taint-free nodes (the per-node count is a column) pass without a look at the node.
    return { kind: "run", filter: (node, id) => (c.hardTaints[id] === 0 ? null : taintTolerationFilter(pod.tolerations, node.taints)) };
  },
  prepareScore: (pod, snapshot) => {
    if (snapshot.softTaintedNodes === 0) return NO_SOFT_TAINTS;
    const prefer = pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    const c = snapshot.columns;
    return {
      kind: "run",
      score: (node) => taintTolerationScore(prefer, node.taints),
      scoreAll: (nodes, ids, out) => {
        for (let i = 0; i < nodes.length; i++) out[i] = c.softTaints[ids[i]] === 0 ? 0 : taintTolerationScore(prefer, nodes[i].taints);
      },
      // Fewer intolerable taints is better.
      normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
    };
  },
};
