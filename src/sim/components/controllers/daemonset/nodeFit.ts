import type { Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from "../../../api/types";
import { taintTolerated } from "../tainteviction";

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(values[0], 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === "Gt" ? a > b : a < b;
    }
  }
}

/** A term matches when all its expressions (labels) and fields (metadata.name only) match; an empty term matches nothing. */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) if (!requirementMatches(r, r.key === "metadata.name" ? node.metadata.name : undefined)) return false;
  return true;
}

/** nodeSelector plus requiredDuringSchedulingIgnoredDuringExecution (terms are ORed). */
export function fitsNodeAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((t) => termMatches(t, node));
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` when the pod fits the node's name, affinity and every
 * NoSchedule/NoExecute taint; `shouldContinueRunning` when only NoExecute taints are tolerated
 * (a running daemon pod is not removed for a new NoSchedule taint such as a cordon).
 */
export function nodeShouldRunDaemonPod(spec: PodSpec, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const name = node.metadata.name ?? "";
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!fitsNodeAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  let noSchedule = true;
  let noExecute = true;
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === "PreferNoSchedule") continue;
    if (taintTolerated(taint, spec.tolerations)) continue;
    if (taint.effect === "NoExecute") noExecute = false;
    else noSchedule = false;
  }
  return { shouldRun: noSchedule && noExecute, shouldContinueRunning: noExecute };
}
