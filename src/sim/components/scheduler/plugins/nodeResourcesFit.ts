import { MAX_NODE_SCORE, status, type FilterPlugin, type FilterStatus, type ScorePlugin } from "../framework";
import type { NodeColumns, NodeInfo } from "../nodeInfo";
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
  return fits(pod, node.columns, node.id);
}

function fits(pod: PodInfo, c: NodeColumns, id: number): FilterStatus | null {
  let mask = 0;
  if (c.podCount[id] + 1 > c.allowedPodNumber[id]) mask |= 1;
  if (pod.milliCpu > 0 && pod.milliCpu > c.allocatableMilliCpu[id] - c.requestedMilliCpu[id]) mask |= 2;
  if (pod.memory > 0 && pod.memory > c.allocatableMemory[id] - c.requestedMemory[id]) mask |= 4;
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
  return leastAllocated(pod, node.columns, node.id);
}

function leastAllocated(pod: PodInfo, c: NodeColumns, id: number): number {
  let sum = 0;
  let weights = 0;
  const cpu = c.allocatableMilliCpu[id];
  if (cpu !== 0) {
    sum += leastRequestedScore(c.nonZeroMilliCpu[id] + pod.nonZeroMilliCpu, cpu);
    weights++;
  }
  const memory = c.allocatableMemory[id];
  if (memory !== 0) {
    sum += leastRequestedScore(c.nonZeroMemory[id] + pod.nonZeroMemory, memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

export const NodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  prepareFilter: (pod, snapshot) => {
    const c = snapshot.columns;
    return { kind: "run", filter: (_node, id) => fits(pod, c, id) };
  },
  prepareScore: (pod, snapshot) => {
    const c = snapshot.columns;
    return {
      kind: "run",
      score: (node) => leastAllocatedScore(pod, node),
      scoreAll: (nodes, ids, out) => {
        for (let i = 0; i < nodes.length; i++) out[i] = leastAllocated(pod, c, ids[i]);
      },
    };
  },
};
