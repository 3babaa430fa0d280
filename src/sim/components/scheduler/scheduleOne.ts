import type { FilterStatus, PluginName, ScorePrep } from "./framework";
import type { NodeInfo } from "./nodeInfo";
import type { PluginSet } from "./plugins";
import type { PodInfo } from "./podInfo";
import { NO_ENTRIES, ScoreArrayPool, type ScoreColumn, type SchedulingResult } from "./schedulingResult";
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
  /** Scratch buffers reused across cycles (nothing in a result points at them). */
  readonly feasible: NodeInfo[];
  /** The feasible nodes' ids, same order (its first `feasible.length` entries). */
  feasibleIds: Int32Array;
  scratch: Float64Array;
  /** Where results' score arrays are carved from. */
  readonly arrays: ScoreArrayPool;
}

export function createScheduleContext(plugins: PluginSet, rng: ScheduleContext["rng"], percentageOfNodesToScore = 0): ScheduleContext {
  return { plugins, rng, nextStartNodeIndex: 0, percentageOfNodesToScore, feasible: [], feasibleIds: new Int32Array(64), scratch: new Float64Array(64), arrays: new ScoreArrayPool() };
}

interface Run {
  readonly plugin: PluginName;
  readonly filter: (node: NodeInfo, id: number) => FilterStatus | null;
}

const NO_COLUMNS: readonly ScoreColumn[] = [];

/** The filter plugins' names, one shared array per plugin set (every result lists them). */
const filterNamesOf = new WeakMap<PluginSet, readonly PluginName[]>();
function filterNames(plugins: PluginSet): readonly PluginName[] {
  let names = filterNamesOf.get(plugins);
  if (!names) {
    names = plugins.filters.map((p) => p.name);
    filterNamesOf.set(plugins, names);
  }
  return names;
}
/** One value per plugin set and set of skipped plugins (bit p: plugin p skipped), built once and shared by results. */
function perMask<T>(cache: WeakMap<PluginSet, Map<number, T>>, plugins: PluginSet, skipped: number, build: () => T): T {
  let byMask = cache.get(plugins);
  if (!byMask) cache.set(plugins, (byMask = new Map()));
  let value = byMask.get(skipped);
  if (value === undefined) {
    value = build();
    byMask.set(skipped, value);
  }
  return value;
}
const columnsOf = new WeakMap<PluginSet, Map<number, readonly ScoreColumn[]>>();
function scoreColumns(plugins: PluginSet, skipped: number): readonly ScoreColumn[] {
  return perMask(columnsOf, plugins, skipped, () => plugins.scores.map((p, i) => ({ plugin: p.name, weight: p.weight, skipped: (skipped & (1 << i)) !== 0 })));
}
const skippedFiltersOf = new WeakMap<PluginSet, Map<number, readonly PluginName[]>>();
function skippedFilterNames(plugins: PluginSet, skipped: number): readonly PluginName[] {
  return perMask(skippedFiltersOf, plugins, skipped, () => plugins.filters.filter((_, i) => (skipped & (1 << i)) !== 0).map((p) => p.name));
}
const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);

/**
 * One scheduling cycle for one pod, as schedulePod does it: PreFilter, the filter loop
 * (plugins in order, first rejection per node), then PreScore/Score/NormalizeScore with
 * weights, and selectHost's reservoir sampling among the best totals. Pure: reads the
 * snapshot, returns the decision as data.
 */
