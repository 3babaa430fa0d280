import type { Node, Pod } from "../../api/types";
import type { ClusterEvent } from "./schedulingQueue";

/** Succeeded and Failed pods hold no resources (the real scheduler's informer filters them out). */
export function isTerminal(p: Pod): boolean {
  return p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
}

/** The pod asks for this scheduler (an empty schedulerName means the default one). */
export function responsibleFor(p: Pod, schedulerName: string): boolean {
  return (p.spec.schedulerName ?? "default-scheduler") === schedulerName;
}

/** Same keys and values (no string building: this runs on every pod status update). */
export function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if ((a ?? {})[k] !== (b ?? {})[k]) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * What a node add/update means for waiting pods. Heartbeats (conditions, timestamps) mean
 * nothing; taints, cordons, labels and allocatable do.
 */
export function nodeEvents(old: Node | undefined, n: Node): ClusterEvent[] {
  if (!old) return ["NodeAdd"];
  const out: ClusterEvent[] = [];
  if (!sameJson(old.spec.taints, n.spec.taints) || (old.spec.unschedulable ?? false) !== (n.spec.unschedulable ?? false)) out.push("NodeTaintChange");
  if (!sameJson(old.metadata.labels, n.metadata.labels)) out.push("NodeLabelChange");
  if (!sameJson(old.status?.allocatable, n.status?.allocatable)) out.push("NodeAllocatableChange");
  return out;
}
