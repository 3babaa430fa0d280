/**
 * The simulation's one queue of future work: a binary min-heap ordered by
 * (at, priority, seq). `seq` is the insertion counter, so ties resolve in the order work was
 * scheduled and a run is reproducible.
 */
export interface QueuedTask {
  at: number;
  priority: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
  /** Periodic housekeeping (heartbeats, resyncs): does not keep the cluster from settling. */
  background: boolean;
}

function before(a: QueuedTask, b: QueuedTask): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class EventQueue {
  private heap: QueuedTask[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, priority: number, run: () => void, background = false): QueuedTask {
    const task: QueuedTask = { at, priority, seq: this.nextSeq++, run, cancelled: false, background };
    const h = this.heap;
    // Sift up by moving parents down into the hole (no swaps, no temporary arrays).
    let i = h.length;
    h.push(task);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent];
      if (!before(task, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = task;
    return task;
  }

  peek(): QueuedTask | undefined {
    return this.heap[0];
  }

  pop(): QueuedTask | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      // Sift the last task down from the root, moving smaller children up into the hole.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(h[r], h[l]) ? r : l;
        if (!before(h[m], last)) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
