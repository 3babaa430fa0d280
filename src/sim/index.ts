// The simulation's public door: build a cluster, drive it, read its trace and state.
export { createCluster, ClusterImpl } from "./cluster";
export type { Cluster, ClusterOptions, ComponentInfo, ComponentRole, Fault, ObjectChange, ProfileName } from "./clusterTypes";
export { PROFILES, type Profile } from "./profiles";
export { CONTROL_PLANE_COMPONENTS, planCluster, type ClusterPlan } from "./clusterPlan";
export type { TraceEvent, TraceKind, TraceListener, ComponentId } from "./runtime";
export { toTimestamp, fromTimestamp } from "./runtime";
export type { ApiRequest, ApiResponse, WatchEvent } from "./components/apiserver";
export { formatCurl, type RequestOptions, type RequestResult, type Hop } from "./dataPath";
