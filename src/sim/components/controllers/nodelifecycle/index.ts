export { NodeLifecycleController, MONITOR_KEY, nodeKey, podKey } from "./nodeLifecycleController";
export { nodeLifecycleControllerDefinition, nodeLifecycleTimings } from "./nodeLifecycleDefinition";
export { checkNodeHealth, readyCondition, type NodeHealth, type HealthCheck } from "./nodeHealth";
export { reconcileNoScheduleTaints, swapTaints, hasTaint, TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from "./nodeTaints";
export { markPodNotReady } from "./markPodNotReady";
export { computeZoneState, zoneKey, type ZoneState } from "./zoneState";
export * from "./timings";
