import type { Taint, Toleration } from "../../../api/types";

/** Toleration.ToleratesTaint from k8s.io/api/core/v1: empty key with Exists matches every taint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const op = toleration.operator ?? "Equal";
  if (op === "Exists") return true;
  return (toleration.value ?? "") === (taint.value ?? "");
}

/** True when some toleration tolerates the taint. */
export function taintTolerated(taint: Taint, tolerations: readonly Toleration[] | undefined): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated and, if so, the first
 * toleration that matched each taint (the ones that decide how long the pod may stay).
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  if (!tolerations || tolerations.length === 0) return { allTolerated: false, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * getMinTolerationTime: the shortest tolerationSeconds among the used tolerations, in ms;
 * 0 when there are none or one is <= 0 (evict now); -1 when all tolerate forever.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min === Infinity ? -1 : min * 1000;
}

/** The NoExecute taints of a node (the only ones that evict running pods). */
export function noExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return taints ? taints.filter((t) => t.effect === "NoExecute") : [];
}
