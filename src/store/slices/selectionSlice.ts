/** What the user clicked: a component id, `node:<name>`, or `pod:<ns>/<name>`. */
export interface SelectionState {
  selected: string | null;
}

export function initialSelection(): SelectionState {
  return { selected: null };
}
