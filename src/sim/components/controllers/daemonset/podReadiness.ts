import type { Pod } from "../../../api/types";
import { fromTimestamp } from "../../../runtime";

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (conditions) for (const c of conditions) if (c.type === "Ready" && c.status === "True") return true;
  return false;
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready" && c.status === "True");
  if (!ready) return false;
  if (minReadySeconds <= 0) return true;
  const since = ready.lastTransitionTime ? fromTimestamp(ready.lastTransitionTime) : now;
  return since + minReadySeconds * 1000 <= now;
}
