/**
 * The kubelet's back-off (client-go flowcontrol.Backoff, no jitter), used both for crashing
 * containers (CrashLoopBackOff) and failing image pulls (ImagePullBackOff): 10 s, doubling,
 * capped at 300 s; an entry not updated for twice the cap (10 min) starts over.
 */
import { formatGoDuration } from "./imageMessages";

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs = BACKOFF_INITIAL_MS,
    readonly maxMs = BACKOFF_MAX_MS,
  ) {}

  private expired(eventTime: number, e: Entry): boolean {
    return eventTime - e.lastUpdate > this.maxMs * 2;
  }

  /** Records one more failure: the first (or after a quiet 10 min) waits `initialMs`, then doubling. */
  next(key: string, eventTime: number, now: number): number {
    const e = this.entries.get(key);
    let backoffMs: number;
    if (!e || this.expired(eventTime, e)) backoffMs = this.initialMs;
    else backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    this.entries.set(key, { backoffMs, lastUpdate: now });
    return backoffMs;
  }

  /** Crash loop check: is `now` still within the back-off counted from `eventTime` (the container's finish)? */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) return false;
    return now - eventTime < e.backoffMs;
  }

  /** Image pull check: is `now` still within the back-off counted from the last failure? */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** Virtual ms until `isInBackOffSince(key, eventTime, …)` turns false (0 if not backing off). */
  remainingSince(key: string, eventTime: number, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) return 0;
    return Math.max(0, eventTime + e.backoffMs - now);
  }

  /** Virtual ms until `isInBackOffSinceUpdate(key, …)` turns false. */
  remainingSinceUpdate(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(now, e)) return 0;
    return Math.max(0, e.lastUpdate + e.backoffMs - now);
  }

  /** The current delay for `key` (0 if none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries idle for more than twice the cap (kubelet calls GC periodically). */
  gc(now: number): void {
    for (const [key, e] of this.entries) if (now - e.lastUpdate > this.maxMs * 2) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** `<pod>_<namespace>(<uid>)`: how the kubelet names a pod in messages (format.Pod). */
export function podDescriptor(name: string, namespace: string, uid: string): string {
  return `${name}_${namespace}(${uid})`;
}

/** Event `BackOff` (Warning) while a crashed container waits to be restarted. */
export function backOffRestartingMessage(container: string, pod: string): string {
  return `Back-off restarting failed container ${container} in pod ${pod}`;
}

/** Container status `waiting.message` with reason `CrashLoopBackOff`. */
export function crashLoopWaitingMessage(backoffMs: number, container: string, pod: string): string {
  return `back-off ${formatGoDuration(backoffMs)} restarting failed container=${container} pod=${pod}`;
}
