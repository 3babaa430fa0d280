/**
 * Human-readable table output of `kubectl get` (cli-runtime printers/tableprinter.go):
 * upper-cased headers, NAMESPACE first with -A, LABELS last with --show-labels, the `kind/`
 * name prefix when several kinds print together, laid out by the kubectl tabwriter.
 */
import type { KubeObject } from "../../sim/api/types";
import { GET_TABWRITER, formatLabels, tabwriteCells } from "../format";
import { kindPrefix } from "./kinds";
import type { TableDef } from "./tableDef";

export interface TableOptions {
  now: number;
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
  withKind?: boolean;
}

/** Renders rows of one kind. Returns "" for no objects (kubectl prints no header then). */
export function renderTable(
  def: TableDef<KubeObject>,
  objects: readonly KubeObject[],
  opts: TableOptions,
): string {
  if (objects.length === 0) return "";
  const keep = def.columns.map((c) => opts.wide || !c.wide);
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header: string[] = [];
    if (opts.withNamespace) header.push("NAMESPACE");
    def.columns.forEach((c, i) => keep[i] && header.push(c.name.toUpperCase()));
    if (opts.showLabels) header.push("LABELS");
    lines.push(header);
  }
  for (const obj of objects) {
    const cells = def.row(obj, opts.now);
    const row: string[] = [];
    if (opts.withNamespace) row.push(obj.metadata.namespace ?? "");
    def.columns.forEach((c, i) => {
      if (!keep[i]) return;
      const cell = cells[i] ?? "";
      row.push(c.isName && opts.withKind ? `${kindPrefix(obj.kind, obj.apiVersion)}/${cell}` : cell);
    });
    if (opts.showLabels) row.push(formatLabels(obj.metadata.labels));
    lines.push(row);
  }
  return tabwriteCells(lines, GET_TABWRITER) + "\n";
}
