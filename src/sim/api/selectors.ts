// Label selectors: the kubectl -l / labelSelector query syntax (k8s.io/apimachinery/pkg/labels,
// selector.go: lexer, parser and Requirement), metav1.LabelSelector matching, and printing.
import type { LabelSelector, Labels } from "./types";

export type SelectorOperator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted and de-duplicated, as sets.String.List() leaves them. */
  values: string[];
}

export { parseLabelSelector, type ParseResult } from "./labelSelectorParser";

/** Requirement.Matches. */
export function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(value as string);
    case "!=":
    case "notin":
      return !has || !r.values.includes(value as string);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      if (!has || !/^[+-]?\d+$/.test(value as string)) return false;
      const lhs = Number(value);
      const rhs = Number(r.values[0]);
      return r.operator === "gt" ? lhs > rhs : lhs < rhs;
    }
  }
}

export function requirementsMatch(reqs: readonly Requirement[], labels: Labels | undefined): boolean {
  for (const r of reqs) if (!requirementMatches(r, labels)) return false;
  return true;
}

/**
 * metav1.LabelSelector matching (LabelSelectorAsSelector then Matches): an undefined selector
 * matches nothing, an empty one matches everything. No allocation: this runs per pod per sync.
 */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const ml = selector.matchLabels;
  if (ml) {
    for (const k in ml) if (!labels || labels[k] !== ml[k] || !Object.prototype.hasOwnProperty.call(labels, k)) return false;
  }
  const exprs = selector.matchExpressions;
  if (exprs === undefined) return true;
  for (const expr of exprs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case "In":
        if (!has || !values.includes(labels[expr.key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[expr.key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Map-based selector (a Service's spec.selector): every pair must match; empty matches everything. */
export function setSelectorMatches(selector: Labels, labels: Labels | undefined): boolean {
  for (const k in selector) if (!labels || labels[k] !== selector[k]) return false;
  return true;
}

/** LabelSelectorAsSelector: matchLabels become `=` requirements, expressions keep their operator. */
export function labelSelectorRequirements(selector: LabelSelector): Requirement[] {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, operator: "=", values: [value] });
  const ops = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" } as const;
  for (const e of selector.matchExpressions ?? [])
    reqs.push({ key: e.key, operator: ops[e.operator], values: [...new Set(e.values ?? [])].sort() });
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Requirement.String(): `app=web`, `!x`, `env in (a,b)`, `n>3`. */
export function requirementToString(r: Requirement): string {
  switch (r.operator) {
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
    case "in":
    case "notin":
      return `${r.key} ${r.operator} (${r.values.join(",")})`;
    case "gt":
      return `${r.key}>${r.values[0]}`;
    case "lt":
      return `${r.key}<${r.values[0]}`;
    default:
      return `${r.key}${r.operator}${r.values[0]}`;
  }
}

/**
 * metav1.FormatLabelSelector, as `kubectl describe` and `-o wide` print selectors:
 * `app=web,tier in (a,b)`, `<none>` when empty.
 */
export function selectorToString(selector: LabelSelector | undefined): string {
  if (!selector) return "<none>";
  const s = labelSelectorRequirements(selector).map(requirementToString).join(",");
  return s || "<none>";
}

/** A map selector printed `app=web,tier=db` (labels.Set.String(), keys sorted). */
export function labelsToString(labels: Labels | undefined): string {
  if (!labels) return "";
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}
