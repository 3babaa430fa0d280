import type { Pod, PodCondition } from "../../../api";
import { fromTimestamp } from "../../../runtime";

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod) !== undefined;
}

/** The pod's Ready condition when it is True (controllers ask this of every pod on every sync). */
function readyCondition(pod: Pod): PodCondition | undefined {
  const conditions = pod.status?.conditions;
  if (conditions) for (const c of conditions) if (c.type === "Ready" && c.status === "True") return c;
  return undefined;
}

/** Virtual ms when the pod last became Ready, or undefined when it is not ready. */
export function podReadySince(pod: Pod): number | undefined {
  const c = readyCondition(pod);
  if (!c) return undefined;
  return c.lastTransitionTime ? fromTimestamp(c.lastTransitionTime) : -Infinity;
}

/**
 * podutil.IsPodAvailable: Ready, and (with minReadySeconds) ready since strictly more than that
 * long ago; a Ready condition without a transition time never counts as available then.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = readyCondition(pod);
  if (!c) return false;
  if (minReadySeconds <= 0) return true;
  if (!c.lastTransitionTime) return false;
  return fromTimestamp(c.lastTransitionTime) + minReadySeconds * 1000 < now;
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && pod.metadata.deletionTimestamp === undefined;
}
