import type { Pod } from "../../api/types";
import { eventMayHelp, isPodUpdated, type ClusterEvent } from "./clusterEvents";
import type { PluginName } from "./framework";
import { Heap } from "./heap";
import { podKey } from "./podInfo";

export { eventMayHelp, isPodUpdated, type ClusterEvent } from "./clusterEvents";

/** podInitialBackoffDuration / podMaxBackoffDuration / podMaxInUnschedulablePodsDuration defaults. */
export const DEFAULT_QUEUE_TIMINGS = { initialBackoffMs: 1_000, maxBackoffMs: 10_000, maxUnschedulableMs: 5 * 60_000 } as const;

/** framework.QueuedPodInfo. */
export interface QueuedPod {
  readonly key: string;
  pod: Pod;
  /** `pod.spec.priority ?? 0`, kept beside `timestamp`: the activeQ's comparisons read both without chasing the pod. */
  priority: number;
  /** When the pod last entered the queue (FIFO order, start of its backoff). */
  timestamp: number;
  /** When it first entered the queue. */
  readonly initialAttemptTimestamp: number;
  /** Scheduling attempts so far (incremented by pop). */
  attempts: number;
  /** The plugins that rejected it last time. */
  rejectors: ReadonlySet<PluginName>;
  /** Where it is now. */
  where: "active" | "backoff" | "unschedulable" | "in-flight";
  /** Bumped on every (re)insertion so stale heap entries are skipped. */
  version: number;
}

/** Shared by every pod not rejected yet (most of them: no Set per queued pod). */
const NO_REJECTORS: ReadonlySet<PluginName> = new Set();

interface Entry {
  readonly qp: QueuedPod;
  readonly version: number;
  readonly seq: number;
}

export interface SchedulingQueueOptions {
  now: () => number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxUnschedulableMs?: number;
  /** SchedulerPopFromBackoffQ (beta, on by default since v1.33): an idle queue pops from backoffQ. */
  popFromBackoffQ?: boolean;
}

/**
 * The scheduling queue (PriorityQueue): activeQ ordered by priority then arrival, backoffQ
 * ordered by backoff expiry (1 s doubling to 10 s), and unschedulable pods parked until a
 * cluster event may help them or 5 minutes pass. Time is injected; the caller drives
 * `flush()` from its own timers.
 */
