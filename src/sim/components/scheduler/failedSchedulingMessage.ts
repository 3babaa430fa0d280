import type { FilterStatus } from "./framework";
import type { SchedulingResult } from "./schedulingResult";

export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";

/**
 * FitError.Error(): `0/N nodes are available:` then the PreFilter message, or the reasons
 * counted over every node ("<count> <reason>", sorted as strings, joined by ", "), then the
 * PostFilter message.
 */
export function fitErrorMessage(opts: {
  numAllNodes: number;
  statuses: Iterable<FilterStatus>;
  /** Nodes with an explicit status (the rest take `absentStatus`). */
  explicitCount: number;
  absentStatus?: FilterStatus;
  preFilterMsg?: string;
  postFilterMsg?: string;
}): string {
  let msg = `0/${opts.numAllNodes} nodes are available:`;
  if (opts.preFilterMsg) {
    msg += ` ${opts.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const s of opts.statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absent = opts.numAllNodes - opts.explicitCount;
    if (absent > 0 && opts.absentStatus) for (const r of opts.absentStatus.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
    const parts = [...counts].map(([r, c]) => `${c} ${r}`).sort();
    if (parts.length > 0) msg += ` ${parts.join(", ")}.`;
  }
  // v1.34 appends the PostFilter message as is (older releases added a second ".").
  if (opts.postFilterMsg) msg += ` ${opts.postFilterMsg}`;
  return msg;
}

export interface PreemptionView {
  /** spec.preemptionPolicy of the incoming pod. */
  preemptionPolicy?: string;
}

/**
 * DefaultPreemption's PostFilter message, without preempting: nodes rejected as
 * UnschedulableAndUnresolvable (or never evaluated) are "not helpful"; the others are
 * reported without victims (the simulation does not preempt lower-priority pods).
 */
export function preemptionMessage(r: SchedulingResult, view: PreemptionView = {}): string {
  if (view.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  const notHelpful: FilterStatus = { plugin: "NodeUnschedulable", code: "UnschedulableAndUnresolvable", reasons: [PREEMPTION_NOT_HELPFUL] };
  const noVictims: FilterStatus = { plugin: "NodeResourcesFit", code: "UnschedulableAndUnresolvable", reasons: [NO_PREEMPTION_VICTIMS] };
  const statuses: FilterStatus[] = [];
  for (const v of r.failures) statuses.push(v.code === "UnschedulableAndUnresolvable" ? notHelpful : noVictims);
  const inner = fitErrorMessage({ numAllNodes: r.numAllNodes, statuses, explicitCount: statuses.length, absentStatus: notHelpful });
  return `preemption: ${inner}`;
}

/** The FailedScheduling event message for an attempt that found no feasible node. */
export function failedSchedulingMessage(r: SchedulingResult, view: PreemptionView = {}): string {
  if (r.numAllNodes === 0 && r.message) return r.message;
  return fitErrorMessage({
    numAllNodes: r.numAllNodes,
    statuses: r.failures,
    explicitCount: r.preFilterStatus ? 0 : r.failures.length,
    absentStatus: r.absentStatus,
    preFilterMsg: r.preFilterStatus?.reasons.join(", "),
    postFilterMsg: preemptionMessage(r, view),
  });
}
