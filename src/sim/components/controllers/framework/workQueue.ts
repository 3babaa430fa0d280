import type { Kernel, Timer } from "../../../runtime";
import { ItemExponentialRateLimiter } from "./rateLimiter";

const DIRTY = 1; // waiting to be processed (queued, or to be queued again at `done`)
const PROCESSING = 2;

/**
 * client-go's rate-limiting work queue over virtual time:
 * - a key waiting in the queue is stored once however often it is added (dedup);
 * - a key being processed is never handed out again until `done`; if it was added meanwhile
 *   it is queued again at `done` (so one key is processed by one worker at a time);
 * - `addAfter` delays an add (the earliest pending delay wins); `addRateLimited` delays by the
 *   key's exponential back-off; `forget` resets that back-off.
 */
export class WorkQueue {
  private readonly queue: string[] = [];
  private head = 0;
  /** DIRTY and PROCESSING bits by key (client-go's dirty and processing sets, one lookup for both). */
  private readonly states = new Map<string, number>();
  private processing = 0;
  private readonly waiting = new Map<string, { at: number; timer: Timer }>();
  private readonly limiter: ItemExponentialRateLimiter;
  private shutDown = false;

  /** `onReady` runs (synchronously) whenever a key becomes available to `get`. */
  constructor(
    private readonly kernel: Kernel,
    private readonly onReady: () => void = () => {},
    limiter?: ItemExponentialRateLimiter,
  ) {
    this.limiter = limiter ?? new ItemExponentialRateLimiter();
  }

  /** Keys ready to be processed now. */
  get length(): number {
    return this.queue.length - this.head;
  }

  /** Keys being processed. */
  get inFlight(): number {
    return this.processing;
  }

  add(key: string): void {
    if (this.shutDown) return;
    const state = this.states.get(key) ?? 0;
    if (state & DIRTY) return;
    this.states.set(key, state | DIRTY);
    if (state & PROCESSING) return;
    this.queue.push(key);
    this.onReady();
  }

  /** Next key to process, or undefined when none is ready. Call `done(key)` when finished. */
  get(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.states.set(key, PROCESSING);
    this.processing++;
    return key;
  }

  done(key: string): void {
    const state = this.states.get(key) ?? 0;
    if (state & PROCESSING) this.processing--;
    if (!(state & DIRTY)) {
      this.states.delete(key);
      return;
    }
    this.states.set(key, DIRTY);
    if (!this.shutDown) {
      this.queue.push(key);
      this.onReady();
    }
  }

  /**
   * Adds `key` after `delayMs` of virtual time. Background delays (periodic resyncs) do not
   * keep the cluster from counting as settled.
   */
  addAfter(key: string, delayMs: number, opts: { background?: boolean } = {}): void {
    if (this.shutDown) return;
    if (delayMs <= 0) return this.add(key);
    const at = this.kernel.now + delayMs;
    const pending = this.waiting.get(key);
    if (pending && pending.at <= at) return;
    pending?.timer.cancel();
    const timer = this.kernel.after(
      delayMs,
      () => {
        this.waiting.delete(key);
        this.add(key);
      },
      { background: opts.background },
    );
    this.waiting.set(key, { at, timer });
  }

  /** Adds `key` after its exponential back-off (5 ms, 10 ms, 20 ms, … up to 1000 s); returns the delay. */
  addRateLimited(key: string): number {
    const delay = this.limiter.when(key);
    this.addAfter(key, delay);
    return delay;
  }

  forget(key: string): void {
    this.limiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.limiter.numRequeues(key);
  }

  /** Drops every key and pending delay; later adds are ignored. */
  shutdown(): void {
    this.shutDown = true;
    for (const w of this.waiting.values()) w.timer.cancel();
    this.waiting.clear();
    this.queue.length = 0;
    this.head = 0;
    // Keys still being processed stay counted until their `done`.
    for (const [key, state] of this.states) {
      if (state & PROCESSING) this.states.set(key, PROCESSING);
      else this.states.delete(key);
    }
  }
}
