import type { LabelSelector, Labels, NodeSelectorRequirement, NodeSelectorTerm } from "../../api/types";

/** A compiled label selector: cheap to evaluate many times per scheduling cycle. */
export type LabelMatcher = (labels: Labels | undefined) => boolean;

export const matchNothing: LabelMatcher = () => false;
export const matchEverything: LabelMatcher = () => true;

/**
 * metav1.LabelSelectorAsSelector: nil selects nothing, `{}` selects everything, matchLabels
 * and matchExpressions are ANDed.
 */
export function compileLabelSelector(sel: LabelSelector | undefined | null): LabelMatcher {
  if (!sel) return matchNothing;
  const pairs = Object.entries(sel.matchLabels ?? {});
  const exprs = (sel.matchExpressions ?? []).map((e) => ({ key: e.key, op: e.operator, values: new Set(e.values ?? []) }));
  if (pairs.length === 0 && exprs.length === 0) return matchEverything;
  return (labels) => {
    const l = labels ?? {};
    for (const [k, v] of pairs) if (l[k] !== v) return false;
    for (const e of exprs) {
      const has = Object.prototype.hasOwnProperty.call(l, e.key);
      switch (e.op) {
        case "In":
          if (!has || !e.values.has(l[e.key])) return false;
          break;
        case "NotIn":
          if (has && e.values.has(l[e.key])) return false;
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
  };
}

/** A canonical text for a selector, used as an index key (same selector → same key). */
export function selectorKey(sel: LabelSelector): string {
  if (!sel.matchExpressions || sel.matchExpressions.length === 0) {
    // matchLabels only (every default spreading selector): the same text without the arrays.
    const m = sel.matchLabels ?? {};
    const keys = Object.keys(m);
    if (keys.length > 1) keys.sort();
    let key = "";
    for (let i = 0; i < keys.length; i++) key += `${i > 0 ? "," : ""}${keys[i]}=${m[keys[i]] ?? ""}`;
    return key;
  }
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}=${sel.matchLabels?.[k] ?? ""}`);
  const exprs = (sel.matchExpressions ?? [])
    .map((e) => `${e.key} ${e.operator} (${[...(e.values ?? [])].sort().join(",")})`)
    .sort();
  return [...labels, ...exprs].join(",");
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return has && values.includes(value);
    case "NotIn":
      return !has || !values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(values[0], 10);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      return r.operator === "Gt" ? a > b : a < b;
    }
  }
}

/** One node selector term: its expressions and fields ANDed; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    // Only metadata.name is a supported field.
    if (r.key !== "metadata.name" || !requirementMatches(r, nodeName)) return false;
  }
  return true;
}

/** Required node selector terms are ORed. */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], nodeName: string, labels: Labels): boolean {
  for (const t of terms) if (nodeSelectorTermMatches(t, nodeName, labels)) return true;
  return false;
}
