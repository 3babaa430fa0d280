import type { Pod, ReplicaSet } from "../../../api";
import { podReadySince } from "../framework";

export type ReplicaSetStatus = NonNullable<ReplicaSet["status"]>;

/** The status with these counts. */
export function statusOf(rs: ReplicaSet, replicas: number, fullyLabeled: number, ready: number, available: number): ReplicaSetStatus {
  // As serialised: `replicas` always, the other counts only when non-zero (omitempty).
  const status: ReplicaSetStatus = { replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  return status;
}

export function statusEquals(a: ReplicaSet["status"], b: ReplicaSetStatus): boolean {
  return (
    a !== undefined &&
    a.replicas === b.replicas &&
    (a.fullyLabeledReplicas ?? 0) === (b.fullyLabeledReplicas ?? 0) &&
    (a.readyReplicas ?? 0) === (b.readyReplicas ?? 0) &&
    (a.availableReplicas ?? 0) === (b.availableReplicas ?? 0) &&
    (a.observedGeneration ?? 0) === (b.observedGeneration ?? 0)
  );
}

/**
 * When the next ready pod becomes available (ready for more than minReadySeconds), in ms from
 * now; undefined when no pod is waiting for that.
 */
export function nextAvailableIn(rs: ReplicaSet, pods: readonly Pod[], now: number): number | undefined {
  const minReady = (rs.spec.minReadySeconds ?? 0) * 1000;
  if (minReady === 0) return undefined;
  let next: number | undefined;
  for (const p of pods) {
    const since = podReadySince(p);
    if (since === undefined || !Number.isFinite(since)) continue;
    const at = since + minReady + 1;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : next - now;
}
