import type { TraceEvent } from "../../sim/runtime/trace";

export interface NarrationEntry {
  seq: number;
  at: number;
  from: string;
  to: string;
  summary: string;
  text: string;
}

export interface NarrationState {
  narration: readonly NarrationEntry[];
  /** The hop Step stopped on, shown prominently until playback resumes. */
  focusSeq: number | null;
}

export const NARRATION_LIMIT = 200;

export function initialNarration(): NarrationState {
  return { narration: [], focusSeq: null };
}

export function toNarration(e: TraceEvent): NarrationEntry {
  return { seq: e.seq, at: e.at, from: e.from, to: e.to, summary: e.summary, text: e.narration };
}

export function addNarration(state: NarrationState, entries: readonly NarrationEntry[]): NarrationState {
  if (entries.length === 0) return state;
  const all = [...state.narration, ...entries];
  return { ...state, narration: all.length > NARRATION_LIMIT ? all.slice(-NARRATION_LIMIT) : all };
}
