export { KubeApiserver, type NodeProxy, type Reply } from "./kubeApiserver";
export type { ApiRequest, ApiResponse, Verb, WatchEvent, WatchEventType, ResponseCallback } from "./request";
export * as apiErrors from "./errors";
export { requestSummary } from "./httpVerb";
