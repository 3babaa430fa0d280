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
    const arrival = Math.max(this.kernel.now + latencyMs, this.lastArrival);
    this.lastArrival = arrival;
    this.kernel.send(arrival - this.kernel.now, build, deliver);
  }
}
