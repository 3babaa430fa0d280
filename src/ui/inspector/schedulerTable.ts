/** The scheduler inspector's table: every evaluated node × filter plugin, then × score plugin. */
import type { ResultDetail, SchedulingResult } from "../../sim/components/scheduler";

export type FilterCell = { result: "pass" | "skip" | "not run" } | { result: "fail"; reason: string };

export interface ScoreCell {
  /** Normalised score (0–100) and its weighted contribution. */
  score: number;
  weighted: number;
}

export interface SchedulerTable {
  /** Evaluated nodes (the columns): the chosen one first, then in evaluation order. */
  nodes: string[];
  chosen: string | undefined;
  filterRows: { plugin: string; cells: FilterCell[] }[];
  scoreRows: { plugin: string; weight: number; skipped: boolean; cells: (ScoreCell | null)[] }[];
  /** Weighted total per node; null where the node was filtered out. */
  totals: (number | null)[];
}

/** Columns: the chosen node first (so its highlight is in view), then the others in evaluation order. */
export function schedulerTable(result: Pick<SchedulingResult, "node" | "filterPlugins" | "scoreColumns">, evaluated: ResultDetail): SchedulerTable {
  const chosenFirst = [...evaluated.filters].sort((a, b) => Number(b.node === result.node) - Number(a.node === result.node));
  const detail: ResultDetail = { ...evaluated, filters: chosenFirst };
  const nodes = detail.filters.map((f) => f.node);
  const filterRows = result.filterPlugins.map((plugin, p) => ({
    plugin,
    cells: detail.filters.map((f): FilterCell => {
      const v = f.verdicts[p];
      if (!v || v.result !== "fail") return { result: v?.result ?? "not run" };
      return { result: "fail", reason: v.reasons.join("; ") || v.code };
    }),
  }));
  const scoreByNode = new Map(detail.scores.map((s) => [s.node, s]));
  const scoreRows = result.scoreColumns.map((c, p) => ({
    plugin: c.plugin,
    weight: c.weight,
    skipped: c.skipped,
    cells: nodes.map((n): ScoreCell | null => {
      const s = scoreByNode.get(n)?.plugins[p];
      return s ? { score: s.normalized, weighted: s.weighted } : null;
    }),
  }));
  const totals = nodes.map((n) => scoreByNode.get(n)?.total ?? null);
  return { nodes, chosen: result.node, filterRows, scoreRows, totals };
}
