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
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
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
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
