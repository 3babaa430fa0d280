import type { DeploymentCondition, Deployment } from "../../../api";
import { toTimestamp } from "../../../runtime";

type Status = NonNullable<Deployment["status"]>;
type Cond = DeploymentCondition;

// Condition reasons (pkg/controller/deployment/util).
export const Reasons = {
  newRSCreated: "NewReplicaSetCreated",
  foundNewRS: "FoundNewReplicaSet",
  rsUpdated: "ReplicaSetUpdated",
  newRSAvailable: "NewReplicaSetAvailable",
  timedOut: "ProgressDeadlineExceeded",
  paused: "DeploymentPaused",
  resumed: "DeploymentResumed",
  minAvailable: "MinimumReplicasAvailable",
  minUnavailable: "MinimumReplicasUnavailable",
  failedRSCreate: "ReplicaSetCreateError",
} as const;

export function newCondition(type: Cond["type"], status: Cond["status"], reason: string, message: string, now: number): Cond {
  const t = toTimestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: Status | undefined, type: Cond["type"]): Cond | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: same status+reason is a no-op; the condition moves to the end. */
export function setCondition(status: Status, cond: Cond): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond = { ...cond, lastTransitionTime: current.lastTransitionTime };
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), cond];
}

export function removeCondition(status: Status, type: Cond["type"]): void {
  if (status.conditions) status.conditions = status.conditions.filter((c) => c.type !== type);
}
