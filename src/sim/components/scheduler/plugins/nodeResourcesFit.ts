import { MAX_NODE_SCORE, status, type FilterPlugin, type FilterStatus, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import type { PodInfo } from "../podInfo";

// A module-local copy: imported bindings can cost a getter call per read in some module loaders.
const MAX_SCORE = MAX_NODE_SCORE;

const TOO_MANY = "Too many pods";
const CPU = "Insufficient cpu";
const MEMORY = "Insufficient memory";

// Every combination of reasons, built once (bit 1 pods, 2 cpu, 4 memory), in fitsRequest's order.
const COMBOS: FilterStatus[] = [];
for (let mask = 1; mask < 8; mask++) {
  const r: string[] = [];
  if (mask & 1) r.push(TOO_MANY);
  if (mask & 2) r.push(CPU);
  if (mask & 4) r.push(MEMORY);
  COMBOS[mask] = status("NodeResourcesFit", "Unschedulable", ...r);
}

/** fitsRequest: every shortage is reported (a node short of cpu and memory counts for both). */
export function nodeResourcesFitFilter(pod: PodInfo, node: NodeInfo): FilterStatus | null {
  let mask = 0;
  if (node.podCount + 1 > node.allowedPodNumber) mask |= 1;
  if (pod.milliCpu > 0 && pod.milliCpu > node.allocatableMilliCpu - node.requestedMilliCpu) mask |= 2;
  if (pod.memory > 0 && pod.memory > node.allocatableMemory - node.requestedMemory) mask |= 4;
  return mask === 0 ? null : COMBOS[mask];
}

/** leastRequestedScore: the unused share of capacity on a 0..100 scale (integer division). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_SCORE) / capacity);
}

/**
 * LeastAllocated (cpu and memory, weight 1 each) over the non-zero requests: request-less
 * pods count as 100m / 200Mi so they do not all pile onto one node.
 */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let sum = 0;
  let weights = 0;
  if (node.allocatableMilliCpu !== 0) {
    sum += leastRequestedScore(node.nonZeroMilliCpu + pod.nonZeroMilliCpu, node.allocatableMilliCpu);
    weights++;
  }
  if (node.allocatableMemory !== 0) {
    sum += leastRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatableMemory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

export const NodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  prepareFilter: (pod) => ({ kind: "run", filter: (node) => nodeResourcesFitFilter(pod, node) }),
  prepareScore: (pod) => ({
    kind: "run",
    score: (node) => leastAllocatedScore(pod, node),
    scoreAll: (nodes, out) => {
      for (let i = 0; i < nodes.length; i++) out[i] = leastAllocatedScore(pod, nodes[i]);
    },
  }),
};
