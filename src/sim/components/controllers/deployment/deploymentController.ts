import type { Deployment, ReplicaSet } from "../../../api";
import { NOTHING, splitKey, type Plan, type ReconcileContext, type Reconciler } from "../framework";
import { getCondition, newCondition, Reasons, setCondition } from "./conditions";
import { syncDeploymentStatus, syncRolloutStatus, deploymentComplete } from "./deploymentStatus";
import { findNewReplicaSet, hasProgressDeadline } from "./deploymentUtil";
import { oldPodsRunning, scaleDownOldForRecreate, scaleUpNewForRecreate } from "./recreate";
import { cleanupDeployment, syncRevision } from "./revision";
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from "./rolling";
import { RolloutPlan } from "./rolloutPlan";
import { isScalingEvent, scale } from "./scaling";

/** The ReplicaSets a Deployment controls (by controller owner uid). */
export function replicaSetsOf(d: Deployment, ctx: ReconcileContext): ReplicaSet[] {
  return ctx.lister<ReplicaSet>("replicasets").byIndex("controller", d.metadata.uid ?? "");
}

function newPlan(d: Deployment, ctx: ReconcileContext): RolloutPlan {
  const rss = replicaSetsOf(d, ctx);
  const newRS = findNewReplicaSet(d, rss);
  return new RolloutPlan(ctx, d, newRS, rss.filter((r) => r !== newRS));
}

/** checkPausedConditions: Progressing Unknown while paused (unless it already timed out). */
function checkPaused(p: RolloutPlan): void {
  if (!hasProgressDeadline(p.d)) return;
  const c = getCondition(p.d.status, "Progressing");
  if (c?.reason === Reasons.timedOut) return;
  const pausedCond = c?.reason === Reasons.paused;
  if (p.d.spec.paused && !pausedCond) {
    setCondition(p.d.status!, newCondition("Progressing", "Unknown", Reasons.paused, "Deployment is paused", p.ctx.now));
  } else if (!p.d.spec.paused && pausedCond) {
    setCondition(p.d.status!, newCondition("Progressing", "Unknown", Reasons.resumed, "Deployment is resumed", p.ctx.now));
  }
}

/** sync: scaling events and paused Deployments (no rollout progress). */
function syncScaling(p: RolloutPlan): Plan {
  syncRevision(p, false);
  scale(p);
  if (p.d.spec.paused) cleanupDeployment(p);
  return p.toPlan(syncDeploymentStatus(p));
}

function rolloutRolling(p: RolloutPlan): Plan {
  syncRevision(p, true);
  if (!reconcileNewReplicaSet(p) && !reconcileOldReplicaSets(p)) {
    if (deploymentComplete(p.original, p.original.status ?? {})) cleanupDeployment(p);
  }
  return p.toPlan(syncRolloutStatus(p));
}

function rolloutRecreate(p: RolloutPlan): Plan {
  syncRevision(p, false);
  if (scaleDownOldForRecreate(p) || oldPodsRunning(p, p.ctx)) return p.toPlan(syncRolloutStatus(p));
  if (!p.newRS) syncRevision(p, true);
  else scaleUpNewForRecreate(p);
  if (deploymentComplete(p.original, p.original.status ?? {})) cleanupDeployment(p);
  return p.toPlan(syncRolloutStatus(p));
}

/** syncDeployment: the Deployment controller's reconcile. */
export function syncDeployment(key: string, ctx: ReconcileContext): Plan {
  const { namespace, name } = splitKey(key);
  const d = ctx.lister<Deployment>("deployments").get(namespace, name);
  if (!d) return NOTHING;
  const sel = d.spec.selector;
  if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
    return {
      calls: [ctx.events.warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.")],
    };
  }
  const p = newPlan(d, ctx);
  if (d.metadata.deletionTimestamp !== undefined) {
    syncRevision(p, false);
    return p.toPlan(syncDeploymentStatus(p));
  }
  checkPaused(p);
  if (d.spec.paused) return syncScaling(p);
  // isScalingEvent looks at the ReplicaSets after their revisions are synced.
  const probe = newPlan(d, ctx);
  syncRevision(probe, false);
  if (isScalingEvent(probe)) return syncScaling(p);
  return (d.spec.strategy?.type ?? "RollingUpdate") === "Recreate" ? rolloutRecreate(p) : rolloutRolling(p);
}

export const deploymentReconciler: Reconciler = { name: "deployment-controller", sync: syncDeployment };
