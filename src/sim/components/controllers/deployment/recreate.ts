import type { Pod } from "../../../api";
import type { ReconcileContext } from "../framework";
import { activeReplicaSets, replicasOf, sumStatus } from "./deploymentUtil";
import type { RolloutPlan } from "./rolloutPlan";

/** scaleDownOldReplicaSetsForRecreate: every old ReplicaSet straight to 0. */
export function scaleDownOldForRecreate(p: RolloutPlan): boolean {
  let scaled = false;
  for (const rs of activeReplicaSets(p.oldRSs)) {
    scaled =
      p.scaleTo(rs, 0, `The Deployment controller uses the Recreate strategy, so it scales the old ReplicaSet ${rs.metadata.name} down to 0 before starting new pods.`) ||
      scaled;
  }
  return scaled;
}

/** oldPodsRunning: Recreate waits until no pod of an old ReplicaSet is left in a non-terminal phase. */
export function oldPodsRunning(p: RolloutPlan, ctx: ReconcileContext): boolean {
  if (sumStatus(p.oldRSs, "replicas") > 0) return true;
  const pods = ctx.lister<Pod>("pods");
  for (const rs of p.oldRSs) {
    for (const pod of pods.byIndex("controller", rs.metadata.uid ?? "")) {
      const phase = pod.status?.phase;
      if (phase !== "Failed" && phase !== "Succeeded") return true;
    }
  }
  return false;
}

/** scaleUpNewReplicaSetForRecreate. */
export function scaleUpNewForRecreate(p: RolloutPlan): boolean {
  const rs = p.newRS;
  if (!rs) return false;
  const want = replicasOf(p.d);
  return p.scaleTo(rs, want, `The old pods of ${p.name} are gone, so the Deployment controller scales the new ReplicaSet ${rs.metadata.name} up to ${want}.`);
}
