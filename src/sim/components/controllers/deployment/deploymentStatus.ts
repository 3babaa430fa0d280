import type { Deployment } from "../../../api";
import { deepEqual } from "../../../api";
import { fromTimestamp } from "../../../runtime";
import { getCondition, newCondition, Reasons, removeCondition, setCondition } from "./conditions";
import { hasProgressDeadline, maxUnavailable, replicasOf, sumSpec, sumStatus } from "./deploymentUtil";
import type { RolloutPlan } from "./rolloutPlan";

export type DeploymentStatus = NonNullable<Deployment["status"]>;

/** calculateStatus: counts over all ReplicaSets, plus the Available condition. */
export function calculateStatus(p: RolloutPlan): DeploymentStatus {
  const all = p.all();
  const available = sumStatus(all, "availableReplicas");
  const total = sumSpec(all);
  // As serialised: zero counts are omitted (omitempty), so `-o yaml` reads like a real cluster.
  const status: DeploymentStatus = {};
  const counts: [keyof DeploymentStatus, number][] = [
    ["observedGeneration", p.d.metadata.generation ?? 0],
    ["replicas", sumStatus(all, "replicas")],
    ["updatedReplicas", p.newRS ? (p.newRS.status?.replicas ?? 0) : 0],
    ["readyReplicas", sumStatus(all, "readyReplicas")],
    ["availableReplicas", available],
    ["unavailableReplicas", Math.max(0, total - available)],
  ];
  for (const [k, v] of counts) if (v) (status as Record<string, number>)[k] = v;
  status.conditions = [...(p.d.status?.conditions ?? [])];
  if (available >= replicasOf(p.d) - maxUnavailable(p.d)) {
    setCondition(status, newCondition("Available", "True", Reasons.minAvailable, "Deployment has minimum availability.", p.ctx.now));
  } else {
    setCondition(status, newCondition("Available", "False", Reasons.minUnavailable, "Deployment does not have minimum availability.", p.ctx.now));
  }
  return status;
}

/** DeploymentComplete: every replica updated and available, and the latest generation observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = replicasOf(d);
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

function deploymentTimedOut(d: Deployment, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, "Progressing");
  if (!c || c.reason === Reasons.newRSAvailable) return false;
  if (c.reason === Reasons.timedOut) return true;
  const from = c.lastUpdateTime ? fromTimestamp(c.lastUpdateTime) : 0;
  return from + (d.spec.progressDeadlineSeconds ?? 600) * 1000 < now;
}

function statusWhy(p: RolloutPlan, s: DeploymentStatus): string {
  const progressing = getCondition(s, "Progressing");
  const tail = progressing?.reason === Reasons.timedOut ? " It has stopped making progress (ProgressDeadlineExceeded)." : "";
  return `The Deployment controller records ${p.name}'s status: ${s.updatedReplicas ?? 0} of ${replicasOf(p.d)} pods up to date, ${s.readyReplicas ?? 0} ready, ${s.availableReplicas ?? 0} available.${tail}`;
}

function unchanged(p: RolloutPlan, s: DeploymentStatus): boolean {
  return deepEqual(p.original.status ?? {}, s) && deepEqual(p.original.metadata.annotations ?? {}, p.d.metadata.annotations ?? {});
}

/** syncDeploymentStatus (scaling and paused syncs): no progress estimation. Returns the status why, or undefined when nothing changes. */
export function syncDeploymentStatus(p: RolloutPlan): string | undefined {
  const s = calculateStatus(p);
  if (unchanged(p, s)) return undefined;
  p.d.status = s;
  return statusWhy(p, s);
}

/** syncRolloutStatus: status plus the Progressing condition and the progress-deadline check. */
export function syncRolloutStatus(p: RolloutPlan): string | undefined {
  const { d, newRS } = p;
  const now = p.ctx.now;
  const s = calculateStatus(p);
  if (!hasProgressDeadline(d)) removeCondition(s, "Progressing");
  const current = getCondition(d.status, "Progressing");
  const complete = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && current?.reason === Reasons.newRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${p.name}"`;
    if (deploymentComplete(d, s)) {
      setCondition(s, newCondition("Progressing", "True", Reasons.newRSAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(p.original, s)) {
      const c = newCondition("Progressing", "True", Reasons.rsUpdated, `${subject} is progressing.`, now);
      if (current?.status === "True") c.lastTransitionTime = current.lastTransitionTime;
      if (current) removeCondition(s, "Progressing");
      setCondition(s, c);
    } else if (deploymentTimedOut(d, s, now)) {
      setCondition(s, newCondition("Progressing", "False", Reasons.timedOut, `${subject} has timed out progressing.`, now));
    }
  }
  scheduleProgressCheck(p, s);
  if (unchanged(p, s)) return undefined;
  p.d.status = s;
  return statusWhy(p, s);
}

/** requeueStuckDeployment: look again when the progress deadline would pass. */
function scheduleProgressCheck(p: RolloutPlan, s: DeploymentStatus): void {
  const c = getCondition(p.original.status, "Progressing");
  if (!hasProgressDeadline(p.d) || !c || deploymentComplete(p.d, s) || c.reason === Reasons.timedOut) return;
  const from = c.lastUpdateTime ? fromTimestamp(c.lastUpdateTime) : 0;
  const after = from + (p.d.spec.progressDeadlineSeconds ?? 600) * 1000 - p.ctx.now;
  // enqueueAfter(after + 1 s); past the deadline (a finished rollout that lost pods to a dead node) client-go
  // requeues rate-limited, which its 10 qps bucket keeps to about once a second, not a 1 ms spin.
  p.resyncAfterMs = Math.max(after, 0) + 1000;
}
