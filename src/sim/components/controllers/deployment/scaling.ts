import type { ReplicaSet } from "../../../api";
import {
  activeReplicaSets,
  createdAt,
  DESIRED_REPLICAS,
  findActiveOrLatest,
  isRollingUpdate,
  isSaturated,
  MAX_REPLICAS,
  maxSurge,
  replicasOf,
  sumSpec,
} from "./deploymentUtil";
import type { RolloutPlan } from "./rolloutPlan";

/** isScalingEvent: some active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(p: RolloutPlan): boolean {
  for (const rs of activeReplicaSets(p.all())) {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
    if (v === undefined) continue;
    if (Number.parseInt(v, 10) !== replicasOf(p.d)) return true;
  }
  return false;
}

/** getReplicaSetFraction: this ReplicaSet's share of the size change. */
function fraction(p: RolloutPlan, rs: ReplicaSet): number {
  const want = replicasOf(p.d);
  if (want === 0) return -replicasOf(rs);
  const deploymentReplicas = want + maxSurge(p.d);
  const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? "", 10);
  const base = Number.isFinite(annotated) ? annotated : (p.d.status?.replicas ?? 0);
  if (base === 0) return 0;
  return Math.round((replicasOf(rs) * deploymentReplicas) / base) - replicasOf(rs);
}

function proportion(p: RolloutPlan, rs: ReplicaSet, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(p, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/**
 * scale: a replica count change. One active ReplicaSet takes it all; during a rollout the
 * change is spread over the ReplicaSets in proportion to their size.
 */
export function scale(p: RolloutPlan): void {
  const want = replicasOf(p.d);
  const single = findActiveOrLatest(p.newRS, p.oldRSs);
  if (single) {
    if (replicasOf(single) === want) return;
    const dir = replicasOf(single) < want ? "up" : "down";
    p.scaleTo(single, want, `The Deployment controller saw ${p.name} now wants ${want} replicas, so it scales ReplicaSet ${single.metadata.name} ${dir} from ${replicasOf(single)} to ${want}.`);
    return;
  }
  if (isSaturated(p.d, p.newRS)) {
    for (const old of activeReplicaSets(p.oldRSs)) {
      p.scaleTo(old, 0, `The new ReplicaSet of ${p.name} already runs every replica, so the Deployment controller scales the old ReplicaSet ${old.metadata.name} down to 0.`);
    }
    return;
  }
  if (!isRollingUpdate(p.d)) return;
  const all = activeReplicaSets(p.all());
  const allowed = want > 0 ? want + maxSurge(p.d) : 0;
  const toAdd = allowed - sumSpec(all);
  let op: "up" | "down" | undefined;
  if (toAdd > 0) {
    // ReplicaSetsBySizeNewer: bigger first, then newer.
    all.sort((a, b) => replicasOf(b) - replicasOf(a) || createdAt(b) - createdAt(a));
    op = "up";
  } else if (toAdd < 0) {
    // ReplicaSetsBySizeOlder: bigger first, then older.
    all.sort((a, b) => replicasOf(b) - replicasOf(a) || createdAt(a) - createdAt(b));
    op = "down";
  }
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return replicasOf(rs);
    const n = proportion(p, rs, toAdd, added);
    added += n;
    return replicasOf(rs) + n;
  });
  all.forEach((rs, i) => {
    let size = sizes[i];
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    p.scale(
      rs,
      size,
      `The Deployment controller saw ${p.name} now wants ${want} replicas in the middle of a rollout, so it resizes ReplicaSet ${rs.metadata.name} from ${replicasOf(rs)} to ${size}, in proportion to its share.`,
      op,
    );
  });
}
