import type { KubeEvent, KubeObject } from "../../../api";
import { EPOCH_MS, toTimestamp } from "../../../runtime";
import type { ApiRequest } from "../../apiserver/request";
import type { EventFactory, PlannedCall } from "./plan";

const CACHE_SIZE = 4096; // client-go's maxLruCacheEntries

/** A correlation cache entry, linked from the least to the most recently used. */
interface Seen {
  key: string;
  name: string;
  namespace: string;
  count: number;
  older?: Seen;
  newer?: Seen;
}

const NO_CALLS: PlannedCall[] = [];

/**
 * One Event call (a create, or a count patch of a repeat). Its narration sentence is built only
 * when read: kubelets and the scheduler never read it, controllers only when tracing.
 */
class EventCall implements PlannedCall {
  readonly bestEffort = true;

  constructor(
    readonly request: ApiRequest,
    private readonly recorder: EventRecorder,
    /** The entry the cache holds once the call landed (for a repeat: the entry it bumps). */
    private readonly seen: Seen,
    /** The count this call records: 1 for a create. */
    private readonly count: number,
    private readonly type: string,
    private readonly reason: string,
    private readonly what: string,
    private readonly message: string,
  ) {}

  get why(): string {
    const { recorder, reason, what } = this;
    return this.count === 1
      ? `${recorder.component} records a ${this.type} event ${reason} on ${what}: "${this.message}".`
      : `The ${reason} event on ${what} happened again, so ${recorder.component} bumps its count to ${this.count}.`;
  }

  /** The cache follows what kube-apiserver accepted: a call that never landed does not count. */
  followUp(): PlannedCall[] {
    this.seen.count = Math.max(this.seen.count, this.count);
    this.recorder.touch(this.seen);
    return NO_CALLS;
  }

  /** A repeat whose patch failed is forgotten (its Event may be gone): the next one creates it afresh. */
  onFailure(): PlannedCall[] {
    if (this.count !== 1) this.recorder.forget(this.seen.key);
    return NO_CALLS;
  }
}

/**
 * Records core/v1 Events the way client-go's recorder + EventCorrelator do: the first
 * occurrence creates an Event named `<object>.<hex nanoseconds>`; a repeat of the same
 * (object, type, reason, message) patches that Event's count and lastTimestamp instead.
 * The correlation cache is updated from responses (`followUp`), so an event whose call was
 * never sent (its plan failed first) is created afresh next time.
 */
export class EventRecorder implements EventFactory {
  private readonly seen = new Map<string, Seen>();
  /** LRU order without iterating the Map (whose deleted front entries each lookup would skip). */
  private oldest: Seen | undefined;
  private newest: Seen | undefined;
  private seq = 0;

  /** `component` is the event source, e.g. "replicaset-controller". */
  constructor(
    readonly component: string,
    private readonly clock: () => number,
  ) {}

  normal(obj: KubeObject, reason: string, message: string): PlannedCall {
    return this.record(obj, "Normal", reason, message);
  }

  warning(obj: KubeObject, reason: string, message: string): PlannedCall {
    return this.record(obj, "Warning", reason, message);
  }

  record(obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string): PlannedCall {
    const m = obj.metadata;
    const now = this.clock();
    const ts = toTimestamp(now);
    const cacheKey = [m.uid ?? "", obj.kind, m.namespace ?? "", m.name ?? "", type, reason, message].join("\u0000");
    const what = `${obj.kind} ${m.name ?? ""}`;
    const prev = this.seen.get(cacheKey);
    if (prev) {
      const count = prev.count + 1;
      const request: ApiRequest = {
        verb: "patch",
        resource: "events",
        namespace: prev.namespace,
        name: prev.name,
        patchType: "strategic",
        body: { count, lastTimestamp: ts, message },
      };
      return new EventCall(request, this, prev, count, type, reason, what, message);
    }
    const namespace = m.namespace || "default";
    const name = `${m.name ?? ""}.${this.nanosHex(now)}`;
    const event: KubeEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: {
        kind: obj.kind,
        namespace: m.namespace,
        name: m.name ?? "",
        uid: m.uid,
        apiVersion: obj.apiVersion,
      },
      reason,
      message,
      type,
      source: { component: this.component },
      count: 1,
      firstTimestamp: ts,
      lastTimestamp: ts,
      reportingComponent: this.component,
      reportingInstance: "",
    };
    // Only an Event that was really created is patched next time (a skipped call records nothing).
    const seen: Seen = { key: cacheKey, name, namespace, count: 1, older: undefined, newer: undefined };
    return new EventCall({ verb: "create", resource: "events", namespace, body: event }, this, seen, 1, type, reason, what, message);
  }

  /** LRU insert: `seen` becomes its key's entry, most recently used; the oldest is dropped beyond client-go's 4096 entries. */
  touch(seen: Seen): void {
    const cur = this.seen.get(seen.key);
    if (cur) this.unlink(cur);
    // A repeat's entry is usually still the cached one: only its place in the order changes.
    if (cur !== seen) this.seen.set(seen.key, seen);
    seen.older = this.newest;
    seen.newer = undefined;
    if (this.newest) this.newest.newer = seen;
    else this.oldest = seen;
    this.newest = seen;
    if (this.seen.size > CACHE_SIZE) this.forget(this.oldest!.key);
  }

  forget(key: string): void {
    const cur = this.seen.get(key);
    if (!cur) return;
    this.unlink(cur);
    this.seen.delete(key);
  }

  private unlink(s: Seen): void {
    if (s.older) s.older.newer = s.newer;
    else this.oldest = s.newer;
    if (s.newer) s.newer.older = s.older;
    else this.newest = s.older;
    s.older = s.newer = undefined;
  }

  /** Unix nanoseconds in hex, as client-go names events; a counter keeps same-ms names apart. */
  private nanosHex(now: number): string {
    const nanos = BigInt(EPOCH_MS + Math.floor(now)) * 1_000_000n + BigInt(Math.floor((now % 1) * 1_000_000)) + BigInt(this.seq++ % 1_000_000);
    return nanos.toString(16);
  }
}
