export { toleratesTaint, taintTolerated, matchingTolerations, minTolerationMs, noExecuteTaints } from "./tolerations";
export { decideEviction, type EvictionDecision, type ScheduledEviction } from "./evictionDecision";
export { TaintEvictionController } from "./taintEvictionController";
export { taintEvictionControllerDefinition } from "./taintEvictionDefinition";
