import { EventQueue, runTask, type QueuedTask } from "./eventQueue";
import { Rng } from "./rng";
import { TraceRecorder, type TraceInput } from "./trace";

/** Lower runs first among tasks due at the same virtual millisecond. */
export const Priority = { fault: 0, message: 10, timer: 20, background: 30 } as const;

export interface Timer {
  cancel(): void;
}

/**
 * The simulation kernel: virtual clock, event queue, seeded rng and trace. Components
 * schedule work and send messages only through it, so one seed and one input sequence
 * always give the same run.
 */
export class Kernel {
  private clock = 0;
  private readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly trace: TraceRecorder;
  /** Tasks run so far (benchmarks report it). */
  processed = 0;
  private foreground = 0;

  constructor(seed: number, traceRetention = Infinity) {
    this.rng = new Rng(seed);
    this.trace = new TraceRecorder(traceRetention);
  }

  get now(): number {
    return this.clock;
  }

  /** Pending tasks (including cancelled ones not yet popped). */
  get pending(): number {
    return this.queue.size;
  }

  /** Virtual time of the next pending task, or undefined when idle. */
  get nextAt(): number | undefined {
    this.dropCancelled();
    return this.queue.peek()?.at;
  }

  /**
   * Runs `run` after `delayMs` of virtual time. Background timers (heartbeats, periodic
   * monitors) do not count as pending work when the cluster settles.
   */
  after(delayMs: number, run: () => void, opts?: { background?: boolean; priority?: number }): Timer {
    const background = opts?.background ?? false;
    const task = this.queue.push(this.clock + Math.max(0, delayMs), opts?.priority ?? Priority.timer, run, background);
    if (!background) this.foreground++;
    return new TimerHandle(this, task);
  }

  /** A timer was cancelled before it ran (TimerHandle's bookkeeping; not for components). */
  cancelTimer(task: QueuedTask): void {
    if (task.cancelled) return;
    task.cancelled = true;
    if (!task.background) this.foreground--;
  }

  /** True while any message or non-background timer is pending. */
  get busy(): boolean {
    return this.foreground > 0;
  }

  /**
   * Sends a message: records it in the trace now and runs `deliver` when it arrives.
   * `build` is only called when someone reads the trace, so the hot path stays cheap.
   */
  send(latencyMs: number, build: (() => TraceInput) | null, deliver: () => void): void {
    this.sendTo(latencyMs, build, deliver, undefined);
  }

  /** `send` that delivers by calling `deliver(arg)`: one shared function per receiver, no closure per message. */
  sendTo<A>(latencyMs: number, build: (() => TraceInput) | null, deliver: (arg: A) => void, arg: A): void {
    const arrives = this.clock + latencyMs;
    if (build && this.trace.active) this.trace.record(this.clock, arrives, build());
    this.queue.push(arrives, Priority.message, deliver, false, arg);
    this.foreground++;
  }

  /** Records a step inside one component (no delivery). */
  note(build: () => TraceInput): void {
    if (this.trace.active) this.trace.record(this.clock, this.clock, build());
  }

  /** Runs the next task. Returns false when nothing is pending. */
  step(): boolean {
    this.dropCancelled();
    const task = this.queue.pop();
    if (!task) return false;
    this.run(task);
    return true;
  }

  /** Runs every task due up to `untilMs`, then sets the clock to `untilMs`. */
  runUntil(untilMs: number): void {
    const q = this.queue;
    for (;;) {
      let next = q.peek();
      while (next !== undefined && next.cancelled) {
        q.pop();
        next = q.peek();
      }
      if (next === undefined || next.at > untilMs) break;
      q.pop();
      this.run(next);
    }
    if (untilMs > this.clock) this.clock = untilMs;
  }

  private run(task: QueuedTask): void {
    this.clock = task.at;
    this.processed++;
    if (!task.background) this.foreground--;
    runTask(task);
  }

  private dropCancelled(): void {
    while (this.queue.peek()?.cancelled) this.queue.pop();
  }
}

/** What `after` returns: one small object per timer (no closures). */
class TimerHandle implements Timer {
  constructor(
    private readonly kernel: Kernel,
    private readonly task: QueuedTask,
  ) {}

  cancel(): void {
    this.kernel.cancelTimer(this.task);
  }
}
