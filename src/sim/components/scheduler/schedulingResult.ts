import type { FilterStatus, PluginName } from "./framework";

/** One score plugin's column in a result. */
export interface ScoreColumn {
  readonly plugin: PluginName;
  readonly weight: number;
  /** PreScore skipped it: it contributed nothing. */
  readonly skipped: boolean;
}

/**
 * Everything one scheduling attempt decided, kept as data for the inspector. Per-node data
 * sits in flat typed arrays (a 1,000-node attempt costs tens of kilobytes, not megabytes);
 * `describeResult` expands it into plain objects on demand.
 */
export interface SchedulingResult {
  readonly podKey: string;
  readonly podUid: string | undefined;
  /** Virtual ms of the attempt (set by the caller). */
  at: number;
  /** The chosen node; undefined when the pod is unschedulable. */
  readonly node: string | undefined;
  readonly numAllNodes: number;
  /** Nodes the filter loop looked at (it stops after `numFeasibleNodesToFind` feasible ones). */
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
  /** The adaptive percentageOfNodesToScore budget for this attempt. */
  readonly numFeasibleNodesToFind: number;
  /** Set when a PreFilter plugin rejected the pod before any node was looked at. */
  readonly preFilterStatus: FilterStatus | undefined;
  /** The status of nodes a PreFilter excluded from evaluation (NodeAffinity naming nodes). */
  readonly absentStatus: FilterStatus | undefined;
  readonly filterPlugins: readonly PluginName[];
  /** Filter plugins whose PreFilter returned Skip for this pod. */
  readonly skippedFilters: readonly PluginName[];
  /** FailedScheduling message (unschedulable attempts only). */
  message: string | undefined;
  /** False once the per-node detail below has been dropped to save memory. */
  detailed: boolean;
  /** Evaluated node names, in evaluation order. */
  evaluated: readonly string[];
  /** The first rejection per evaluated node (null: the node passed every filter). */
  verdicts: readonly (FilterStatus | null)[];
  readonly scoreColumns: readonly ScoreColumn[];
  /** Scored (feasible) nodes, in evaluation order. Empty when fewer than two were feasible. */
  scored: readonly string[];
  /** raw[p * scored.length + i]: plugin p's raw score for scored node i. */
  raw: Int32Array;
  /** Normalised (0..100) scores, same layout. */
  normalized: Uint8Array;
  /** Weighted total per scored node. */
  totals: Int32Array;
}

const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);

/** Drops the per-node arrays, keeping the summary (node, counts, message). */
export function summarize(r: SchedulingResult): void {
  if (!r.detailed) return;
  r.detailed = false;
  r.evaluated = [];
  r.verdicts = [];
  r.scored = [];
  r.raw = EMPTY_I32;
  r.normalized = EMPTY_U8;
  r.totals = EMPTY_I32;
}

export type FilterVerdict =
  | { plugin: PluginName; result: "pass" }
  | { plugin: PluginName; result: "skip" }
  | { plugin: PluginName; result: "not run" }
  | { plugin: PluginName; result: "fail"; code: FilterStatus["code"]; reasons: readonly string[] };

export interface NodeFilterDetail {
  node: string;
  feasible: boolean;
  verdicts: FilterVerdict[];
}

export interface NodeScoreDetail {
  node: string;
  plugins: { plugin: PluginName; raw: number; normalized: number; weighted: number; skipped: boolean }[];
  total: number;
  chosen: boolean;
}

export interface ResultDetail {
  filters: NodeFilterDetail[];
  scores: NodeScoreDetail[];
}

/** Expands a result's flat arrays into the per-node, per-plugin view the inspector shows. */
export function describeResult(r: SchedulingResult): ResultDetail {
  const skipped = new Set(r.skippedFilters);
  const filters = r.evaluated.map((node, i): NodeFilterDetail => {
    const failed = r.verdicts[i];
    let reached = true;
    const verdicts = r.filterPlugins.map((plugin): FilterVerdict => {
      if (!reached) return { plugin, result: "not run" };
      if (skipped.has(plugin)) return { plugin, result: "skip" };
      if (failed && failed.plugin === plugin) {
        reached = false;
        return { plugin, result: "fail", code: failed.code, reasons: failed.reasons };
      }
      return { plugin, result: "pass" };
    });
    return { node, feasible: failed === null, verdicts };
  });
  const n = r.scored.length;
  const scores = r.scored.map(
    (node, i): NodeScoreDetail => ({
      node,
      plugins: r.scoreColumns.map((c, p) => ({
        plugin: c.plugin,
        raw: r.raw[p * n + i],
        normalized: r.normalized[p * n + i],
        weighted: c.skipped ? 0 : r.normalized[p * n + i] * c.weight,
        skipped: c.skipped,
      })),
      total: r.totals[i],
      chosen: node === r.node,
    }),
  );
  return { filters, scores };
}
