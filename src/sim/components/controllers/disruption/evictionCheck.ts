import type { Pod, Status } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import type { Pdb } from "./disruptionBudget";

const DENIED = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(causeMessage: string): Status {
  return { apiVersion: "v1", kind: "Status", status: "Failure", message: DENIED, reason: "TooManyRequests", code: 429, details: { causes: [{ reason: "DisruptionBudget", message: causeMessage }] } };
}

/** canIgnorePDB: pods that are not running (Pending, finished) or already terminating are deleted without asking the budget. */
export function podIgnoresBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed" || phase === "Pending" || pod.metadata.deletionTimestamp !== undefined;
}

/**
 * checkAndDecrement from the eviction subresource (pkg/registry/core/pod/storage/eviction.go):
 * reads the budget's *status* as the disruption controller last wrote it. Allowed: the budget
 * with one disruption used up and the pod recorded in disruptedPods (write it with UpdateStatus,
 * then delete the pod). Denied: the 429 kubectl drain prints and retries.
 */
export function checkEviction(pdb: Pdb, podName: string, now: number): { allowed: true; updated: Pdb } | { allowed: false; error: Status } {
  const name = pdb.metadata.name ?? "";
  const s = pdb.status;
  if (!s || (s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) return { allowed: false, error: tooManyRequests(`The disruption budget ${name} is still being processed by the server.`) };
  if (s.disruptionsAllowed < 0) {
    return {
      allowed: false,
      error: { apiVersion: "v1", kind: "Status", status: "Failure", reason: "Forbidden", code: 403, message: `poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`, details: { name, group: "policy", kind: "poddisruptionbudgets" } },
    };
  }
  if (s.disruptionsAllowed === 0) {
    const cond = s.conditions?.find((c) => c.type === "DisruptionAllowed");
    let msg: string;
    if (cond?.status === "False" && cond.message && cond.reason === "SyncFailed") msg = `The disruption budget ${name} does not allow evicting pods currently because it failed sync: ${cond.message}`;
    else if (s.currentHealthy <= s.desiredHealthy) msg = `The disruption budget ${name} needs ${s.desiredHealthy} healthy pods and has ${s.currentHealthy} currently`;
    else if (cond?.status === "False" && cond.message) msg = `The disruption budget ${name} does not allow evicting pods currently (${cond.reason}): ${cond.message}`;
    else msg = `The disruption budget ${name} does not allow evicting pods currently`;
    return { allowed: false, error: tooManyRequests(msg) };
  }
  const allowed = s.disruptionsAllowed - 1;
  const conditions =
    allowed === 0 ? [...(s.conditions ?? []).filter((c) => c.type !== "DisruptionAllowed"), { type: "DisruptionAllowed", status: "False" as const, reason: "InsufficientPods", message: "", observedGeneration: s.observedGeneration }] : s.conditions;
  const status = { ...s, disruptionsAllowed: allowed, disruptedPods: { ...s.disruptedPods, [podName]: toTimestamp(now) }, ...(conditions ? { conditions } : {}) };
  return { allowed: true, updated: { ...pdb, status } };
}
