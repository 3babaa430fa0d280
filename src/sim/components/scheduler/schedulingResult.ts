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
  /**
   * The node names the filter loop walked, shared between attempts (never mutate): the
   * evaluated nodes are `order[(start + i) % order.length]` for i < evaluatedNodes.
   */
  order: readonly string[];
  readonly start: number;
  /** Rejections, sparse: evaluation positions (ascending) and the first rejection there. */
  failedAt: readonly number[];
  failures: readonly FilterStatus[];
  readonly scoreColumns: readonly ScoreColumn[];
  /** Whether the feasible nodes were scored (not when fewer than two were feasible). */
  readonly scoredCount: number;
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
  r.order = [];
  r.failedAt = [];
  r.failures = [];
  r.raw = EMPTY_I32;
  r.normalized = EMPTY_U8;
  r.totals = EMPTY_I32;
}

/** Evaluated node names, in evaluation order (empty once summarised). */
export function evaluatedNames(r: SchedulingResult): string[] {
  const out: string[] = [];
  if (r.order.length === 0) return out;
  for (let i = 0; i < r.evaluatedNodes; i++) out.push(r.order[(r.start + i) % r.order.length]);
  return out;
}

/** The first rejection per evaluated node, null where the node passed every filter. */
export function verdictsOf(r: SchedulingResult): (FilterStatus | null)[] {
  const out: (FilterStatus | null)[] = r.order.length === 0 ? [] : new Array<FilterStatus | null>(r.evaluatedNodes).fill(null);
  r.failedAt.forEach((pos, k) => (out[pos] = r.failures[k]));
  return out;
}

/** The scored (feasible) nodes in evaluation order; empty when there was no scoring. */
export function scoredNames(r: SchedulingResult): string[] {
  if (r.scoredCount === 0) return [];
  const failed = new Set(r.failedAt);
  return evaluatedNames(r).filter((_, i) => !failed.has(i));
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
  const firstRejections = verdictsOf(r);
  const filters = evaluatedNames(r).map((node, i): NodeFilterDetail => {
    const failed = firstRejections[i];
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
  const scored = scoredNames(r);
  const n = scored.length;
  const scores = scored.map(
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
