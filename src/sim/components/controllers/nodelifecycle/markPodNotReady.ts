import type { Pod } from "../../../api/types";

/**
 * MarkPodsNotReady for one pod: its Ready condition turns False (the kubelet is not there to
 * say otherwise). Returns the pod to write with UpdateStatus, or undefined when it is already
 * not ready or has no Ready condition.
 */
export function markPodNotReady(pod: Pod, nowTimestamp: string): Pod | undefined {
  const conditions = pod.status?.conditions;
  const i = conditions?.findIndex((c) => c.type === "Ready") ?? -1;
  if (!conditions || i < 0 || conditions[i].status === "False") return undefined;
  const next = conditions.slice();
  next[i] = { ...conditions[i], status: "False", lastTransitionTime: nowTimestamp };
  return { ...pod, status: { ...pod.status, conditions: next } };
}
