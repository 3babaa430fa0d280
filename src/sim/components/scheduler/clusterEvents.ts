import type { Pod } from "../../api/types";
import type { PluginName } from "./framework";

/** Cluster changes that may make an unschedulable pod schedulable (the queue's move requests). */
export type ClusterEvent =
  | "NodeAdd"
  | "NodeTaintChange" // taints or spec.unschedulable (cordon / uncordon)
  | "NodeLabelChange"
  | "NodeAllocatableChange"
  | "AssignedPodAdd"
  | "AssignedPodLabelChange"
  | "AssignedPodDelete"
  | "UnschedulableTimeout";

/** Which plugins' rejections each event may undo (their EventsToRegister, coarsely). */
const INTERESTED: Record<ClusterEvent, readonly PluginName[] | "all"> = {
  NodeAdd: "all",
  NodeTaintChange: ["NodeUnschedulable", "TaintToleration"],
  NodeLabelChange: ["NodeAffinity", "PodTopologySpread", "InterPodAffinity"],
  NodeAllocatableChange: ["NodeResourcesFit"],
  AssignedPodAdd: ["PodTopologySpread", "InterPodAffinity"],
  AssignedPodLabelChange: ["PodTopologySpread", "InterPodAffinity"],
  AssignedPodDelete: ["NodeResourcesFit", "NodePorts", "PodTopologySpread", "InterPodAffinity"],
  UnschedulableTimeout: "all",
};

export function eventMayHelp(event: ClusterEvent, rejectors: ReadonlySet<PluginName>): boolean {
  const interested = INTERESTED[event];
  // A pod rejected without a plugin to blame (an error) is retried on any event.
  if (interested === "all" || rejectors.size === 0) return true;
  for (const p of interested) if (rejectors.has(p)) return true;
  return false;
}

/** isPodUpdated: a change other than status, resourceVersion or generation (the scheduler's own status writes do not count). */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  const strip = (p: Pod) => JSON.stringify({ m: { ...p.metadata, resourceVersion: undefined, generation: undefined }, s: p.spec });
  return strip(oldPod) !== strip(newPod);
}
