import type { LabelSelector, Labels } from "../../../api/types";

/**
 * metav1.LabelSelectorAsSelector + Matches. (Local until src/sim/api exports
 * `labelSelectorMatches`.) An empty selector matches everything; a missing one nothing.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const values = r.values ?? [];
    switch (r.operator) {
      case "In":
        if (!has || !values.includes(l[r.key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(l[r.key])) return false;
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

/** `app=web,tier=db` for narration and label-selector queries (matchLabels only). */
export function selectorString(selector: LabelSelector): string {
  return Object.entries(selector.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}
