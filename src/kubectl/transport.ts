import type { ApiRequest, ApiResponse, WatchEvent } from "../sim/components/apiserver/request";

/** How kubectl reaches the cluster. The simulated cluster implements it; tests use a fake. */
export interface ClusterTransport {
  /** One request as the `kubectl` client; resolves when the response arrives (virtual time passes). status 0 + error.message "connection refused" when kube-apiserver is down. */
  request(req: ApiRequest): Promise<ApiResponse>;
  /** A watch (ADDED/MODIFIED/DELETED). Returns a cancel function. */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void): () => void;
  /** Waits `ms` of virtual time. */
  sleep(ms: number): Promise<void>;
  /** Virtual ms now. */
  now(): number;
}
