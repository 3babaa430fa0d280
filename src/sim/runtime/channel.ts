import type { Kernel } from "./kernel";
import type { TraceInput } from "./trace";

/**
 * One ordered connection (a TCP stream): messages arrive in the order they were sent even when
 * their drawn latencies differ, as a watch stream or an HTTP/2 connection guarantees.
 */
export class Channel {
  private lastArrival = 0;

  constructor(private readonly kernel: Kernel) {}

  send(latencyMs: number, build: (() => TraceInput) | null, deliver: () => void): void {
    this.sendTo(latencyMs, build, deliver, undefined);
  }

  /** `send` that delivers by calling `deliver(arg)` (see Kernel.sendTo). */
  sendTo<A>(latencyMs: number, build: (() => TraceInput) | null, deliver: (arg: A) => void, arg: A): void {
    const arrival = Math.max(this.kernel.now + latencyMs, this.lastArrival);
    this.lastArrival = arrival;
    this.kernel.sendTo(arrival - this.kernel.now, build, deliver, arg);
  }
}
