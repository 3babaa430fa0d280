/**
 * The simulation's one queue of future work, ordered by (at, priority, seq). `seq` is the
 * insertion counter, so ties resolve in the order work was scheduled and a run is reproducible.
 */
export interface QueuedTask {
  at: number;
  priority: number;
  seq: number;
  /** Called with `arg` (see runTask): a message's target and its payload need no closure between them. */
  run: (arg: never) => void;
  arg: unknown;
  cancelled: boolean;
  /** Periodic housekeeping (heartbeats, resyncs): does not keep the cluster from settling. */
  background: boolean;
}

/** Runs a task: `push` paired `run` with an `arg` of its parameter type, which the task no longer names. */
export function runTask(task: QueuedTask): void {
  task.run(task.arg as never);
}

/** The tasks of one priority due at one instant, in insertion (so seq) order. */
interface Lane {
  readonly priority: number;
  readonly tasks: QueuedTask[];
  head: number;
}

/** Everything due at one instant: its lanes sorted by priority. */
interface Bucket {
  readonly at: number;
  readonly lanes: Lane[];
}

/**
 * Tasks are grouped by the instant they are due: a busy cluster queues about twenty tasks per
 * virtual millisecond, so a push usually appends to an existing instant's lane and a pop takes
 * the next task of the earliest instant. Only instants go through the min-heap, once each.
 */
export class EventQueue {
  private readonly buckets = new Map<number, Bucket>();
  /** Min-heap of the instants that have a bucket. */
  private readonly instants: number[] = [];
  /** The bucket of the earliest instant (`instants[0]`): peek and pop need no lookup. */
  private first: Bucket | undefined;
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  push<A>(at: number, priority: number, run: (arg: A) => void, background = false, arg?: A): QueuedTask {
    const task: QueuedTask = { at, priority, seq: this.nextSeq++, run, arg, cancelled: false, background };
    let bucket = this.buckets.get(at);
    if (!bucket) {
      bucket = { at, lanes: [] };
      this.buckets.set(at, bucket);
      this.heapPush(at);
      if (this.first === undefined || at < this.first.at) this.first = bucket;
    }
    laneFor(bucket, priority).tasks.push(task);
    this.count++;
    return task;
  }

  peek(): QueuedTask | undefined {
    if (this.count === 0) return undefined;
    const lane = firstLane(this.first!);
    return lane.tasks[lane.head];
  }

  pop(): QueuedTask | undefined {
    if (this.count === 0) return undefined;
    const bucket = this.first!;
    const lane = firstLane(bucket);
    const task = lane.tasks[lane.head];
    lane.tasks[lane.head++] = undefined as unknown as QueuedTask;
    this.count--;
    if (lane.head === lane.tasks.length) {
      bucket.lanes.shift(); // the drained lane is the first
      if (bucket.lanes.length === 0) {
        this.buckets.delete(bucket.at);
        this.heapPop();
        this.first = this.instants.length ? this.buckets.get(this.instants[0]) : undefined;
      }
    }
    return task;
  }

  private heapPush(at: number): void {
    const h = this.instants;
    let i = h.length;
    h.push(at);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= at) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = at;
  }

  private heapPop(): void {
    const h = this.instants;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && h[r] < h[l] ? r : l;
      if (h[m] >= last) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = last;
  }
}

/** The bucket's lane for `priority`, made (in priority order) if it has none. */
function laneFor(bucket: Bucket, priority: number): Lane {
  const lanes = bucket.lanes;
  let i = 0;
  for (; i < lanes.length; i++) {
    const p = lanes[i].priority;
    if (p === priority) return lanes[i];
    if (p > priority) break;
  }
  const lane: Lane = { priority, tasks: [], head: 0 };
  if (i === lanes.length) lanes.push(lane);
  else lanes.splice(i, 0, lane);
  return lane;
}

/** The lowest-priority-value lane (lanes are removed once drained, so it has a task). */
function firstLane(bucket: Bucket): Lane {
  return bucket.lanes[0];
}
