/**
 * A subset of k8s.io/client-go/util/jsonpath as `kubectl -o jsonpath=` uses it (missing keys
 * allowed): text, `{.a.b}`, `{$.a}`, `{.a[0]}`, `{.a[-1]}`, `{.a[1:3]}`, `{.a[*]}`, `{.a.*}`,
 * `{..name}`, `{['key.with.dots']}`, `{.a[?(@.type=="InternalIP")].address}`, `{"\n"}`,
 * `{range .items[*]}…{end}`. Several results of one action print space-separated; maps and
 * lists print as compact JSON, strings raw.
 */
import { toCompactJson } from "./serialize";

type Step =
  | { t: "field"; name: string }
  | { t: "wildcard" }
  | { t: "recursive"; name: string }
  | { t: "index"; start?: number; end?: number; single: boolean }
  | { t: "all" }
  | { t: "filter"; left: Step[]; op?: string; right?: Step[] | string | number };

export type JsonPathNode =
  | { t: "text"; text: string }
  | { t: "expr"; root: boolean; steps: Step[] }
  | { t: "range"; expr: { root: boolean; steps: Step[] }; body: JsonPathNode[] };

export class JsonPathError extends Error {}

function unquote(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c as "n"] ?? c);
}

/** Parses the steps of one path expression such as `.items[0].metadata.name`. */
function parseSteps(src: string): { root: boolean; steps: Step[] } {
  let i = 0;
  let root = false;
  const steps: Step[] = [];
  if (src[i] === "$") {
    root = true;
    i++;
  } else if (src[i] === "@") {
    i++;
  }
  const ident = (): string => {
    let name = "";
    while (i < src.length && !".[ ".includes(src[i])) {
      if (src[i] === "\\" && i + 1 < src.length) i++;
      name += src[i++];
    }
    return name;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ".") {
      if (src[i + 1] === ".") {
        i += 2;
        steps.push({ t: "recursive", name: ident() });
      } else if (src[i + 1] === "*") {
        i += 2;
        steps.push({ t: "wildcard" });
      } else {
        i++;
        const name = ident();
        if (name) steps.push({ t: "field", name });
      }
    } else if (c === "[") {
      const close = matchBracket(src, i);
      if (close < 0)
        throw new JsonPathError(src.includes("[?") ? "unterminated filter" : "unterminated array");
      steps.push(parseBracket(src.slice(i + 1, close)));
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c) && steps.length === 0) {
      steps.push({ t: "field", name: ident() });
    } else {
      throw new JsonPathError(
        `unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} '${c}'`,
      );
    }
  }
  return { root, steps };
}

function matchBracket(src: string, open: number): number {
  let depth = 0;
  let quote = "";
  for (let j = open; j < src.length; j++) {
    const c = src[j];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return j;
  }
  return -1;
}

function parseBracket(inner: string): Step {
  const s = inner.trim();
  if (s === "*") return { t: "all" };
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(s);
  if (quoted) return { t: "field", name: quoted[1] ?? quoted[2] };
  if (s.startsWith("?(") && s.endsWith(")")) {
    const body = s.slice(2, -1).trim();
    const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(body);
    if (!m) return { t: "filter", left: parseSteps(body).steps };
    const rhs = m[3].trim();
    let right: Step[] | string | number;
    if (/^'.*'$|^".*"$/.test(rhs)) right = rhs.slice(1, -1);
    else if (/^-?\d+(\.\d+)?$/.test(rhs)) right = Number(rhs);
    else right = parseSteps(rhs).steps;
    return { t: "filter", left: parseSteps(m[1]).steps, op: m[2], right };
  }
  const slice = /^(-?\d*)(?::(-?\d*))?$/.exec(s);
  if (!slice) throw new JsonPathError(`invalid array index ${s}`);
  const start = slice[1] === "" ? undefined : Number(slice[1]);
  if (slice[2] === undefined) {
    if (start === undefined) throw new JsonPathError(`invalid array index ${s}`);
    return { t: "index", start, single: true };
  }
  return { t: "index", start, end: slice[2] === "" ? undefined : Number(slice[2]), single: false };
}

