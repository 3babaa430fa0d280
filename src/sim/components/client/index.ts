export type { ApiClient, Informer, InformerFactory, InformerHandler, WatchHandle } from "./types";
export { ApiClientImpl, CONNECTION_REFUSED, type Reachability } from "./apiClient";
export { SharedInformer } from "./informer";
export { SharedInformerFactory } from "./informerFactory";
