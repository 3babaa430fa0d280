/** A node event as the kubelet recorded it, waiting for its turn to be written. */
export interface QueuedNodeEvent {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  /** Virtual ms when it happened (Eventf's timestamp), not when it is written. */
  at: number;
}

/**
 * The kubelet's node events, written one at a time, each after the previous one's answer, as
 * client-go's event broadcaster writes them: a repeat (the status setters' events again after a
 * restart) then finds the Event the first one created and bumps its count instead of creating
 * another. A new kubelet process starts it held until its registration request is answered, so
 * the Node's POST goes out first.
 */
export class NodeEventQueue {
  private readonly queue: QueuedNodeEvent[] = [];
  private inFlight = false;
  private held = false;

  constructor(
    /** Writes one event; `answered` is called with the API's answer. */
    private readonly write: (ev: QueuedNodeEvent, answered: () => void) => void,
    /** Calls `fn` once the client would have given up on an answer (one lost to a partition must not hold the queue). */
    private readonly giveUp: (fn: () => void) => void,
  ) {}

  /** A new kubelet process: nothing queued, nothing in flight, held until `release`. */
  restart(): void {
    this.queue.length = 0;
    this.inFlight = false;
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.flush();
  }

  push(ev: QueuedNodeEvent): void {
    this.queue.push(ev);
    this.flush();
  }

  private flush(): void {
    if (this.inFlight || this.held) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = true;
    let done = false;
    const answered = () => {
      if (done) return;
      done = true;
      this.inFlight = false;
      this.flush();
    };
    this.giveUp(answered);
    this.write(next, answered);
  }
}
