// The store's public door.
export { createAppStore, initialState, type AppState, type AppStore } from "./appStore";
export { appStore, createSession, currentSession, showPlan, startSession, startFrameLoop, type Session } from "./session";
export { createBridge, type Bridge, type FlushOptions } from "./bridge";
export { createDriver, type Driver } from "./driver";
export * from "./actions";
export { applyNginxExample, nginxDeployment } from "./examples";
export { useAppStore, useAppStoreShallow } from "./hooks";
export * from "./selectors";
export { deriveDiagramModel, planDiagramModel, nodeModel, layoutSignature, chipLabel, naturalCompare, type DiagramModel, type NodeModel, type PodGroupModel } from "./diagramModel";
export { podStatus, statusTone, type StatusTone } from "./podStatus";
export { formatClusterTime, hopWallMs } from "./timeMapping";
export { SPEEDS, type Speed } from "./slices/playbackSlice";
export type { Packet } from "./slices/flowSlice";
export type { NarrationEntry } from "./slices/narrationSlice";
export type { TimelineMark, MarkTone } from "./slices/timelineSlice";
// Side panels (editor, terminal, inspector, faults) and shareable scenarios.
export * from "./panelActions";
export { PANELS, isPanelId, type PanelId } from "./slices/panelsSlice";
export type { ApplyStatus, ApplyTone } from "./slices/editorSlice";
export { MAX_STEPS, type ScenarioStep } from "./slices/scenarioSlice";
export { onSessionChange, whenSession } from "./sessionWatch";
export { uiTransport } from "./uiTransport";
export { rebootCluster, type ClusterShape } from "./reboot";
export { messageLog, startMessageLog, MessageLog, type LoggedMessage, type LoggedWrite } from "./messageLog";
