import type { OwnerReference, Pod, PodDisruptionBudget } from "../../../api/types";
import { fromTimestamp } from "../../../runtime";

/** DeletionTimeout: an eviction the controller has not seen carried out within 2 minutes is forgotten. */
export const PDB_DELETION_TIMEOUT_MS = 2 * 60 * 1000;

/** PodDisruptionBudget status with the fields the typed subset leaves out (disruptedPods, conditions). */
export interface PdbStatus {
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  expectedPods: number;
  observedGeneration?: number;
  /** Pod name → RFC 3339 time the eviction API approved its eviction. */
  disruptedPods?: Record<string, string>;
  conditions?: { type: string; status: "True" | "False"; reason: string; message: string; observedGeneration?: number; lastTransitionTime?: string }[];
}
export type Pdb = Omit<PodDisruptionBudget, "status"> & { status?: PdbStatus };

/** The scale of a pod's controller (the finders: ReplicaSet → its Deployment, StatefulSet, …). */
export type ScaleOf = (ref: OwnerReference, namespace: string) => { uid: string; scale: number } | undefined;

function scaledValue(v: number | string, total: number): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  return Number.parseInt(v, 10) || 0;
}

/**
 * getExpectedPodCount: an integer minAvailable counts the matching pods; a percentage or any
 * maxUnavailable counts the replicas their controllers want (scaled values rounded up).
 */
export function expectedPodCount(pdb: Pdb, pods: readonly Pod[], scaleOf?: ScaleOf): { expectedCount: number; desiredHealthy: number; error?: string } {
  const { minAvailable, maxUnavailable } = pdb.spec;
  const controllerScale = (): { count: number; error?: string } => {
    const seen = new Map<string, number>();
    for (const pod of pods) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
      if (!ref || seen.has(ref.uid)) continue;
      const found = scaleOf?.(ref, pod.metadata.namespace ?? "");
      if (!found) return { count: 0, error: `found no controllers for pod "${pod.metadata.name}"` };
      seen.set(found.uid, found.scale);
    }
    let count = 0;
    for (const s of seen.values()) count += s;
    return { count };
  };
  if (maxUnavailable !== undefined) {
    const { count, error } = controllerScale();
    if (error) return { expectedCount: 0, desiredHealthy: 0, error };
    return { expectedCount: count, desiredHealthy: Math.max(0, count - scaledValue(maxUnavailable, count)) };
  }
  if (minAvailable !== undefined) {
    if (typeof minAvailable === "number" || !minAvailable.endsWith("%")) return { expectedCount: pods.length, desiredHealthy: scaledValue(minAvailable, pods.length) };
    const { count, error } = controllerScale();
    if (error) return { expectedCount: 0, desiredHealthy: 0, error };
    return { expectedCount: count, desiredHealthy: scaledValue(minAvailable, count) };
  }
  return { expectedCount: 0, desiredHealthy: 0 };
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/** countHealthyPods: Ready pods that are neither being deleted nor just approved for eviction. */
export function countHealthyPods(pods: readonly Pod[], disrupted: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ""];
    if (at !== undefined && fromTimestamp(at) + PDB_DELETION_TIMEOUT_MS > now) continue;
    if (isReady(pod)) healthy++;
  }
  return healthy;
}

/** buildDisruptedPodMap: keep approved evictions of pods still running that are not yet overdue. */
export function pendingDisruptions(pods: readonly Pod[], disrupted: Record<string, string> | undefined, now: number): { disruptedPods: Record<string, string>; recheckAt?: number } {
  const out: Record<string, string> = {};
  let recheckAt: number | undefined;
  if (!disrupted) return { disruptedPods: out };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ""];
    if (at === undefined) continue;
    const due = fromTimestamp(at) + PDB_DELETION_TIMEOUT_MS;
    if (due < now) continue;
    out[pod.metadata.name ?? ""] = at;
    if (recheckAt === undefined || due < recheckAt) recheckAt = due;
  }
  return { disruptedPods: out, recheckAt };
}

/** The status the disruption controller writes for this budget and these matching pods. */
export function computePdbStatus(pdb: Pdb, pods: readonly Pod[], now: number, scaleOf?: ScaleOf): { status: PdbStatus; error?: string; recheckAt?: number } {
  const { expectedCount, desiredHealthy, error } = expectedPodCount(pdb, pods, scaleOf);
  const { disruptedPods, recheckAt } = pendingDisruptions(pods, pdb.status?.disruptedPods, now);
  if (error) {
    // failSafe: when the sums cannot be made, allow no disruption at all.
    return {
      status: { ...(pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }), disruptionsAllowed: 0, conditions: [{ type: "DisruptionAllowed", status: "False", reason: "SyncFailed", message: error, observedGeneration: pdb.status?.observedGeneration }] },
      error,
    };
  }
  const currentHealthy = countHealthyPods(pods, disruptedPods, now);
  let allowed = currentHealthy - desiredHealthy;
  if (expectedCount <= 0 || allowed <= 0) allowed = 0;
  const status: PdbStatus = { currentHealthy, desiredHealthy, disruptionsAllowed: allowed, expectedPods: expectedCount, observedGeneration: pdb.metadata.generation };
  if (Object.keys(disruptedPods).length > 0) status.disruptedPods = disruptedPods;
  status.conditions = [
    allowed > 0
      ? { type: "DisruptionAllowed", status: "True", reason: "SufficientPods", message: "", observedGeneration: pdb.metadata.generation }
      : { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods", message: "", observedGeneration: pdb.metadata.generation },
  ];
  return { status, recheckAt };
}

/**
 * How many of these pods may be disrupted now under this budget (pure; the same arithmetic the
 * controller writes to status.disruptionsAllowed). Without `scaleOf`, percentage and
 * maxUnavailable budgets count the matching pods as the expected number.
 */
export function disruptionsAllowed(pdb: Pdb | PodDisruptionBudget, pods: readonly Pod[], now = 0, scaleOf?: ScaleOf): number {
  const budget = pdb as Pdb;
  const fallback: ScaleOf = (ref) => ({ uid: ref.uid, scale: pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === ref.uid && r.controller)).length });
  return computePdbStatus(budget, pods, now, scaleOf ?? fallback).status.disruptionsAllowed;
}
