import type { KubeEvent, KubeObject } from "../../../api";
import { EPOCH_MS, toTimestamp } from "../../../runtime";
import type { EventFactory, PlannedCall } from "./plan";

const CACHE_SIZE = 4096; // client-go's maxLruCacheEntries

interface Seen {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
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
      return {
        request: {
          verb: "patch",
          resource: "events",
          namespace: prev.namespace,
          name: prev.name,
          patchType: "strategic",
          body: { count, lastTimestamp: ts, message },
        },
        why: `The ${reason} event on ${what} happened again, so ${this.component} bumps its count to ${count}.`,
        bestEffort: true,
        // The cache follows what kube-apiserver accepted: a patch that never landed does not count.
        followUp: () => {
          prev.count = Math.max(prev.count, count);
          this.touch(cacheKey, prev);
          return [];
        },
        onFailure: () => {
          this.seen.delete(cacheKey);
          return [];
        },
      };
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
    return {
      request: { verb: "create", resource: "events", namespace, body: event },
      why: `${this.component} records a ${type} event ${reason} on ${what}: "${message}".`,
      bestEffort: true,
      // Only an Event that was really created is patched next time (a skipped call records nothing).
      followUp: () => {
        this.touch(cacheKey, { name, namespace, count: 1, firstTimestamp: ts });
        return [];
      },
    };
  }

  /** LRU insert: most recently used last, the oldest dropped beyond client-go's 4096 entries. */
  private touch(key: string, seen: Seen): void {
    this.seen.delete(key);
    this.seen.set(key, seen);
    if (this.seen.size > CACHE_SIZE) this.seen.delete(this.seen.keys().next().value as string);
  }

  /** Unix nanoseconds in hex, as client-go names events; a counter keeps same-ms names apart. */
  private nanosHex(now: number): string {
    const nanos = BigInt(EPOCH_MS + Math.floor(now)) * 1_000_000n + BigInt(Math.floor((now % 1) * 1_000_000)) + BigInt(this.seq++ % 1_000_000);
    return nanos.toString(16);
  }
}
