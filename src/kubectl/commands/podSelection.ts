/**
 * Which pod of a controller `kubectl logs` and `kubectl exec` pick (polymorphichelpers.GetFirstPod
 * sorts the selector's pods and takes the first): logs sort by podutils.ByLogging, exec and
 * attach by sort.Reverse(podutils.ActivePods) — kubectl/pkg/util/podutils/podutils.go.
 */
import type { Pod } from "../../sim/api/types";
import { fromTimestamp } from "../../sim/runtime";

type Compare = (a: Pod, b: Pod) => number;

const assigned = (p: Pod) => !!p.spec.nodeName;
const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
/** When the pod became Ready; undefined (Go's zero time) when it is not. */
function readyTime(p: Pod): number | undefined {
  const c = (p.status?.conditions ?? []).find((x) => x.type === "Ready" && x.status === "True");
  return c?.lastTransitionTime ? fromTimestamp(c.lastTransitionTime) : undefined;
}
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount));
const created = (p: Pod) => (p.metadata.creationTimestamp ? fromTimestamp(p.metadata.creationTimestamp) : undefined);
/** podutils.afterOrZero: t1 after t2, a zero time counting as latest. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}
const less = (lt: (a: Pod, b: Pod) => boolean): Compare => (a, b) => (lt(a, b) ? -1 : lt(b, a) ? 1 : 0);

/** podutils.ByLogging: assigned, Running < Unknown < Pending, ready, ready longest, most restarts, oldest. */
export const byLogging: Compare = less((a, b) => {
  if (assigned(a) !== assigned(b)) return assigned(a);
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = rank[a.status?.phase ?? ""] ?? 3;
  const pb = rank[b.status?.phase ?? ""] ?? 3;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(b), created(a));
  return false;
});

/** podutils.ActivePods (least active first): unassigned, Pending < Unknown < Running, not ready, … */
const activePods = less((a, b) => {
  if (assigned(a) !== assigned(b)) return !assigned(a);
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = rank[a.status?.phase ?? ""] ?? -1;
  const pb = rank[b.status?.phase ?? ""] ?? -1;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(a), created(b));
  return false;
});

/** sort.Reverse(ActivePods): the most active pod first (exec, attach, port-forward). */
export const byMostActive: Compare = (a, b) => activePods(b, a);

/** The first pod by `order` (ties keep the server's order, by name). */
export function firstPod(pods: readonly Pod[], order: Compare): Pod | undefined {
  return [...pods].sort(order)[0];
}
