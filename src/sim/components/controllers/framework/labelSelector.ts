import { labelSelectorMatches, selectorToString, type LabelSelector, type Labels } from "../../../api";

/** metav1.LabelSelectorAsSelector + Matches: an empty selector matches everything, a missing one nothing. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  return labelSelectorMatches(selector, labels);
}

/** `app=web,tier=db` for narration and label-selector queries. */
export function selectorString(selector: LabelSelector): string {
  return selectorToString(selector);
}
