/**
 * `-o custom-columns=HEADER:path,…` (kubectl/pkg/cmd/get/customcolumn.go): each path goes
 * through RelaxedJSONPathExpression, missing values print `<none>`, several values join with ",",
 * values print with Go's %v.
 */
import { GET_TABWRITER, tabwrite } from "../format";
import { evalPath, parseJsonPath, type JsonPathNode } from "./jsonpath";

export interface CustomColumn {
  header: string;
  expr: Extract<JsonPathNode, { t: "expr" }>;
}

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{.a.b}`, `{a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(path: string): string {
  if (path.length === 0) return path;
  const m = /^\{?(\.?[^{}]*)\}?$/.exec(path);
  if (!m)
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  const inner = m[1].startsWith(".") ? m[1] : `.${m[1]}`;
  return `{${inner}}`;
}

/** Parses the spec after `custom-columns=`. Throws with kubectl's messages. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new Error("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const idx = part.indexOf(":");
    if (idx < 0)
      throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const nodes = parseJsonPath(relaxedJsonPath(part.slice(idx + 1)));
    const expr = nodes.find((n): n is CustomColumn["expr"] => n.t === "expr");
    if (!expr) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, idx), expr };
  });
}

/** fmt.Sprintf("%v") of a decoded JSON value. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(" ")}]`;
  }
  return String(v);
}

export function renderCustomColumns(
  columns: CustomColumn[],
  items: readonly unknown[],
  noHeaders: boolean,
): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  for (const item of items) {
    lines.push(
      columns
        .map((c) => {
          const values = evalPath(c.expr, item);
          return values.length === 0 ? "<none>" : values.map(goValue).join(",");
        })
        .join("\t"),
    );
  }
  return tabwrite(lines.join("\n") + "\n", GET_TABWRITER);
}
