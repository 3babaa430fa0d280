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
/** Shared by every result with no entries in a list (results are kept long: no empty array each). */
export const NO_ENTRIES: readonly never[] = Object.freeze([]);

const SLAB_BYTES = 256 * 1024;

interface Slab {
  readonly pool: ScoreArrayPool;
  readonly bytes: Uint8Array;
  /** Results carved from it that still hold their arrays. */
  live: number;
}

/** Each slab by its buffer, so a summarised result can hand its share back. */
const slabs = new WeakMap<ArrayBufferLike, Slab>();

/**
 * Where results' raw, normalised and total arrays come from: 256 KB slabs shared by many
 * results. A slab all of whose results have been summarised is zeroed and carved again,
 * cheaper than a fresh ArrayBuffer (new memory to fault in, external memory for the GC).
 */
export class ScoreArrayPool {
  private slab: Slab | undefined;
  private used = 0;
  private readonly spare: Slab[] = [];

  carve(plugins: number, n: number): { raw: Int32Array; normalized: Uint8Array; totals: Int32Array } {
    const cells = plugins * n;
    const bytes = (cells * 4 + n * 4 + cells + 7) & ~7;
    if (bytes > SLAB_BYTES / 4) return { raw: new Int32Array(cells), normalized: new Uint8Array(cells), totals: new Int32Array(n) };
    let slab = this.slab;
    if (!slab || this.used + bytes > SLAB_BYTES) {
      if (slab && slab.live === 0) this.spare.push(slab);
      slab = this.spare.pop();
      if (slab) slab.bytes.fill(0);
      else {
        slab = { pool: this, bytes: new Uint8Array(SLAB_BYTES), live: 0 };
        slabs.set(slab.bytes.buffer, slab);
      }
      this.slab = slab;
      this.used = 0;
    }
    const buffer = slab.bytes.buffer;
    const at = this.used;
    this.used += bytes;
    slab.live++;
    return {
      raw: new Int32Array(buffer, at, cells),
      totals: new Int32Array(buffer, at + cells * 4, n),
      normalized: new Uint8Array(buffer, at + cells * 4 + n * 4, cells),
    };
  }

  /** A result carved from `slab` was summarised. */
  release(slab: Slab): void {
    // A few spare slabs cover the churn; any beyond are left to the GC.
    if (--slab.live === 0 && slab !== this.slab && this.spare.length < 4) this.spare.push(slab);
  }
}

/** Drops the per-node arrays, keeping the summary (node, counts, message). */
export function summarize(r: SchedulingResult): void {
  if (!r.detailed) return;
  r.detailed = false;
  const slab = slabs.get(r.raw.buffer);
  if (slab) slab.pool.release(slab);
  r.order = NO_ENTRIES;
  r.failedAt = NO_ENTRIES;
  r.failures = NO_ENTRIES;
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
