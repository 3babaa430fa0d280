import type { KubeEvent, KubeObject } from "../../../api";
import { EPOCH_MS, toTimestamp } from "../../../runtime";
import type { ApiRequest } from "../../apiserver/request";
import type { EventFactory, PlannedCall } from "./plan";

const CACHE_SIZE = 4096; // client-go's maxLruCacheEntries

/**
 * A correlation cache entry: what client-go's key is built from (object, type, reason, message)
 * kept as the caller's own strings rather than joined into a fresh key, linked from the least
 * to the most recently used.
 */
interface Seen {
  readonly uid: string;
  readonly kind: string;
  readonly objectNamespace: string;
  readonly objectName: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  /** The Event's own name and namespace. */
  readonly name: string;
  readonly namespace: string;
  count: number;
  older?: Seen;
  newer?: Seen;
  /** The next entry cached for the same object uid and message. */
  sibling?: Seen;
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
  ) {}

  get why(): string {
    const { recorder, seen } = this;
    const { reason } = seen;
    const what = `${seen.kind} ${seen.objectName}`;
    return this.count === 1
      ? `${recorder.component} records a ${seen.type} event ${reason} on ${what}: "${seen.message}".`
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
    if (this.count !== 1) this.recorder.forget(this.seen);
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
  /**
   * Entries by object uid, then message (each chained through `sibling` for the rest of the
   * key): no key string is built, and one object's many messages (a ReplicaSet's "Created pod: …")
   * are told apart by a hash rather than compared one by one.
   */
  private readonly byUid = new Map<string, Map<string, Seen>>();
  private size = 0;
  /** LRU order, oldest to newest. */
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
    const uid = m.uid ?? "";
    const kind = obj.kind;
    const objectNamespace = m.namespace ?? "";
    const objectName = m.name ?? "";
    const prev = this.find(this.byUid.get(uid)?.get(message), kind, objectNamespace, objectName, type, reason);
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
      return new EventCall(request, this, prev, count);
    }
    const namespace = m.namespace || "default";
    const name = `${objectName}.${this.nanosHex(now)}`;
    const event: KubeEvent = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: {
        kind,
        namespace: m.namespace,
        name: objectName,
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
    const seen: Seen = { uid, kind, objectNamespace, objectName, type, reason, message, name, namespace, count: 1, older: undefined, newer: undefined, sibling: undefined };
    return new EventCall({ verb: "create", resource: "events", namespace, body: event }, this, seen, 1);
  }

  /** LRU insert: `seen` becomes its key's entry, most recently used; the oldest is dropped beyond client-go's 4096 entries. */
  touch(seen: Seen): void {
    const byMessage = this.byUid.get(seen.uid);
    const cur = this.find(byMessage?.get(seen.message), seen.kind, seen.objectNamespace, seen.objectName, seen.type, seen.reason);
    // A repeat's entry is usually still the cached one: only its place in the order changes.
    if (cur === seen) this.unlink(seen);
    else {
      if (cur) this.remove(cur);
      this.insert(seen, cur ? this.byUid.get(seen.uid) : byMessage);
    }
    seen.older = this.newest;
    seen.newer = undefined;
    if (this.newest) this.newest.newer = seen;
    else this.oldest = seen;
    this.newest = seen;
    if (this.size > CACHE_SIZE) this.remove(this.oldest!);
  }

  /** Adds `seen` to its uid's entries (`byMessage`, when it has some). */
  private insert(seen: Seen, byMessage: Map<string, Seen> | undefined): void {
    if (!byMessage) this.byUid.set(seen.uid, (byMessage = new Map()));
    seen.sibling = byMessage.get(seen.message);
    byMessage.set(seen.message, seen);
    this.size++;
  }

  /** Drops the entry cached under `seen`'s key (whichever entry that is now). */
  forget(seen: Seen): void {
    const cur = this.lookup(seen);
    if (cur) this.remove(cur);
  }

  private lookup(s: Seen): Seen | undefined {
    return this.find(this.byUid.get(s.uid)?.get(s.message), s.kind, s.objectNamespace, s.objectName, s.type, s.reason);
  }

  private find(first: Seen | undefined, kind: string, objectNamespace: string, objectName: string, type: string, reason: string): Seen | undefined {
    for (let s = first; s; s = s.sibling) {
      if (s.reason === reason && s.type === type && s.objectName === objectName && s.kind === kind && s.objectNamespace === objectNamespace) return s;
    }
    return undefined;
  }

  private remove(s: Seen): void {
    this.unlink(s);
    this.unchain(s);
    this.size--;
  }

  /** Takes `s` out of its chain. */
  private unchain(s: Seen): void {
    const byMessage = this.byUid.get(s.uid)!;
    const first = byMessage.get(s.message)!;
    if (first === s) {
      if (s.sibling) byMessage.set(s.message, s.sibling);
      else if (byMessage.size > 1) byMessage.delete(s.message);
      else this.byUid.delete(s.uid);
    } else {
      let p = first;
      while (p.sibling !== s) p = p.sibling!;
      p.sibling = s.sibling;
    }
    s.sibling = undefined;
  }

  private unlink(s: Seen): void {
    if (s.older) s.older.newer = s.newer;
    else this.oldest = s.newer;
    if (s.newer) s.newer.older = s.older;
    else this.newest = s.older;
    s.older = s.newer = undefined;
  }

  /**
   * Unix nanoseconds in hex, as client-go names events; a counter keeps same-ms names apart.
   * Computed in exact float parts of 24 bits (six hex digits each) rather than with BigInt.
   */
  private nanosHex(now: number): string {
    const ms = EPOCH_MS + Math.floor(now);
    const below = Math.floor((now % 1) * 1_000_000) + (this.seq++ % 1_000_000);
    const msHigh = Math.floor(ms / SPAN);
    // nanos = msHigh·10⁶·2²⁴ + low, every term below 2⁵³
    const low = (ms - msHigh * SPAN) * 1_000_000 + below;
    const high = msHigh * 1_000_000 + Math.floor(low / SPAN);
    const top = Math.floor(high / SPAN);
    const mid = high % SPAN;
    const rest = low % SPAN;
    if (top > 0) return top.toString(16) + hex6(mid) + hex6(rest);
    return mid > 0 ? mid.toString(16) + hex6(rest) : rest.toString(16);
  }
}

const SPAN = 2 ** 24;
const HEX = "0123456789abcdef";

/** Six hex digits of a number below 2²⁴. */
function hex6(v: number): string {
  return HEX[(v >>> 20) & 15] + HEX[(v >>> 16) & 15] + HEX[(v >>> 12) & 15] + HEX[(v >>> 8) & 15] + HEX[(v >>> 4) & 15] + HEX[v & 15];
}
