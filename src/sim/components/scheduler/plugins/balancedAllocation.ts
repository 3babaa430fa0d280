import { MAX_NODE_SCORE, SKIP, type ScorePlugin } from "../framework";
import type { NodeColumns, NodeInfo } from "../nodeInfo";
import type { PodInfo } from "../podInfo";

// A module-local copy: imported bindings can cost a getter call per read in some module loaders.
const MAX_SCORE = MAX_NODE_SCORE;

/**
 * balancedResourceScorer over the real requests: (1 − |cpuFraction − memFraction| / 2) × 100,
 * each fraction capped at 1; resources a node has none of are left out.
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  return balanced(pod, node.columns, node.id);
}

function balanced(pod: PodInfo, c: NodeColumns, id: number): number {
  const allocCpu = c.allocatableMilliCpu[id];
  const allocMemory = c.allocatableMemory[id];
  if (allocCpu === 0 || allocMemory === 0) return MAX_SCORE; // one fraction: std 0
  const cpu = Math.min(1, (c.requestedMilliCpu[id] + pod.milliCpu) / allocCpu);
  const mem = Math.min(1, (c.requestedMemory[id] + pod.memory) / allocMemory);
  const std = Math.abs((cpu - mem) / 2);
  return Math.trunc((1 - std) * MAX_SCORE);
}

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  prepareScore: (pod, snapshot) => {
    // Best-effort pods (no requests at all) are not scored, so they do not all land on one node.
    if (pod.milliCpu === 0 && pod.memory === 0) return SKIP;
    const c = snapshot.columns;
    return {
      kind: "run",
      score: (node) => balancedAllocationScore(pod, node),
      scoreAll: (nodes, ids, out) => {
        for (let i = 0; i < nodes.length; i++) out[i] = balanced(pod, c, ids[i]);
      },
    };
  },
};
