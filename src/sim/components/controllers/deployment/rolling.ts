import type { ReplicaSet } from "../../../api";
import {
  activeReplicaSets,
  byCreation,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicasOf,
  sumSpec,
  sumStatus,
} from "./deploymentUtil";
import type { RolloutPlan } from "./rolloutPlan";

/** reconcileNewReplicaSet: grow the new ReplicaSet as far as maxSurge allows (or shrink it to the target). */
export function reconcileNewReplicaSet(p: RolloutPlan): boolean {
  const rs = p.newRS;
  if (!rs) return false;
  const want = replicasOf(p.d);
  if (replicasOf(rs) === want) return false;
  if (replicasOf(rs) > want) {
    return p.scaleTo(rs, want, `The Deployment controller scales ReplicaSet ${rs.metadata.name} down from ${replicasOf(rs)} to ${want}, the replicas ${p.name} wants.`);
  }
  const n = newRSNewReplicas(p.d, p.all(), rs);
  const surge = maxSurge(p.d);
  return p.scaleTo(
    rs,
    n,
    `The Deployment controller scales the new ReplicaSet ${rs.metadata.name} up from ${replicasOf(rs)} to ${n}: during a rolling update ${p.name} may run at most ${want + surge} pods (${want} + maxSurge ${surge}).`,
  );
}

/** reconcileOldReplicaSets: shrink old ReplicaSets while at least replicas − maxUnavailable pods stay available. */
export function reconcileOldReplicaSets(p: RolloutPlan): boolean {
  const oldActive = activeReplicaSets(p.oldRSs);
  if (sumSpec(oldActive) === 0) return false;
  const newRS = p.newRS;
  const allPods = sumSpec(p.all());
  const minAvailable = replicasOf(p.d) - maxUnavailable(p.d);
  const newUnavailable = newRS ? replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(p, oldActive, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(p);
  return cleaned + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: first remove old pods that are not available anyway (oldest ReplicaSets first). */
function cleanupUnhealthyReplicas(p: RolloutPlan, oldActive: ReplicaSet[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldActive].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const current = p.oldRSs.find((r) => r.metadata.name === rs.metadata.name) ?? rs;
    const size = replicasOf(current);
    const available = current.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const down = Math.min(maxCleanup - total, size - available);
    p.scaleTo(current, size - down, `The Deployment controller removes ${down} unavailable pod${down === 1 ? "" : "s"} of the old ReplicaSet ${rs.metadata.name} first, scaling it from ${size} to ${size - down}.`);
    total += down;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: scale old ReplicaSets down by what availability allows. */
function scaleDownOldReplicaSetsForRollingUpdate(p: RolloutPlan): number {
  const want = replicasOf(p.d);
  const unavailable = maxUnavailable(p.d);
  const minAvailable = want - unavailable;
  const available = sumStatus(p.all(), "availableReplicas");
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...p.oldRSs].sort(byCreation)) {
    if (total >= toScaleDown) break;
    const size = replicasOf(rs);
    if (size === 0) continue;
    const down = Math.min(size, toScaleDown - total);
    p.scaleTo(
      rs,
      size - down,
      `The Deployment controller scales the old ReplicaSet ${rs.metadata.name} down from ${size} to ${size - down}, keeping at least ${minAvailable} of ${want} pods available (maxUnavailable ${unavailable}).`,
    );
    total += down;
  }
  return total;
}
