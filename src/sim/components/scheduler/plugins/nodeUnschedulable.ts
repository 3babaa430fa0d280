import type { Toleration } from "../../../api/types";
import { status, type FilterPlugin } from "../framework";
import { toleratesTaint } from "./taintToleration";

export const ErrReasonUnschedulable = "node(s) were unschedulable";
const UNSCHEDULABLE = status("NodeUnschedulable", "UnschedulableAndUnresolvable", ErrReasonUnschedulable);
const UNSCHEDULABLE_TAINT = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" } as const;

/** A cordoned node (spec.unschedulable) takes only pods tolerating node.kubernetes.io/unschedulable:NoSchedule. */
export function nodeUnschedulableFilter(tolerations: readonly Toleration[], unschedulable: boolean): typeof UNSCHEDULABLE | null {
  if (!unschedulable) return null;
  return tolerations.some((t) => toleratesTaint(t, UNSCHEDULABLE_TAINT)) ? null : UNSCHEDULABLE;
}

const PASS_ALL = Object.freeze({ kind: "run" as const, filter: () => null, passesAll: true });

export const NodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  // With no node cordoned, every node passes: the filter loop need not ask.
  prepareFilter: (pod, snapshot) =>
    snapshot.unschedulableNodes === 0 ? PASS_ALL : { kind: "run", filter: (node) => nodeUnschedulableFilter(pod.tolerations, node.unschedulable) },
};
