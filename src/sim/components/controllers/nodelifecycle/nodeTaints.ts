import type { Node, NodeCondition, Taint } from "../../../api/types";

export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
export const TAINT_MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
export const TAINT_DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
export const TAINT_PID_PRESSURE = "node.kubernetes.io/pid-pressure";
export const TAINT_NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

/** nodeConditionToTaintKeyStatusMap: which condition status becomes which taint key. */
const CONDITION_TAINTS: Record<NodeCondition["type"], Partial<Record<NodeCondition["status"], string>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_MEMORY_PRESSURE, TAINT_DISK_PRESSURE, TAINT_NETWORK_UNAVAILABLE, TAINT_PID_PRESSURE]);

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/**
 * doNoScheduleTaintingPass: the NoSchedule taints a node's conditions and spec.unschedulable
 * call for, compared with the ones it has (added taints carry timeAdded, as the real ones do). Returns the new taint list, or undefined when nothing changes.
 */
export function reconcileNoScheduleTaints(node: Node, timeAdded: string): { taints: Taint[]; added: Taint[]; removed: Taint[] } | undefined {
  const want: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: "NoSchedule" });
  }
  if (node.spec.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: "NoSchedule" });
  const have = (node.spec.taints ?? []).filter((t) => t.effect === "NoSchedule" && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
  const added = want.filter((w) => !have.some((h) => sameTaint(h, w)));
  const removed = have.filter((h) => !want.some((w) => sameTaint(h, w)));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { taints: swapTaints(node.spec.taints ?? [], added, removed, timeAdded), added, removed };
}

/**
 * SwapNodeControllerTaint: adds `add` (stamped with timeAdded when given) and removes `remove`,
 * keeping every other taint in place.
 */
export function swapTaints(taints: readonly Taint[], add: readonly Taint[], remove: readonly Taint[], timeAdded: string | undefined): Taint[] {
  const out = taints.filter((t) => !remove.some((r) => sameTaint(r, t)) && !add.some((a) => sameTaint(a, t)));
  for (const a of add) out.push(timeAdded ? { ...a, timeAdded } : { ...a });
  return out;
}

export function hasTaint(node: Node, key: string, effect: Taint["effect"]): boolean {
  return (node.spec.taints ?? []).some((t) => t.key === key && t.effect === effect);
}
