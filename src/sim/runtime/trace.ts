/**
 * The trace is the contract between the simulation and everything that shows it: every
 * message between two components (and every notable step inside one) is one TraceEvent.
 * The diagram animates exactly these; it invents nothing.
 */

/** `kubectl`, `kube-apiserver`, `etcd`, …, and per node `kubelet@worker-1`, `container-runtime@worker-1`, `kube-proxy@worker-1`. */
export type ComponentId = string;

export type TraceKind =
  | "request" // a client → kube-apiserver (an HTTP verb on a resource)
  | "response" // kube-apiserver → the client
  | "etcd" // kube-apiserver ↔ etcd (range / txn)
  | "watch" // kube-apiserver → a watcher: one watch event
  | "cri" // kubelet ↔ its container runtime
  | "pull" // container runtime ↔ image registry
  | "rules" // kube-proxy programs its node's rules
  | "dns" // a DNS query or answer
  | "traffic" // a data-path request (client → load balancer → node → pod)
  | "cloud" // cloud-controller-manager ↔ the cloud provider
  | "fault" // an injected fault or its repair
  | "internal"; // a step inside one component (a pipeline stage, a scheduling decision)

export interface TraceEvent {
  seq: number;
  /** Virtual ms when the message left `from` (or the step happened). */
  at: number;
  /** Virtual ms when it reaches `to` (equal to `at` for internal steps). */
  arrives: number;
  from: ComponentId;
  to: ComponentId;
  kind: TraceKind;
  /** get, list, watch, create, update, patch, delete, bind, ADDED, MODIFIED, PullImage, … */
  verb?: string;
  /** Plural resource name: pods, deployments, … */
  resource?: string;
  namespace?: string;
  name?: string;
  /** HTTP status of a response. */
  status?: number;
  /** Short packet label: `POST deployments`, `watch: ReplicaSet ADDED`, `PullImage nginx`. */
  summary: string;
  /** One plain-English sentence saying what happened and why. */
  narration: string;
  /** Extra structured data for inspectors (pipeline stage, scheduler verdicts id, …). */
  detail?: Record<string, string | number | boolean>;
}

export type TraceInput = Omit<TraceEvent, "seq" | "at" | "arrives">;
export type TraceListener = (event: TraceEvent) => void;

export class TraceRecorder {
  private listeners = new Set<TraceListener>();
  private seq = 0;
  /** Events kept for late readers (snapshot, CLI --trace); 0 keeps none. */
  readonly events: TraceEvent[] = [];

  constructor(private readonly retain: number = Infinity) {}

  /** False when nobody reads the trace: callers may skip building narration. */
  get active(): boolean {
    return this.retain > 0 || this.listeners.size > 0;
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  record(at: number, arrives: number, input: TraceInput): TraceEvent {
    const event: TraceEvent = { seq: this.seq++, at, arrives, ...input };
    if (this.retain > 0) {
      this.events.push(event);
      if (this.events.length > this.retain * 1.25) this.events.splice(0, this.events.length - this.retain);
    }
    for (const l of this.listeners) l(event);
    return event;
  }
}