export function scheduleOne(pod: PodInfo, snapshot: Snapshot, ctx: ScheduleContext): SchedulingResult {
  const allNodes = snapshot.nodes();
  const base = {
    podKey: pod.key,
    podUid: pod.pod.metadata.uid,
    at: 0,
    numAllNodes: allNodes.length,
    filterPlugins: filterNames(ctx.plugins),
    message: undefined,
    detailed: true,
    scoreColumns: NO_COLUMNS,
    scoredCount: 0,
    raw: EMPTY_I32,
    normalized: EMPTY_U8,
    totals: EMPTY_I32,
  };
  const nothing = { node: undefined, evaluatedNodes: 0, feasibleNodes: 0, numFeasibleNodesToFind: 0, order: NO_ENTRIES, start: 0, failedAt: NO_ENTRIES, failures: NO_ENTRIES };
  if (allNodes.length === 0) {
    return { ...base, ...nothing, preFilterStatus: undefined, absentStatus: undefined, skippedFilters: skippedFilterNames(ctx.plugins, 0), message: NO_NODES_AVAILABLE };
  }

  // PreFilter.
  const runs: Run[] = [];
  let skippedMask = 0;
  let restrict: ReadonlySet<string> | undefined;
  const restrictedBy: PluginName[] = [];
  const filters = ctx.plugins.filters;
  for (let f = 0; f < filters.length; f++) {
    const plugin = filters[f];
    const prep = plugin.prepareFilter(pod, snapshot);
    if (prep.kind === "skip") {
      skippedMask |= 1 << f;
    } else if (prep.kind === "reject") {
      return { ...base, ...nothing, preFilterStatus: prep.status, absentStatus: prep.status, skippedFilters: skippedFilterNames(ctx.plugins, skippedMask) };
    } else {
      if (!prep.passesAll) runs.push({ plugin: plugin.name, filter: prep.filter });
      if (prep.nodeNames) {
        restrict = restrict ? new Set([...restrict].filter((n) => prep.nodeNames?.has(n))) : prep.nodeNames;
        restrictedBy.push(plugin.name);
      }
    }
  }
  let nodes = allNodes;
  let order = snapshot.nodeNames();
  let ids = snapshot.nodeIds();
  let absentStatus: FilterStatus | undefined;
  if (restrict) {
    nodes = [...restrict].map((n) => snapshot.node(n)).filter((n): n is NodeInfo => n !== undefined);
    order = nodes.map((n) => n.name);
    ids = Int32Array.from(nodes, (n) => n.id);
    absentStatus = status(restrictedBy[0], "UnschedulableAndUnresolvable", `node(s) didn't satisfy plugin(s) [${[...restrictedBy].sort().join(" ")}]`);
  }

  // Filter, starting where the previous cycle stopped.
  const toFind = numFeasibleNodesToFind(nodes.length, ctx.percentageOfNodesToScore);
  // Allocated at the first rejection (most attempts have none).
  let failedAt: number[] | undefined;
  let failures: FilterStatus[] | undefined;
  const feasible = ctx.feasible;
  let found = 0;
  if (ctx.feasibleIds.length < toFind) ctx.feasibleIds = new Int32Array(Math.max(toFind, ctx.feasibleIds.length * 2));
  const feasibleIds = ctx.feasibleIds;
  const start = nodes.length > 0 ? ctx.nextStartNodeIndex % nodes.length : 0;
  let evaluated = 0;
  let pos = start; // (start + i) % nodes.length, kept without a division per node
  for (let i = 0; i < nodes.length && found < toFind; i++) {
    const node = nodes[pos];
    const id = ids[pos];
    if (++pos === nodes.length) pos = 0;
    let verdict: FilterStatus | null = null;
    for (let r = 0; r < runs.length; r++) {
      verdict = runs[r].filter(node, id);
      if (verdict) break;
    }
    evaluated++;
    if (verdict) {
      (failedAt ??= []).push(i);
      (failures ??= []).push(verdict);
    } else {
      feasibleIds[found] = id;
      feasible[found++] = node;
    }
  }
  // Truncated only now: setting the length to 0 first would drop the backing store every cycle.
  feasible.length = found;
  const skippedFilters = skippedFilterNames(ctx.plugins, skippedMask);
  ctx.nextStartNodeIndex = (ctx.nextStartNodeIndex + evaluated) % allNodes.length;

  // The result, built as one literal per outcome (the key order of `{...base, ...}` spreads).
  const result = (node: string | undefined, scoreColumns: readonly ScoreColumn[], scoredCount: number, raw: Int32Array, normalized: Uint8Array, totals: Int32Array): SchedulingResult => ({
    podKey: base.podKey,
    podUid: base.podUid,
    at: 0,
    numAllNodes: base.numAllNodes,
    filterPlugins: base.filterPlugins,
    message: undefined,
    detailed: true,
    scoreColumns,
    scoredCount,
    raw,
    normalized,
    totals,
    evaluatedNodes: evaluated,
    feasibleNodes: feasible.length,
    numFeasibleNodesToFind: toFind,
    preFilterStatus: undefined,
    absentStatus,
    skippedFilters,
    order,
    start,
    failedAt: failedAt ?? NO_ENTRIES,
    failures: failures ?? NO_ENTRIES,
    node,
  });
  if (feasible.length === 0) return result(undefined, NO_COLUMNS, 0, EMPTY_I32, EMPTY_U8, EMPTY_I32);
  // A single feasible node needs no scoring.
  if (feasible.length === 1) return result(feasible[0].name, NO_COLUMNS, 0, EMPTY_I32, EMPTY_U8, EMPTY_I32);

  // Score.
  const n = feasible.length;
  const scorePlugins = ctx.plugins.scores;
  let skipped = 0;
  const { raw, normalized, totals } = ctx.arrays.carve(scorePlugins.length, n);
  if (ctx.scratch.length < n) ctx.scratch = new Float64Array(Math.max(n, ctx.scratch.length * 2));
  const scratch = ctx.scratch.subarray(0, n);
  for (let p = 0; p < scorePlugins.length; p++) {
    const plugin = scorePlugins[p];
    const prep: ScorePrep = plugin.prepareScore(pod, snapshot, feasible);
    if (prep.kind === "skip") {
      skipped |= 1 << p;
      continue;
    }
    if (prep.uniform) {
      // The arrays start zeroed: only non-zero scores are written.
      const at = p * n;
      const { raw: r, normalized: v } = prep.uniform;
      if (r !== 0) raw.fill(r, at, at + n);
      if (v !== 0) {
        normalized.fill(v, at, at + n);
        const add = v * plugin.weight;
        for (let i = 0; i < n; i++) totals[i] += add;
      }
      continue;
    }
    if (prep.scoreAll) prep.scoreAll(feasible, feasibleIds, scratch);
    else for (let i = 0; i < n; i++) scratch[i] = prep.score(feasible[i]);
    const at = p * n;
    const weight = plugin.weight;
    if (prep.normalize) {
      for (let i = 0; i < n; i++) raw[at + i] = scratch[i];
      prep.normalize(scratch, feasible);
      for (let i = 0; i < n; i++) {
        normalized[at + i] = scratch[i];
        totals[i] += scratch[i] * weight;
      }
    } else {
      // Raw scores are final: one pass fills all three arrays.
      for (let i = 0; i < n; i++) {
        const v = scratch[i];
        raw[at + i] = v;
        normalized[at + i] = v;
        totals[i] += v * weight;
      }
    }
  }

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
  return result(feasible[best].name, scoreColumns(ctx.plugins, skipped), n, raw, normalized, totals);
}
