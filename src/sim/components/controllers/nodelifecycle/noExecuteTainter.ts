/**
 * The per-zone RateLimitedTimedQueue that adds NoExecute taints: nodes wait in FIFO order and
 * each zone adds at most one taint per 1/qps seconds (token bucket, burst 1), so a zone losing
 * many nodes at once is tainted gradually; a qps of 0 stops tainting in that zone.
 */
export class NoExecuteTainter {
  private readonly queues = new Map<string, string[]>();
  private readonly nextAllowed = new Map<string, number>();
  private readonly qps = new Map<string, number>();

  constructor(private readonly defaultQps: number) {}

  /** Queues a node (no-op if already queued). Returns true if it was added. */
  add(zone: string, node: string): boolean {
    const q = this.queue(zone);
    if (q.includes(node)) return false;
    q.push(node);
    return true;
  }

  /** Removes a node from its zone's queue. Returns true if it was there. */
  remove(zone: string, node: string): boolean {
    const q = this.queue(zone);
    const i = q.indexOf(node);
    if (i < 0) return false;
    q.splice(i, 1);
    return true;
  }

  setQps(zone: string, qps: number): void {
    this.qps.set(zone, qps);
  }

  /**
   * Takes the nodes allowed now, in order. `tryTaint` returns false to keep a node queued
   * (e.g. it cannot be read); a node that is taken uses up the zone's token.
   */
  take(zone: string, now: number, tryTaint: (node: string) => boolean): void {
    const q = this.queue(zone);
    const qps = this.qps.get(zone) ?? this.defaultQps;
    while (q.length > 0) {
      if (qps <= 0) return;
      if ((this.nextAllowed.get(zone) ?? -Infinity) > now) return;
      const node = q[0];
      if (!tryTaint(node)) return;
      q.shift();
      this.nextAllowed.set(zone, now + 1000 / qps);
    }
  }

  zones(): string[] {
    return [...this.queues.keys()];
  }

  queued(zone: string): readonly string[] {
    return this.queue(zone);
  }

  private queue(zone: string): string[] {
    let q = this.queues.get(zone);
    if (!q) this.queues.set(zone, (q = []));
    return q;
  }
}
