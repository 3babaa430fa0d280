import type { KubeObject } from "../../api/types";
import type { ComponentId } from "../../runtime/trace";
import type { ApiRequest, ResponseCallback, WatchEvent } from "../apiserver/request";

/** A component's connection to kube-apiserver. Every call is a message with latency, traced. */
export interface ApiClient {
  readonly identity: ComponentId;
  /** Sends one request; `cb` runs when the response arrives (never synchronously). */
  request(req: ApiRequest, cb?: ResponseCallback): void;
  /**
   * Opens a watch. The initial list goes to `onSync` (or, without it, arrives as ADDED
   * events). The stream survives kube-apiserver outages and partitions: the client re-lists
   * when it can reach kube-apiserver again and `onSync` receives the full state.
   */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void, onSync?: (items: KubeObject[]) => void): WatchHandle;
}

export interface WatchHandle {
  stop(): void;
}

export interface InformerHandler<T extends KubeObject> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** client-go's shared informer: one watch per resource per component, a local cache, handlers. */
export interface Informer<T extends KubeObject> {
  readonly resource: string;
  /** True once the initial list has been received. */
  readonly hasSynced: boolean;
  get(namespace: string | undefined, name: string): T | undefined;
  list(namespace?: string): T[];
  /** Standard indexes: `nodeName` (pods by spec.nodeName), `controller` (by controller owner uid), `namespace`. */
  byIndex(index: string, value: string): T[];
  /**
   * A custom index. `basis` (optional) names what the keys are computed from: when an update
   * leaves it the same object (labels, owner references …), the keys are not computed again.
   */
  addIndex(index: string, keys: (obj: T) => readonly string[], basis?: (obj: T) => unknown): void;
  addHandler(handler: InformerHandler<T>): void;
}

export interface InformerFactory {
  informer<T extends KubeObject>(resource: string, opts?: { fieldSelector?: string }): Informer<T>;
  /** Starts every informer made so far (and later ones immediately). */
  start(): void;
  /** Stops every watch (the component stopped). */
  stop(): void;
}
