export { Kernel, Priority, type Timer } from "./kernel";
export { Rng } from "./rng";
export { Channel } from "./channel";
export { TraceRecorder, type TraceEvent, type TraceInput, type TraceKind, type TraceListener, type ComponentId } from "./trace";
export { toTimestamp, toMicroTimestamp, fromTimestamp, EPOCH_MS } from "./virtualTime";
