import type { KubeEvent } from "../../sim/api/types";
import type { ObjectChange } from "../../sim/clusterTypes";
import type { TraceEvent } from "../../sim/runtime/trace";

export type MarkTone = "user" | "progress" | "warning" | "fault";

/** A notable moment on the timeline strip. */
export interface TimelineMark {
  id: string;
  at: number;
  label: string;
  detail: string;
  tone: MarkTone;
}

export interface TimelineState {
  marks: readonly TimelineMark[];
  selectedMark: string | null;
}

export const MARK_LIMIT = 400;

export function initialTimeline(): TimelineState {
  return { marks: [], selectedMark: null };
}

/** Event reasons worth a mark: the lifecycle a learner follows, and the failures. */
const NOTABLE_REASONS: Record<string, MarkTone> = {
  Scheduled: "progress",
  FailedScheduling: "warning",
  Pulled: "progress",
  Started: "progress",
  Killing: "progress",
  BackOff: "warning",
  Failed: "warning",
  Unhealthy: "warning",
  NodeNotReady: "warning",
  NodeReady: "progress",
  TaintManagerEviction: "warning",
  ScalingReplicaSet: "progress",
  SuccessfulCreate: "progress",
  SuccessfulDelete: "progress",
  RegisteredNode: "progress",
  RemovingNode: "warning",
};

/** A mark for a user request (kubectl changing something) or an injected fault. */
export function markFromTrace(e: TraceEvent): TimelineMark | null {
  if (e.kind === "fault") return { id: `t${e.seq}`, at: e.at, label: e.summary, detail: e.narration, tone: "fault" };
  if (e.from === "kubectl" && e.kind === "request" && e.verb && !["get", "list", "watch"].includes(e.verb)) {
    return { id: `t${e.seq}`, at: e.at, label: e.summary, detail: e.narration, tone: "user" };
  }
  return null;
}

/** A mark for a Kubernetes Event worth showing (node events once per node, not per pod). */
export function markFromChange(c: ObjectChange, at: number): TimelineMark | null {
  if (c.resource !== "events" || c.type !== "ADDED") return null;
  const ev = c.object as KubeEvent;
  const tone = NOTABLE_REASONS[ev.reason];
  if (!tone) return null;
  if (ev.reason === "NodeNotReady" && ev.involvedObject.kind !== "Node") return null;
  return {
    id: `e${c.revision}`,
    at,
    label: `${ev.reason} ${ev.involvedObject.name}`,
    detail: ev.message,
    tone: ev.type === "Warning" && tone === "progress" ? "warning" : tone,
  };
}

export function addMarks(state: TimelineState, marks: readonly TimelineMark[]): TimelineState {
  if (marks.length === 0) return state;
  const all = [...state.marks, ...marks];
  return { ...state, marks: all.length > MARK_LIMIT ? all.slice(-MARK_LIMIT) : all };
}
