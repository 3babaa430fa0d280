import type { Node, Pod, Taint } from "../sim/api/types";
import type { AppState } from "./appStore";
import { podStatus } from "./podStatus";

export type NodeReadiness = "Ready" | "NotReady" | "Unknown";

export interface NodeView {
  name: string;
  readiness: NodeReadiness;
  unschedulable: boolean;
  /** `node.kubernetes.io/unreachable:NoExecute`, as kubectl describe prints taints. */
  taints: string;
}

export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`;
}

/** A node's readiness as `kubectl get nodes` prints it (NotReady for False and Unknown). */
export function nodeReadiness(node: Node): NodeReadiness {
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  if (!ready) return "Unknown";
  return ready.status === "True" ? "Ready" : "NotReady";
}

/** Selectors return primitives or stable references so components re-render only on change. */
export const selectNodeReadiness = (name: string) => (s: AppState): NodeReadiness | null => {
  const n = s.objects.nodes.get(name) as Node | undefined;
  return n ? nodeReadiness(n) : null;
};

export const selectNodeTaints = (name: string) => (s: AppState): string => {
  const n = s.objects.nodes.get(name) as Node | undefined;
  return (n?.spec.taints ?? []).map(taintString).join(", ");
};

export const selectPod = (key: string) => (s: AppState): Pod | undefined => s.objects.pods.get(key) as Pod | undefined;

export const selectPodStatus = (key: string) => (s: AppState): string | null => {
  const p = s.objects.pods.get(key) as Pod | undefined;
  return p ? podStatus(p) : null;
};

/** True once the booted cluster's components are in the store (before that the diagram draws the plan). */
export const selectLive = (s: AppState): boolean => s.componentOrder.length > 0;

export type ComponentState = "starting" | "running" | "stopped";

export const selectComponentState = (id: string) => (s: AppState): ComponentState => {
  if (!selectLive(s)) return "starting";
  return s.components[id]?.running ?? true ? "running" : "stopped";
};

export const selectComponentActive = (id: string) => (s: AppState): boolean => (s.active[id] ?? 0) > 0;

/** Status counts of a set of pods (collapsed groups). */
export function statusCounts(s: AppState, keys: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) {
    const p = s.objects.pods.get(k) as Pod | undefined;
    if (!p) continue;
    const st = podStatus(p);
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** The narration entry Step stopped on, or the latest one. */
export const selectCurrentNarration = (s: AppState) => {
  if (s.focusSeq !== null) return s.narration.find((n) => n.seq === s.focusSeq) ?? s.narration[s.narration.length - 1] ?? null;
  return s.narration[s.narration.length - 1] ?? null;
};
