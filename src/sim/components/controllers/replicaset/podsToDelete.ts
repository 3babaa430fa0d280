import type { Pod } from "../../../api";
import { fromTimestamp } from "../../../runtime";
import { isPodActive, isPodReady, podReadySince } from "../framework";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

interface Ranked {
  pod: Pod;
  /** Active related pods on the same node (more = doubled up = deleted first). */
  rank: number;
  ready: boolean;
  readySince: number | undefined;
  created: number | undefined;
  restarts: number;
  cost: number;
}

function finiteOrUndefined(t: number | undefined): number | undefined {
  return t !== undefined && Number.isFinite(t) ? t : undefined;
}

function created(pod: Pod): number | undefined {
  const ts = pod.metadata.creationTimestamp;
  return ts ? fromTimestamp(ts) : undefined;
}

/** LogarithmicScaleDown (on by default since v1.22): times compare by floor(log2(age in ns)). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Empty time first, then the more recent (younger) one, by log-scaled age with a uid tie-break. */
function compareTimes(a: number | undefined, b: number | undefined, now: number, pa: Pod, pb: Pod): number {
  if (a === b) return 0;
  if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff === 0) {
    const ua = pa.metadata.uid ?? "";
    const ub = pb.metadata.uid ?? "";
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  return diff;
}

/** controller.ActivePodsWithRanks.Less: negative when `a` should be deleted before `b`. */
function compare(a: Ranked, b: Ranked, now: number): number {
  const na = a.pod.spec.nodeName ?? "";
  const nb = b.pod.spec.nodeName ?? "";
  // 1. Unassigned < assigned
  if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
  // 2. Pending < Unknown < Running
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? ""] ?? 0;
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? ""] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Doubled up (more related pods on the node) < not doubled up
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for a shorter time < longer
  if (a.ready && b.ready) {
    const c = compareTimes(a.readySince, b.readySince, now, a.pod, b.pod);
    if (c !== 0) return c;
  }
  // 7. More container restarts < fewer
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer < older
  return compareTimes(a.created, b.created, now, a.pod, b.pod);
}

/**
 * getPodsToDelete: the `diff` pods a ReplicaSet removes first. `related` are the active pods of
 * every ReplicaSet of the same Deployment (for the "doubled up on one node" rank).
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec.nodeName ?? "";
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    rank: onNode.get(pod.spec.nodeName ?? "") ?? 0,
    ready: isPodReady(pod),
    readySince: finiteOrUndefined(podReadySince(pod)),
    created: created(pod),
    restarts: Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount)),
    cost: Number.parseInt(pod.metadata.annotations?.[DELETION_COST] ?? "0", 10) || 0,
  }));
  ranked.sort((a, b) => compare(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