/** Parses a template; throws JsonPathError with client-go's wording. */
export function parseJsonPath(template: string): JsonPathNode[] {
  const stack: JsonPathNode[][] = [[]];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: "text", text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ t: "text", text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError("unclosed action");
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const top = stack[stack.length - 1];
    if (/^"(?:[^"\\]|\\.)*"$/.test(action)) top.push({ t: "text", text: unquote(action.slice(1, -1)) });
    else if (action === "end") {
      if (stack.length === 1) throw new JsonPathError("not in range, nothing to end");
      stack.pop();
    } else if (action.startsWith("range ")) {
      const node: JsonPathNode = { t: "range", expr: parseSteps(action.slice(6).trim()), body: [] };
      top.push(node);
      stack.push(node.body);
    } else if (action.length > 0) top.push({ t: "expr", ...parseSteps(action) });
  }
  if (stack.length > 1) throw new JsonPathError("unclosed range");
  return stack[0];
}

function findClose(s: string, open: number): number {
  let quote = "";
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === "\\") j++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "}") return j;
  }
  return -1;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function descend(values: unknown[], name: string, out: unknown[]): void {
  for (const v of values) {
    if (isObj(v)) {
      if (v[name] !== undefined) out.push(v[name]);
      descend(
        Object.keys(v)
          .sort()
          .map((k) => v[k]),
        name,
        out,
      );
    } else if (Array.isArray(v)) descend(v, name, out);
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case "==":
      return a === b || (typeof a === "number" && typeof b === "string" && String(a) === b);
    case "!=":
      return !compare(a, "==", b);
    case "<":
      return typeof a === typeof b && (a as number) < (b as number);
    case ">":
      return typeof a === typeof b && (a as number) > (b as number);
    case "<=":
      return typeof a === typeof b && (a as number) <= (b as number);
    case ">=":
      return typeof a === typeof b && (a as number) >= (b as number);
  }
  return false;
}

function walk(values: unknown[], steps: Step[], root: unknown): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      switch (step.t) {
        case "field":
          if (isObj(v) && v[step.name] !== undefined) next.push(v[step.name]);
          break;
        case "wildcard":
          if (isObj(v)) {
            for (const k of Object.keys(v).sort()) if (v[k] !== undefined) next.push(v[k]);
          } else if (Array.isArray(v)) next.push(...v);
          break;
        case "all":
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k]);
          break;
        case "index": {
          if (!Array.isArray(v)) break;
          const n = v.length;
          const norm = (x: number) => (x < 0 ? x + n : x);
          if (step.single) {
            const idx = norm(step.start!);
            if (idx >= 0 && idx < n) next.push(v[idx]);
          } else {
            const s = Math.max(0, step.start === undefined ? 0 : norm(step.start));
            const e = Math.min(n, step.end === undefined ? n : norm(step.end));
            for (let k = s; k < e; k++) next.push(v[k]);
          }
          break;
        }
        case "recursive":
          descend([v], step.name, next);
          break;
        case "filter": {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            const left = walk([item], step.left, root);
            if (step.op === undefined) {
              if (left.length > 0) next.push(item);
              continue;
            }
            const right = Array.isArray(step.right) ? walk([item], step.right, root)[0] : step.right;
            if (left.length > 0 && compare(left[0], step.op, right)) next.push(item);
          }
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return toCompactJson(v);
  return String(v);
}

/** Evaluates one path expression against `data` (what custom-columns needs). */
export function evalPath(
  expr: { root: boolean; steps: Step[] },
  current: unknown,
  root: unknown = current,
): unknown[] {
  return walk([expr.root ? root : current], expr.steps, root);
}

/** Runs a parsed template over `data` (an object, or kubectl's List of items). */
export function executeJsonPath(nodes: JsonPathNode[], data: unknown, root: unknown = data): string {
  let out = "";
  for (const node of nodes) {
    if (node.t === "text") out += node.text;
    else if (node.t === "expr") out += evalPath(node, data, root).map(text).join(" ");
    else for (const item of evalPath(node.expr, data, root)) out += executeJsonPath(node.body, item, root);
  }
  return out;
}
