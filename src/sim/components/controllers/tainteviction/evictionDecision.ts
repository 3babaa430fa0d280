import type { Taint, Toleration } from "../../../api/types";
import { matchingTolerations, minTolerationMs } from "./tolerations";

/** What the taint-eviction controller must do about one pod on a NoExecute-tainted node. */
export type EvictionDecision =
  | { kind: "none" } // no NoExecute taint, or tolerated forever: nothing scheduled
  | { kind: "evict"; at: number; createdAt: number }; // delete the pod at `at` (now if untolerated)

export interface ScheduledEviction {
  createdAt: number;
  at: number;
}

/**
 * processPodOnNode from pkg/controller/tainteviction: untolerated taints evict at once; the
 * shortest tolerationSeconds among the matching tolerations sets the deadline, counted from
 * when the eviction was first scheduled; tolerating forever cancels any scheduled eviction.
 */
export function decideEviction(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
  now: number,
  scheduled: ScheduledEviction | undefined,
): EvictionDecision {
  if (taints.length === 0) return { kind: "none" };
  const { allTolerated, used } = matchingTolerations(taints, tolerations);
  if (!allTolerated) return { kind: "evict", at: now, createdAt: now };
  const min = minTolerationMs(used);
  if (min < 0) return { kind: "none" };
  if (scheduled) {
    // An eviction scheduled earlier stands: the pod has been tolerating the taint since then.
    if (scheduled.createdAt + min < now + min) return { kind: "evict", at: scheduled.at, createdAt: scheduled.createdAt };
  }
  return { kind: "evict", at: now + min, createdAt: now };
}
