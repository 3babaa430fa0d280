export { toleratesTaint, taintTolerated, matchingTolerations, minTolerationMs, noExecuteTaints } from "./tolerations";
export { decideEviction, type EvictionDecision, type ScheduledEviction } from "./evictionDecision";
