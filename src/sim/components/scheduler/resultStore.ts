import { summarize, type SchedulingResult } from "./schedulingResult";

export const DEFAULT_DETAILED_RESULTS = 2_000;
export const DEFAULT_SUMMARY_RESULTS = 50_000;

/**
 * The last scheduling attempt of each pod, for the inspector. Memory is bounded: the most
 * recent `detailed` attempts keep their per-node verdicts and scores, older ones only their
 * summary, and beyond `summaries` pods the oldest are forgotten.
 */
export class ResultStore {
  /** Pod key → its last result; Map order is recency (oldest first). */
  private readonly byPod = new Map<string, SchedulingResult>();
  /** Detailed results, oldest first (may hold superseded entries, skipped when trimming). */
  private detailedQueue: SchedulingResult[] = [];
  private detailedHead = 0;
  private detailedCount = 0;

  constructor(
    private readonly detailed = DEFAULT_DETAILED_RESULTS,
    private readonly summaries = DEFAULT_SUMMARY_RESULTS,
  ) {}

  get size(): number {
    return this.byPod.size;
  }

  get(podKey: string): SchedulingResult | undefined {
    return this.byPod.get(podKey);
  }

  /** The most recent results, newest first. */
  recent(limit = 20): SchedulingResult[] {
    const all = [...this.byPod.values()];
    return all.slice(Math.max(0, all.length - limit)).reverse();
  }

  record(r: SchedulingResult): void {
    const prev = this.byPod.get(r.podKey);
    if (prev) {
      this.byPod.delete(r.podKey);
      if (prev.detailed) {
        summarize(prev);
        this.detailedCount--;
      }
    }
    this.byPod.set(r.podKey, r);
    if (r.detailed) {
      this.detailedQueue.push(r);
      this.detailedCount++;
    }
    while (this.detailedCount > this.detailed && this.detailedHead < this.detailedQueue.length) {
      const old = this.detailedQueue[this.detailedHead++];
      if (old.detailed) {
        summarize(old);
        this.detailedCount--;
      }
    }
    // Compact the queue now and then instead of shifting on every record.
    if (this.detailedHead > 1024 && this.detailedHead * 2 > this.detailedQueue.length) {
      this.detailedQueue = this.detailedQueue.slice(this.detailedHead).filter((x) => x.detailed);
      this.detailedHead = 0;
    }
    while (this.byPod.size > this.summaries) {
      const oldest = this.byPod.keys().next().value as string;
      const gone = this.byPod.get(oldest);
      this.byPod.delete(oldest);
      if (gone?.detailed) {
        summarize(gone);
        this.detailedCount--;
      }
    }
  }

  /** The pod is gone: forget its result. */
  forget(podKey: string): void {
    const r = this.byPod.get(podKey);
    if (!r) return;
    this.byPod.delete(podKey);
    if (r.detailed) {
      summarize(r);
      this.detailedCount--;
    }
  }
}
