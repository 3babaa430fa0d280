export { PlaybackBar, ClusterClock } from "./PlaybackBar";
export { usePlaybackKeys } from "./useKeyboard";
