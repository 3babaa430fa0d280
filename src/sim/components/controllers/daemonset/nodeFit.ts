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
  const selector = spec.nodeSelector;
  if (selector) for (const k in selector) if (labels[k] !== selector[k]) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((t) => termMatches(t, node));
}

interface NodeFit {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
}
const BOTH: NodeFit = { shouldRun: true, shouldContinueRunning: true };
const CONTINUE_ONLY: NodeFit = { shouldRun: false, shouldContinueRunning: true };
const NEITHER: NodeFit = { shouldRun: false, shouldContinueRunning: false };

/**
 * NodeShouldRunDaemonPod: `shouldRun` when the pod fits the node's name, affinity and every
 * NoSchedule/NoExecute taint; `shouldContinueRunning` when only NoExecute taints are tolerated
 * (a running daemon pod is not removed for a new NoSchedule taint such as a cordon).
 */
export function nodeShouldRunDaemonPod(spec: PodSpec, node: Node): NodeFit {
  // Every sync asks this for every node; nodes and specs are immutable objects, so remember the
  // last answer per node (one DaemonSet's spec at a time is enough to make syncs cheap).
  const hit = fits.get(node);
  if (hit && hit.spec === spec) return hit.fit;
  const fit = computeFit(spec, node);
  fits.set(node, { spec, fit });
  return fit;
}

const fits = new WeakMap<Node, { spec: PodSpec; fit: NodeFit }>();

function computeFit(spec: PodSpec, node: Node): NodeFit {
  const name = node.metadata.name ?? "";
  if (spec.nodeName && spec.nodeName !== name) return NEITHER;
  if (!fitsNodeAffinity(spec, node)) return NEITHER;
  let noSchedule = true;
  let noExecute = true;
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === "PreferNoSchedule") continue;
    if (taintTolerated(taint, spec.tolerations)) continue;
    if (taint.effect === "NoExecute") noExecute = false;
    else noSchedule = false;
  }
  return noExecute ? (noSchedule ? BOTH : CONTINUE_ONLY) : NEITHER;
}
