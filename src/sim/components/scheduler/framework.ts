import type { NodeInfo } from "./nodeInfo";
import type { PodInfo } from "./podInfo";
import type { Snapshot } from "./snapshot";

export type PluginName =
  | "NodeUnschedulable"
  | "NodeName"
  | "TaintToleration"
  | "NodeAffinity"
  | "NodePorts"
  | "NodeResourcesFit"
  | "PodTopologySpread"
  | "InterPodAffinity"
  | "NodeResourcesBalancedAllocation"
  | "ImageLocality";

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

/** framework.Code for a rejection. `UnschedulableAndUnresolvable` means preemption cannot help. */
export type StatusCode = "Unschedulable" | "UnschedulableAndUnresolvable";

/** A filter plugin's rejection of one node (a pass is `null`). Usually a shared constant. */
export interface FilterStatus {
  readonly plugin: PluginName;
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

export function status(plugin: PluginName, code: StatusCode, ...reasons: string[]): FilterStatus {
  return Object.freeze({ plugin, code, reasons: Object.freeze(reasons) });
}

/** What a filter plugin decided for this pod before looking at nodes (PreFilter). */
export type FilterPrep =
  /** PreFilter returned Skip: Filter does not run for this pod. */
  | { readonly kind: "skip" }
  /** Run `filter` on each node; `nodeNames` (NodeAffinity) narrows the nodes to evaluate. */
  | {
      readonly kind: "run";
      /** `id` is `node.id`, passed so a filter can read `snapshot.columns` without touching the node. */
      readonly filter: (node: NodeInfo, id: number) => FilterStatus | null;
      readonly nodeNames?: ReadonlySet<string>;
      /** The filter passes every node (it still runs, as far as the result shows; the loop need not call it). */
      readonly passesAll?: boolean;
    }
  /** PreFilter rejected the pod outright (every node gets this status). */
  | { readonly kind: "reject"; readonly status: FilterStatus };

export interface FilterPlugin {
  readonly name: PluginName;
  prepareFilter(pod: PodInfo, snapshot: Snapshot): FilterPrep;
}

/** What a score plugin decided for this pod given the feasible nodes (PreScore). */
export type ScorePrep =
  | { readonly kind: "skip" }
  | {
      readonly kind: "run";
      readonly score: (node: NodeInfo) => number;
      /** The same for every node at once (a monomorphic loop: the hot path for large clusters); `ids[i]` is `nodes[i].id`. */
      readonly scoreAll?: (nodes: readonly NodeInfo[], ids: Int32Array, out: Float64Array) => void;
      /** NormalizeScore, in place; absent when the plugin's raw score is already 0..100. */
      readonly normalize?: (scores: Float64Array, nodes: readonly NodeInfo[]) => void;
      /** Every node gets these raw and normalised scores (known in PreScore): no per-node work. */
      readonly uniform?: { readonly raw: number; readonly normalized: number };
    };

export interface ScorePlugin {
  readonly name: PluginName;
  readonly weight: number;
  prepareScore(pod: PodInfo, snapshot: Snapshot, feasible: readonly NodeInfo[]): ScorePrep;
}

export const SKIP = Object.freeze({ kind: "skip" }) as { readonly kind: "skip" };

/**
 * helper.DefaultNormalizeScore: scales to 0..maxPriority by the highest score (integer
 * division); `reverse` flips it (for "fewer is better" counts).
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Float64Array): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}
