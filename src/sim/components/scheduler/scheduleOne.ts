import type { FilterStatus, PluginName, ScorePrep } from "./framework";
import type { NodeInfo } from "./nodeInfo";
import type { PluginSet } from "./plugins";
import type { PodInfo } from "./podInfo";
import type { ScoreColumn, SchedulingResult } from "./schedulingResult";
import type { Snapshot } from "./snapshot";
import { status } from "./framework";

/** At least this many nodes are looked at (or all of them in smaller clusters). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The adaptive percentage never drops below this. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind: with percentageOfNodesToScore unset (0), 50 % − nodes/125 (integer
 * arithmetic), at least 5 %; never fewer than 100 nodes.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** ErrNoNodesAvailable. */
export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/** State that outlives one attempt: where the next filter loop starts, and the tie-breaking rng. */
export interface ScheduleContext {
  readonly plugins: PluginSet;
  readonly rng: { int(min: number, max: number): number };
  /** Rotates so every node gets its turn to be examined across pods. */
  nextStartNodeIndex: number;
  /** 0 = adaptive (the default). */
  readonly percentageOfNodesToScore?: number;
}

export function createScheduleContext(plugins: PluginSet, rng: ScheduleContext["rng"], percentageOfNodesToScore = 0): ScheduleContext {
  return { plugins, rng, nextStartNodeIndex: 0, percentageOfNodesToScore };
}

interface Run {
  readonly plugin: PluginName;
  readonly filter: (node: NodeInfo) => FilterStatus | null;
}

/**
 * One scheduling cycle for one pod, as schedulePod does it: PreFilter, the filter loop
 * (plugins in order, first rejection per node), then PreScore/Score/NormalizeScore with
 * weights, and selectHost's reservoir sampling among the best totals. Pure: reads the
 * snapshot, returns the decision as data.
 */
export function scheduleOne(pod: PodInfo, snapshot: Snapshot, ctx: ScheduleContext): SchedulingResult {
  const allNodes = snapshot.nodes();
  const filterPlugins = ctx.plugins.filters.map((p) => p.name);
  const base = {
    podKey: pod.key,
    podUid: pod.pod.metadata.uid,
    at: 0,
    numAllNodes: allNodes.length,
    filterPlugins,
    message: undefined,
    detailed: true,
    scoreColumns: [] as ScoreColumn[],
    scored: [] as string[],
    raw: new Int32Array(0),
    normalized: new Uint8Array(0),
    totals: new Int32Array(0),
  };
  if (allNodes.length === 0) {
    return {
      ...base,
      node: undefined,
      evaluatedNodes: 0,
      feasibleNodes: 0,
      numFeasibleNodesToFind: 0,
      preFilterStatus: undefined,
      absentStatus: undefined,
      skippedFilters: [],
      evaluated: [],
      verdicts: [],
      message: NO_NODES_AVAILABLE,
    };
  }

  // PreFilter.
  const runs: Run[] = [];
  const skippedFilters: PluginName[] = [];
  let restrict: ReadonlySet<string> | undefined;
  const restrictedBy: PluginName[] = [];
  for (const plugin of ctx.plugins.filters) {
    const prep = plugin.prepareFilter(pod, snapshot);
    if (prep.kind === "skip") {
      skippedFilters.push(plugin.name);
    } else if (prep.kind === "reject") {
      return {
        ...base,
        node: undefined,
        evaluatedNodes: 0,
        feasibleNodes: 0,
        numFeasibleNodesToFind: 0,
        preFilterStatus: prep.status,
        absentStatus: prep.status,
        skippedFilters,
        evaluated: [],
        verdicts: [],
      };
    } else {
      runs.push({ plugin: plugin.name, filter: prep.filter });
      if (prep.nodeNames) {
        restrict = restrict ? new Set([...restrict].filter((n) => prep.nodeNames?.has(n))) : prep.nodeNames;
        restrictedBy.push(plugin.name);
      }
    }
  }
  let nodes = allNodes;
  let absentStatus: FilterStatus | undefined;
  if (restrict) {
    nodes = [...restrict].map((n) => snapshot.node(n)).filter((n): n is NodeInfo => n !== undefined);
    absentStatus = status(restrictedBy[0], "UnschedulableAndUnresolvable", `node(s) didn't satisfy plugin(s) [${[...restrictedBy].sort().join(" ")}]`);
  }

  // Filter, starting where the previous cycle stopped.
  const toFind = numFeasibleNodesToFind(nodes.length, ctx.percentageOfNodesToScore);
  const evaluated: string[] = [];
  const verdicts: (FilterStatus | null)[] = [];
  const feasible: NodeInfo[] = [];
  const start = nodes.length > 0 ? ctx.nextStartNodeIndex % nodes.length : 0;
  for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
    const node = nodes[(start + i) % nodes.length];
    let verdict: FilterStatus | null = null;
    for (let r = 0; r < runs.length; r++) {
      verdict = runs[r].filter(node);
      if (verdict) break;
    }
    evaluated.push(node.name);
    verdicts.push(verdict);
    if (!verdict) feasible.push(node);
  }
  ctx.nextStartNodeIndex = (ctx.nextStartNodeIndex + evaluated.length) % allNodes.length;

  const common = {
    ...base,
    evaluatedNodes: evaluated.length,
    feasibleNodes: feasible.length,
    numFeasibleNodesToFind: toFind,
    preFilterStatus: undefined,
    absentStatus,
    skippedFilters,
    evaluated,
    verdicts,
  };
  if (feasible.length === 0) return { ...common, node: undefined };
  // A single feasible node needs no scoring.
  if (feasible.length === 1) return { ...common, node: feasible[0].name };

  // Score.
  const n = feasible.length;
  const columns: ScoreColumn[] = [];
  const raw = new Int32Array(ctx.plugins.scores.length * n);
  const normalized = new Uint8Array(ctx.plugins.scores.length * n);
  const totals = new Int32Array(n);
  const scratch = new Float64Array(n);
  ctx.plugins.scores.forEach((plugin, p) => {
    const prep: ScorePrep = plugin.prepareScore(pod, snapshot, feasible);
    columns.push({ plugin: plugin.name, weight: plugin.weight, skipped: prep.kind === "skip" });
    if (prep.kind === "skip") return;
    for (let i = 0; i < n; i++) {
      scratch[i] = prep.score(feasible[i]);
      raw[p * n + i] = scratch[i];
    }
    prep.normalize?.(scratch, feasible);
    for (let i = 0; i < n; i++) {
      normalized[p * n + i] = scratch[i];
      totals[i] += scratch[i] * plugin.weight;
    }
  });

  // selectHost: the highest total; ties resolved by reservoir sampling (each equally likely).
  let best = 0;
  let count = 1;
  for (let i = 1; i < n; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      count = 1;
    } else if (totals[i] === totals[best]) {
      count++;
      if (ctx.rng.int(0, count - 1) === 0) best = i;
    }
  }
  return {
    ...common,
    node: feasible[best].name,
    scoreColumns: columns,
    scored: feasible.map((f) => f.name),
    raw,
    normalized,
    totals,
  };
}