export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  private readonly active = new Heap<Entry>((a, b) => {
    const pa = a.qp.priority;
    const pb = b.qp.priority;
    if (pa !== pb) return pa > pb;
    if (a.qp.timestamp !== b.qp.timestamp) return a.qp.timestamp < b.qp.timestamp;
    return a.seq < b.seq;
  });
  private readonly backoff = new Heap<Entry>((a, b) => {
    const ea = this.backoffExpiry(a.qp);
    const eb = this.backoffExpiry(b.qp);
    return ea !== eb ? ea < eb : a.seq < b.seq;
  });
  private readonly unschedulable = new Map<string, { qp: QueuedPod; since: number }>();
  /** Events seen while each in-flight pod was being scheduled. */
  private readonly inFlightEvents = new Map<string, Set<ClusterEvent>>();
  private seq = 0;
  private readonly now: () => number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxUnschedulableMs: number;
  private readonly popFromBackoffQ: boolean;

  constructor(opts: SchedulingQueueOptions) {
    this.now = opts.now;
    this.initialBackoffMs = opts.initialBackoffMs ?? DEFAULT_QUEUE_TIMINGS.initialBackoffMs;
    this.maxBackoffMs = opts.maxBackoffMs ?? DEFAULT_QUEUE_TIMINGS.maxBackoffMs;
    this.maxUnschedulableMs = opts.maxUnschedulableMs ?? DEFAULT_QUEUE_TIMINGS.maxUnschedulableMs;
    this.popFromBackoffQ = opts.popFromBackoffQ ?? true;
  }

  /** Pods per sub-queue (for the inspector: O(pods), not for hot paths). */
  get counts(): { active: number; backoff: number; unschedulable: number; inFlight: number } {
    let active = 0;
    let backoff = 0;
    let inFlight = 0;
    for (const qp of this.pods.values()) {
      if (qp.where === "active") active++;
      else if (qp.where === "backoff") backoff++;
      else if (qp.where === "in-flight") inFlight++;
    }
    return { active, backoff, unschedulable: this.unschedulable.size, inFlight };
  }

  has(key: string): boolean {
    return this.pods.has(key);
  }

  get(key: string): QueuedPod | undefined {
    return this.pods.get(key);
  }

  /** A new pending pod goes straight to activeQ. `key` may be passed when the caller holds it already. */
  add(pod: Pod, key = podKey(pod.metadata.namespace, pod.metadata.name)): void {
    const existing = this.pods.get(key);
    if (existing) {
      this.update(pod, key);
      return;
    }
    const now = this.now();
    const qp: QueuedPod = { key, pod, priority: pod.spec.priority ?? 0, timestamp: now, initialAttemptTimestamp: now, attempts: 0, rejectors: NO_REJECTORS, where: "active", version: 0 };
    this.pods.set(key, qp);
    this.pushActive(qp);
  }

  /** The pending pod changed: an unschedulable one gets another chance if its spec or metadata changed. */
  update(pod: Pod, key = podKey(pod.metadata.namespace, pod.metadata.name)): void {
    const qp = this.pods.get(key);
    if (!qp) {
      this.add(pod, key);
      return;
    }
    const changed = isPodUpdated(qp.pod, pod);
    qp.pod = pod;
    qp.priority = pod.spec.priority ?? 0;
    if (qp.where === "unschedulable" && changed) {
      this.unschedulable.delete(key);
      this.requeue(qp);
    }
  }

  delete(key: string): void {
    const qp = this.pods.get(key);
    if (!qp) return;
    this.pods.delete(key);
    this.unschedulable.delete(key);
    this.inFlightEvents.delete(key);
    qp.version++; // invalidates heap entries
  }

  /** The next pod to schedule (activeQ head; backoffQ head when activeQ is empty). */
  pop(): QueuedPod | undefined {
    let qp = this.popLive(this.active, "active");
    if (!qp && this.popFromBackoffQ) qp = this.popLive(this.backoff, "backoff");
    if (!qp) return undefined;
    qp.attempts++;
    qp.where = "in-flight";
    this.inFlightEvents.set(qp.key, new Set());
    return qp;
  }

  /** The in-flight pod was bound (or abandoned): it leaves the queue. */
  done(key: string): void {
    const qp = this.pods.get(key);
    if (qp && qp.where === "in-flight") this.delete(key);
    this.inFlightEvents.delete(key);
  }

  /**
   * The in-flight pod could not be scheduled. It is parked as unschedulable unless an event
   * that may help it arrived during its cycle, in which case it is retried after backoff.
   */
  addUnschedulable(key: string, rejectors: Iterable<PluginName>): void {
    const qp = this.pods.get(key);
    if (!qp || qp.where !== "in-flight") return;
    qp.rejectors = new Set(rejectors);
    qp.timestamp = this.now();
    const seen = this.inFlightEvents.get(key);
    this.inFlightEvents.delete(key);
    if (seen && [...seen].some((e) => eventMayHelp(e, qp.rejectors))) {
      this.requeue(qp);
      return;
    }
    qp.where = "unschedulable";
    qp.version++;
    this.unschedulable.set(key, { qp, since: this.now() });
  }

  /** The in-flight pod hit an error (a failed bind): retry after backoff. */
  requeueAfterError(key: string): void {
    const qp = this.pods.get(key);
    if (!qp || qp.where !== "in-flight") return;
    this.inFlightEvents.delete(key);
    qp.rejectors = NO_REJECTORS;
    qp.timestamp = this.now();
    qp.version++;
    qp.where = "backoff";
    this.backoff.push({ qp, version: qp.version, seq: this.seq++ });
  }

  /** A cluster event: unschedulable pods it may help move to activeQ (or backoffQ while backing off). Returns how many moved. */
  onEvent(event: ClusterEvent): number {
    for (const seen of this.inFlightEvents.values()) seen.add(event);
    let moved = 0;
    for (const [key, { qp }] of this.unschedulable) {
      if (!eventMayHelp(event, qp.rejectors)) continue;
      this.unschedulable.delete(key);
      this.requeue(qp);
      moved++;
    }
    return moved;
  }

  /** flushBackoffQCompleted and flushUnschedulablePodsLeftover, for the current time. */
  flush(): void {
    const now = this.now();
    for (;;) {
      const top = this.backoff.peek();
      if (!top) break;
      if (top.version !== top.qp.version || top.qp.where !== "backoff") {
        this.backoff.pop();
        continue;
      }
      if (this.backoffExpiry(top.qp) > now) break;
      this.backoff.pop();
      this.pushActive(top.qp);
    }
    // Parking order is time order: stop at the first pod that has not waited long enough.
    for (const [key, { qp, since }] of this.unschedulable) {
      if (now - since < this.maxUnschedulableMs) break;
      this.unschedulable.delete(key);
      this.requeue(qp);
    }
  }

  /** When the earliest backoff ends (undefined: nothing backing off). */
  nextBackoffExpiry(): number | undefined {
    for (;;) {
      const top = this.backoff.peek();
      if (!top) return undefined;
      if (top.version === top.qp.version && top.qp.where === "backoff" && this.pods.get(top.qp.key) === top.qp) return this.backoffExpiry(top.qp);
      this.backoff.pop();
    }
  }

  /** When the longest-parked unschedulable pod reaches the 5-minute limit. */
  nextUnschedulableTimeout(): number | undefined {
    // Map order is parking order, so the first entry has waited longest.
    const first = this.unschedulable.values().next();
    return first.done ? undefined : first.value.since + this.maxUnschedulableMs;
  }

  /** calculateBackoffDuration: 1 s, doubling per attempt, capped at 10 s. */
  backoffDuration(attempts: number): number {
    if (attempts <= 0) return 0;
    let d = this.initialBackoffMs;
    for (let i = 1; i < attempts; i++) {
      if (d > this.maxBackoffMs - d) return this.maxBackoffMs;
      d += d;
    }
    return d;
  }

  backoffExpiry(qp: QueuedPod): number {
    return qp.timestamp + this.backoffDuration(qp.attempts);
  }

  private requeue(qp: QueuedPod): void {
    if (this.backoffExpiry(qp) > this.now()) {
      qp.version++;
      qp.where = "backoff";
      this.backoff.push({ qp, version: qp.version, seq: this.seq++ });
    } else {
      this.pushActive(qp);
    }
  }

  private pushActive(qp: QueuedPod): void {
    qp.version++;
    qp.where = "active";
    this.active.push({ qp, version: qp.version, seq: this.seq++ });
  }

  private popLive(heap: Heap<Entry>, where: QueuedPod["where"]): QueuedPod | undefined {
    for (;;) {
      const e = heap.pop();
      if (!e) return undefined;
      if (e.version === e.qp.version && e.qp.where === where && this.pods.get(e.qp.key) === e.qp) return e.qp;
    }
  }
}
