import type { KubeObject } from "./api/types";
import type { ApiRequest, ApiResponse, WatchEvent } from "./components/apiserver/request";
import type { Kernel } from "./runtime/kernel";
import type { ComponentId, TraceListener } from "./runtime/trace";
import type { RequestOptions, RequestResult } from "./dataPath/types";

export type ProfileName = "real" | "fast";

export interface ClusterOptions {
  seed?: number;
  profile?: ProfileName;
  /** Number of worker nodes (default 3). */
  workers?: number;
  /** Trace events kept in memory for late readers (default: all). 0 keeps none (benchmarks). */
  traceRetention?: number;
}

export type ComponentRole = "control-plane" | "node" | "addon" | "external";

/** A box on the architecture diagram. */
export interface ComponentInfo {
  id: ComponentId;
  /** `kube-apiserver`, `kubelet on worker-1`, … (the accessible name). */
  label: string;
  role: ComponentRole;
  /** The node it runs on (control-plane components run on `control-plane`). */
  node?: string;
  running: boolean;
}

export type Fault =
  | { type: "node-stop" | "node-start" | "node-partition" | "node-heal" | "node-remove"; node: string }
  | { type: "node-add"; node?: string }
  | { type: "component-stop" | "component-start"; component: string }
  | { type: "pod-crash"; namespace: string; name: string };

/** A committed change to cluster state, as etcd stored it (not a message: for displays). */
export interface ObjectChange extends WatchEvent {
  resource: string;
  revision: number;
}

export interface Cluster {
  readonly kernel: Kernel;
  readonly profile: ProfileName;
  readonly seed: number;
  /** Virtual ms. */
  now(): number;
  /** A request from `kubectl` (the user); `cb` runs when the response arrives. */
  request(req: ApiRequest, cb: (res: ApiResponse) => void): void;
  /** A watch as `kubectl` (for `kubectl get -w`). */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void): () => void;
  /** Applies a fault; returns a one-line description or throws Error with a user-facing message. */
  inject(fault: Fault): string;
  /** Runs the next pending task; false when nothing is pending. */
  step(): boolean;
  /** Advances virtual time by `ms`, running everything due. */
  advance(ms: number): void;
  /** Advances until no foreground work is pending (or `maxMs` passes). Returns virtual ms advanced. */
  settle(maxMs?: number): number;
  subscribe(listener: TraceListener): () => void;
  /** Every committed etcd change, synchronously (for displays, not components). */
  onObjectChange(listener: (change: ObjectChange) => void): () => void;
  /** Current objects of a resource straight from etcd (for displays). */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[];
  components(): ComponentInfo[];
  /**
   * `sim request [--from POD] URL`: one HTTP GET through the data path (DNS, kube-proxy rules, load
   * balancer, pod), every packet a trace event; `cb` gets what curl would print (`formatCurl`).
   * Throws an Error with a user-facing message when the source pod is not running.
   */
  sendRequest(opts: RequestOptions, cb: (r: RequestResult) => void): void;
}
