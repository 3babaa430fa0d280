/** The side panel: which tab is open (null = closed) and what the inspector remembers. */
export const PANELS = ["editor", "terminal", "inspector", "faults"] as const;
export type PanelId = (typeof PANELS)[number];

export interface PanelsState {
  /** The open tab of the side panel; null when it is folded away. */
  panel: PanelId | null;
  /** The last pod the user selected (`namespace/name`): the scheduler's table shows its attempt. */
  inspectedPod: string | null;
}

export function initialPanels(): PanelsState {
  return { panel: null, inspectedPod: null };
}

export function isPanelId(v: unknown): v is PanelId {
  return typeof v === "string" && (PANELS as readonly string[]).includes(v);
}

/** Clicking the open tab folds the panel; any other tab opens it. */
export function togglePanel(state: PanelsState, id: PanelId): PanelsState {
  return { ...state, panel: state.panel === id ? null : id };
}

/**
 * What a diagram selection does to the panel: it opens the inspector, and a pod selection is
 * remembered so the scheduler's table can show that pod after the user clicks kube-scheduler.
 */
export function afterSelect(state: PanelsState, selected: string | null): PanelsState {
  if (selected === null) return state;
  const pod = selected.startsWith("pod:") ? selected.slice(4) : state.inspectedPod;
  return { panel: "inspector", inspectedPod: pod };
}
