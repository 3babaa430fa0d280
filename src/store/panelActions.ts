import { appStore, currentSession } from "./session";
import { saveManifest } from "./persistence";
import { editManifest, replaceManifest, type ApplyStatus } from "./slices/editorSlice";
import { afterSelect, togglePanel, type PanelId } from "./slices/panelsSlice";
import { addStep, type ScenarioStep } from "./slices/scenarioSlice";

// Actions of the side panels (editor, terminal, inspector, faults) and the shared scenario.

export function openPanel(id: PanelId): void {
  appStore.setState({ panel: id });
}

export function togglePanelTab(id: PanelId): void {
  appStore.setState((s) => togglePanel(s, id));
}

export function closePanel(): void {
  appStore.setState({ panel: null });
}

/** Opens the inspector whenever something on the diagram is selected. */
export function followSelection(): () => void {
  return appStore.subscribe((s, prev) => {
    if (s.selected !== prev.selected && s.selected !== null) appStore.setState((cur) => afterSelect(cur, s.selected));
  });
}

/** The user typed in the editor. */
export function setManifestText(text: string): void {
  appStore.setState((s) => editManifest(s, text));
  saveManifest(text);
}

/** Replaces the editor's text (an example, a shared link). */
export function loadManifest(text: string, exampleId: string | null = null): void {
  appStore.setState((s) => replaceManifest(s, text, exampleId));
  saveManifest(text);
}

export function setApplyStatus(status: ApplyStatus | null): void {
  appStore.setState({ applyStatus: status });
}

/** Cluster time now, as a step records it: ms since the cluster came up. */
export function stepTime(): number {
  const s = appStore.getState();
  return Math.max(0, (currentSession()?.cluster.now() ?? s.now) - s.origin);
}

/** Something the user did that a shared link should replay (at `step.at`, or now). */
export function recordStep(step: ScenarioStep): void {
  const at = step.at ?? stepTime();
  appStore.setState((s) => addStep(s, { ...step, at }));
}

/** The pod whose scheduling attempt the scheduler inspector shows (`namespace/name`). */
export function inspectPod(podKey: string | null): void {
  appStore.setState({ inspectedPod: podKey });
}
