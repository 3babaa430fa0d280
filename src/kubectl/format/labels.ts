/**
 * Label and selector strings as apimachinery prints them: labels.FormatLabels,
 * labels.Selector.String() (via metav1.LabelSelectorAsSelector) and metav1.FormatLabelSelector.
 */
import type { LabelSelector } from "../../sim/api/types";

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/** Selector.String() of LabelSelectorAsSelector: requirements sorted by key, `""` when empty. */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(",");
    let text: string;
    switch (e.operator) {
      case "In":
        text = `${e.key} in (${values})`;
        break;
      case "NotIn":
        text = `${e.key} notin (${values})`;
        break;
      case "Exists":
        text = e.key;
        break;
      case "DoesNotExist":
        text = `!${e.key}`;
        break;
    }
    reqs.push({ key: e.key, text });
  }
  // sort.Stable by key, as labels.internalSelector does
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: like selectorString but `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = selectorString(selector);
  return s.length === 0 ? "<none>" : s;
}
