import type { FilterStatus, PluginName } from "./framework";
import type { SchedulingResult } from "./schedulingResult";

/** [one node, several nodes] phrasing of why a plugin rejected a node, for learners. */
const PHRASES: Record<PluginName, [string, string]> = {
  NodeUnschedulable: ["is cordoned", "are cordoned"],
  NodeName: ["is not the node the pod names", "are not the node the pod names"],
  TaintToleration: ["has a taint the pod does not tolerate", "have a taint the pod does not tolerate"],
  NodeAffinity: ["does not match the pod's node selector or affinity", "do not match the pod's node selector or affinity"],
  NodePorts: ["already uses a host port the pod needs", "already use a host port the pod needs"],
  NodeResourcesFit: ["lacks room", "lack room"],
  PodTopologySpread: ["would break the pod's topology spread", "would break the pod's topology spread"],
  InterPodAffinity: ["breaks a pod affinity rule", "break a pod affinity rule"],
  NodeResourcesBalancedAllocation: ["", ""],
  ImageLocality: ["", ""],
};

function phrase(s: FilterStatus, plural: boolean): string {
  if (s.plugin === "NodeResourcesFit") {
    const what = s.reasons.map((r) => (r === "Too many pods" ? "pod slots" : r.replace("Insufficient ", "free "))).join(" and ");
    return `${plural ? "have" : "has"} too little ${what}`;
  }
  return PHRASES[s.plugin][plural ? 1 : 0];
}

function listNames(names: readonly string[]): string {
  if (names.length > 3) return `${names.length} nodes`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "control-plane has a taint the pod does not tolerate; worker-1 and worker-2 have too little free cpu". */
export function rejectionSummary(r: SchedulingResult): string {
  const groups = new Map<string, { status: FilterStatus; names: string[] }>();
  const order = r.order;
  r.failedAt.forEach((pos, k) => {
    const v = r.failures[k];
    const name = order[(r.start + pos) % order.length];
    const key = `${v.plugin}:${v.reasons.join(",")}`;
    const g = groups.get(key);
    if (g) g.names.push(name);
    else groups.set(key, { status: v, names: [name] });
  });
  const parts = [...groups.values()].map((g) => `${listNames(g.names)} ${phrase(g.status, g.names.length > 1)}`);
  const absent = r.numAllNodes - r.evaluatedNodes;
  if (r.absentStatus && absent > 0) parts.push(`${absent === 1 ? "1 other node is" : `${absent} other nodes are`} not the one the pod is pinned to`);
  return parts.join("; ");
}

/** One plain sentence for the trace: what the scheduler decided for this pod and why. */
export function narrateResult(r: SchedulingResult, podName: string): string {
  if (r.numAllNodes === 0) return `The scheduler cannot place ${podName}: the cluster has no nodes yet.`;
  if (r.preFilterStatus) return `The scheduler cannot place ${podName}: ${r.preFilterStatus.reasons.join(", ")}.`;
  const rejected = rejectionSummary(r);
  const looked =
    r.evaluatedNodes < r.numAllNodes && !r.absentStatus
      ? `checked ${r.evaluatedNodes} of ${r.numAllNodes} nodes (enough to find ${r.numFeasibleNodesToFind} that fit)`
      : `filtered ${r.evaluatedNodes === 1 ? "1 node" : `${r.evaluatedNodes} nodes`}`;
  if (!r.node) return `The scheduler ${looked} and found none for ${podName}${rejected ? `: ${rejected}` : ""}. It will retry when the cluster changes.`;
  const scored = r.feasibleNodes > 1 ? `it scored ${rejected ? "the rest" : `all ${r.feasibleNodes}`} and binds` : "it binds";
  return `The scheduler ${looked}${rejected ? `: ${rejected};` : ";"} ${scored} ${podName} to ${r.node}.`;
}
