import type { ObjectChange } from "../sim/clusterTypes";
import type { TraceEvent, TraceKind } from "../sim/runtime/trace";
import { onSessionChange } from "./sessionWatch";

/** A message as the inspector lists it under a component. */
export interface LoggedMessage {
  seq: number;
  at: number;
  from: string;
  to: string;
  kind: TraceKind;
  summary: string;
}

/** An etcd write (what was stored or deleted, at which revision). */
export interface LoggedWrite {
  revision: number;
  at: number;
  type: ObjectChange["type"];
  resource: string;
  namespace: string | undefined;
  name: string;
}

export const MESSAGES_PER_COMPONENT = 30;
export const WRITES_KEPT = 40;

/**
 * Keeps the last few messages of every component and the last etcd writes, from the moment the
 * cluster boots, so the inspector can show them whenever it is opened. Constant work per event.
 */
export class MessageLog {
  private readonly byComponent = new Map<string, LoggedMessage[]>();
  private readonly writes: LoggedWrite[] = [];

  record(e: TraceEvent): void {
    const m: LoggedMessage = { seq: e.seq, at: e.at, from: e.from, to: e.to, kind: e.kind, summary: e.summary };
    this.push(e.from, m);
    if (e.to !== e.from) this.push(e.to, m);
  }

  recordWrite(c: ObjectChange, at: number): void {
    const meta = c.object.metadata;
    this.writes.push({ revision: c.revision, at, type: c.type, resource: c.resource, namespace: meta.namespace, name: meta.name ?? "" });
    if (this.writes.length > WRITES_KEPT) this.writes.shift();
  }

  private push(id: string, m: LoggedMessage): void {
    let list = this.byComponent.get(id);
    if (!list) this.byComponent.set(id, (list = []));
    list.push(m);
    if (list.length > MESSAGES_PER_COMPONENT) list.shift();
  }

  /** Newest first. */
  messagesOf(id: string): LoggedMessage[] {
    return [...(this.byComponent.get(id) ?? [])].reverse();
  }

  /** Newest first. */
  latestWrites(): LoggedWrite[] {
    return [...this.writes].reverse();
  }
}

let log = new MessageLog();

export function messageLog(): MessageLog {
  return log;
}

/** Follows the running session (a reset starts a fresh log). Returns a stop function. */
export function startMessageLog(): () => void {
  let offCluster: (() => void) | null = null;
  const offSession = onSessionChange((session) => {
    offCluster?.();
    log = new MessageLog();
    const current = log;
    const offTrace = session.cluster.subscribe((e) => current.record(e));
    const offWrites = session.cluster.onObjectChange((c) => current.recordWrite(c, session.cluster.now()));
    offCluster = () => {
      offTrace();
      offWrites();
    };
  });
  return () => {
    offSession();
    offCluster?.();
  };
}
