export { Diagram, whenDiagramDrawn } from "./diagram";
export { PlaybackBar, usePlaybackKeys } from "./playback";
export { NarrationLog, StepCard, Timeline } from "./narration";
export { ApplyExample } from "./guided";
