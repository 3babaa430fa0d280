import type { TimelineMark } from "../../store";

/** The timeline's scale: a round span just above the elapsed time, so marks move rarely. */
export function timelineSpan(elapsedMs: number): number {
  const steps = [60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 86_400_000];
  for (const s of steps) if (elapsedMs <= s * 0.95) return s;
  return Math.ceil(elapsedMs / 86_400_000 + 0.05) * 86_400_000;
}

const TONE_RANK: Record<TimelineMark["tone"], number> = { fault: 3, warning: 2, user: 1, progress: 0 };

export interface MarkBucket {
  /** Position along the track, 0…1. */
  pos: number;
  /** The most telling mark in the bucket (faults over warnings over user actions). */
  mark: TimelineMark;
  count: number;
}

/** Marks that would overlap on the track share one button. */
export function bucketMarks(marks: readonly TimelineMark[], origin: number, span: number, buckets = 160): MarkBucket[] {
  const byIndex = new Map<number, MarkBucket>();
  for (const m of marks) {
    const pos = Math.min(1, Math.max(0, (m.at - origin) / span));
    const i = Math.round(pos * buckets);
    const b = byIndex.get(i);
    if (!b) byIndex.set(i, { pos: i / buckets, mark: m, count: 1 });
    else {
      b.count++;
      if (TONE_RANK[m.tone] > TONE_RANK[b.mark.tone]) b.mark = m;
    }
  }
  return [...byIndex.values()];
}
