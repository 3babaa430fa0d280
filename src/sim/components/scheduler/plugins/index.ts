import type { FilterPlugin, ScorePlugin } from "../framework";
import { NodeResourcesBalancedAllocation } from "./balancedAllocation";
import { ImageLocality } from "./imageLocality";
import { InterPodAffinity } from "./interPodAffinity";
import { NodeAffinity } from "./nodeAffinity";
import { NodeName } from "./nodeName";
import { NodePorts } from "./nodePorts";
import { NodeResourcesFit } from "./nodeResourcesFit";
import { NodeUnschedulable } from "./nodeUnschedulable";
import { podTopologySpread, type PodTopologySpreadOptions } from "./podTopologySpread";
import { TaintToleration } from "./taintToleration";

export interface PluginSet {
  /** In the default profile's Filter order; the first rejection per node is the one recorded. */
  readonly filters: readonly FilterPlugin[];
  /** In the default profile's Score order, each with its weight. */
  readonly scores: readonly ScorePlugin[];
}

/** The default-scheduler profile (volume and DRA plugins left out: the simulation has no volumes). */
export function defaultPlugins(opts: PodTopologySpreadOptions = {}): PluginSet {
  const spread = podTopologySpread(opts);
  return {
    filters: [NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, spread, InterPodAffinity],
    scores: [TaintToleration, NodeAffinity, NodeResourcesFit, spread, InterPodAffinity, NodeResourcesBalancedAllocation, ImageLocality],
  };
}

export { NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, InterPodAffinity, NodeResourcesBalancedAllocation, ImageLocality, podTopologySpread };
export { ownerLabelsSelector, DEFAULT_CONSTRAINTS, type PodTopologySpreadOptions } from "./podTopologySpread";
