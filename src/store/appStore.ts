import { createStore, type StoreApi } from "zustand/vanilla";
import { initialComponents, type ComponentsState } from "./slices/componentsSlice";
import { initialFlow, type FlowState } from "./slices/flowSlice";
import { initialNarration, type NarrationState } from "./slices/narrationSlice";
import { initialObjects, type ObjectsState } from "./slices/objectsSlice";
import { initialPlayback, type PlaybackState } from "./slices/playbackSlice";
import { initialSelection, type SelectionState } from "./slices/selectionSlice";
import { initialTimeline, type TimelineState } from "./slices/timelineSlice";
import { initialPanels, type PanelsState } from "./slices/panelsSlice";
import { initialEditor, type EditorState } from "./slices/editorSlice";
import { initialScenario, type ScenarioState } from "./slices/scenarioSlice";
import { loadSavedManifest } from "./persistence";

/** Everything the UI shows. Only serialisable data: the sim could move to a Web Worker. */
export type AppState = ObjectsState & ComponentsState & FlowState & NarrationState & TimelineState & PlaybackState & SelectionState & PanelsState & EditorState & ScenarioState;
export type AppStore = StoreApi<AppState>;

export function initialState(): AppState {
  return {
    ...initialObjects(),
    ...initialComponents(),
    ...initialFlow(),
    ...initialNarration(),
    ...initialTimeline(),
    ...initialPlayback(),
    ...initialSelection(),
    ...initialPanels(),
    ...initialEditor(loadSavedManifest()),
    ...initialScenario(),
  };
}

/** A fresh store (tests make their own; the app uses the one in `appStoreInstance`). */
export function createAppStore(): AppStore {
  return createStore<AppState>()(() => initialState());
}
