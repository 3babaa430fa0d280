import type { LabelSelector, TopologySpreadConstraint } from "../../../api/types";
import { MAX_NODE_SCORE, SKIP, status, type FilterPlugin, type FilterStatus, type ScorePlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";
import type { PodInfo } from "../podInfo";
import { compileLabelSelector } from "../selectors";
import type { SelectorCounts } from "../selectorCounts";
import type { Snapshot } from "../snapshot";
import { requiredNodeAffinity } from "./nodeAffinity";

export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = `${ErrReasonConstraintsNotMatch} (missing required label)`;
const SKEW = status("PodTopologySpread", "Unschedulable", ErrReasonConstraintsNotMatch);
const MISSING_LABEL = status("PodTopologySpread", "UnschedulableAndUnresolvable", ErrReasonNodeLabelNotMatch);

export const HOSTNAME = "kubernetes.io/hostname";
export const ZONE = "topology.kubernetes.io/zone";

/** The system default constraints (v1.24+): soft spreading by hostname (skew 3) and zone (skew 5). */
export const DEFAULT_CONSTRAINTS: readonly Omit<TopologySpreadConstraint, "labelSelector">[] = [
  { topologyKey: HOSTNAME, maxSkew: 3, whenUnsatisfiable: "ScheduleAnyway" },
  { topologyKey: ZONE, maxSkew: 5, whenUnsatisfiable: "ScheduleAnyway" },
];

/**
 * helper.DefaultSelector's practical result: the selector of the controller owning the pod.
 * Without a ReplicaSet/Service lister this is the pod's own labels when a ReplicaSet,
 * StatefulSet or ReplicationController controls it (their selectors are its template labels),
 * and nothing otherwise (DaemonSet and bare pods get no default spreading).
 */
export function ownerLabelsSelector(pod: PodInfo): LabelSelector | undefined {
  const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
  if (!owner || !["ReplicaSet", "StatefulSet", "ReplicationController"].includes(owner.kind)) return undefined;
  return Object.keys(pod.labels).length > 0 ? { matchLabels: { ...pod.labels } } : undefined;
}

interface Constraint {
  readonly topologyKey: string;
  readonly maxSkew: number;
  readonly counts: SelectorCounts;
  readonly selfMatch: number;
}

function constraintsOf(pod: PodInfo, snapshot: Snapshot, when: "DoNotSchedule" | "ScheduleAnyway", defaultSelector: (p: PodInfo) => LabelSelector | undefined): Constraint[] {
  const own = pod.pod.spec.topologySpreadConstraints ?? [];
  if (own.length > 0) {
    return own
      .filter((c) => c.whenUnsatisfiable === when)
      .map((c) => ({
        topologyKey: c.topologyKey,
        maxSkew: c.maxSkew,
        // A constraint without a selector counts nothing (labels.Nothing()).
        counts: snapshot.spreadCounts(pod.namespace, c.labelSelector ?? { matchExpressions: [{ key: "\u0000none", operator: "Exists" }] }),
        selfMatch: compileLabelSelector(c.labelSelector)(pod.labels) ? 1 : 0,
      }));
  }
  if (when === "DoNotSchedule") return [];
  const selector = defaultSelector(pod);
  if (!selector) return [];
  const counts = snapshot.spreadCounts(pod.namespace, selector);
  return DEFAULT_CONSTRAINTS.map((c) => ({ topologyKey: c.topologyKey, maxSkew: c.maxSkew, counts, selfMatch: 1 }));
}

/** A node's value for a topology key (hostname and zone are cached on the NodeInfo). */
function labelOf(node: NodeInfo, key: string): string | undefined {
  return key === HOSTNAME ? node.hostname : key === ZONE ? node.zone : node.labels[key];
}

function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (labelOf(node, c.topologyKey) === undefined) return false;
  return true;
}

/** Filter for the pod's DoNotSchedule constraints: matching pods + self − global minimum ≤ maxSkew. */
function prepareFilter(pod: PodInfo, snapshot: Snapshot, defaultSelector: (p: PodInfo) => LabelSelector | undefined) {
  const constraints = constraintsOf(pod, snapshot, "DoNotSchedule", defaultSelector);
  if (constraints.length === 0) return SKIP;
  const affinity = requiredNodeAffinity(pod.pod);
  // Pair counts and the minimum over every eligible domain (nodes matching the pod's node
  // affinity and carrying all the constraints' keys).
  const pairs = constraints.map(() => new Map<string, number>());
  for (const node of snapshot.nodes()) {
    if (affinity && !affinity(node.name, node.labels)) continue;
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      const v = labelOf(node, c.topologyKey) ?? "";
      pairs[i].set(v, (pairs[i].get(v) ?? 0) + c.counts.countOf(node));
    });
  }
  const mins = pairs.map((m) => (m.size === 0 ? 0 : Math.min(...m.values())));
  const filter = (node: NodeInfo): FilterStatus | null => {
    if (!hasAllKeys(node, constraints)) return MISSING_LABEL;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      const matchNum = pairs[i].get(labelOf(node, c.topologyKey) ?? "") ?? 0;
      if (matchNum + c.selfMatch - mins[i] > c.maxSkew) return SKEW;
    }
    return null;
  };
  return { kind: "run" as const, filter };
}

/** Up to this many distinct domains are tracked in small arrays rather than looked up in maps. */
const SMALL_DOMAINS = 8;

/** ln(domains + 2): more domains weigh a domain's count more. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** `maxSkew − 1` waters down differences between domains. */
export function scoreForCount(cnt: number, maxSkew: number, weight: number): number {
  return cnt * weight + (maxSkew - 1);
}

const HOST_SKEW = DEFAULT_CONSTRAINTS[0].maxSkew - 1;
const ZONE_SKEW = DEFAULT_CONSTRAINTS[1].maxSkew - 1;

/** Fewer matching pods is better: max + min − score, scaled by max (no node ignored). */
function normalizeAll(scores: Float64Array): void {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] < min) min = scores[i];
    if (scores[i] > max) max = scores[i];
  }
  for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
}

/**
 * The system default constraints (hostname, then zone) for a pod without required node
 * affinity: no node is ignored, every live node's matching pods count, so a zone's total is
 * the counts' running per-zone sum, and the zone domains are found as soon as every zone the
 * cluster has turned up among the feasible nodes. Same arithmetic as the general path.
 */
function prepareDefaultScore(counts: SelectorCounts, snapshot: Snapshot, feasible: readonly NodeInfo[]) {
  const zones: number[] = [];
  const allZones = snapshot.liveZones;
  for (let i = 0; i < feasible.length && zones.length < allZones; i++) {
    const z = feasible[i].zoneIndex;
    if (!zones.includes(z)) zones.push(z);
  }
  const hostWeight = topologyNormalizingWeight(feasible.length);
  const zoneWeight = topologyNormalizingWeight(zones.length);
  const perZone = counts.perZone;
  const { hasHostname, zone } = snapshot.columns;
  // By node id: the columns say whether the node has each label (and its zone's index).
  const scoreAt = (id: number): number => {
    let s = 0;
    if (hasHostname[id] === 1) s += counts.countAt(id) * hostWeight + HOST_SKEW;
    const z = zone[id];
    if (z >= 0) s += perZone[z] * zoneWeight + ZONE_SKEW;
    return Math.round(s);
  };
  const score = (node: NodeInfo): number => scoreAt(node.id);
  const scoreAll = (nodes: readonly NodeInfo[], ids: Int32Array, out: Float64Array) => {
    for (let i = 0; i < nodes.length; i++) out[i] = scoreAt(ids[i]);
  };
  return { kind: "run" as const, score, scoreAll, normalize: normalizeAll };
}

function prepareScore(pod: PodInfo, snapshot: Snapshot, feasible: readonly NodeInfo[], defaultSelector: (p: PodInfo) => LabelSelector | undefined) {
  if (feasible.length === 0) return SKIP;
  const constraints = constraintsOf(pod, snapshot, "ScheduleAnyway", defaultSelector);
  if (constraints.length === 0) return SKIP;
  // Only the system defaults tolerate nodes lacking a topology label (hostname spreading still works).
  const requireAll = (pod.pod.spec.topologySpreadConstraints ?? []).length > 0;
  const affinity = requiredNodeAffinity(pod.pod);
  if (!requireAll && !affinity) return prepareDefaultScore(constraints[0].counts, snapshot, feasible);
  const ignored = new Set<NodeInfo>();
  const domainCounts = constraints.map(() => new Map<string, number>());
  // Domains seen so far (a handful of zones): most nodes find theirs here without hashing.
  const seen: string[][] = constraints.map(() => []);
  for (const node of feasible) {
    if (requireAll && !hasAllKeys(node, constraints)) {
      ignored.add(node);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const key = constraints[i].topologyKey;
      if (key === HOSTNAME) continue;
      const v = labelOf(node, key) ?? "";
      const known = seen[i];
      if (known.includes(v)) continue;
      if (known.length < SMALL_DOMAINS) known.push(v);
      domainCounts[i].set(v, 0);
    }
  }
  const weights = constraints.map((c, i) => topologyNormalizingWeight(c.topologyKey === HOSTNAME ? feasible.length - ignored.size : domainCounts[i].size));
  // Domain totals from the nodes that hold matching pods (never a scan of every node).
  constraints.forEach((c, i) => {
    if (c.topologyKey === HOSTNAME) return;
    for (const [nodeName, cnt] of c.counts.perNode) {
      const node = snapshot.node(nodeName);
      if (!node) continue;
      if (affinity && !affinity(node.name, node.labels)) continue;
      if (requireAll && !hasAllKeys(node, constraints)) continue;
      const v = labelOf(node, c.topologyKey) ?? "";
      const cur = domainCounts[i].get(v);
      if (cur !== undefined) domainCounts[i].set(v, cur + cnt);
    }
  });
  const hostname = constraints.map((c) => c.topologyKey === HOSTNAME);
  // Few domains: their totals as parallel arrays, scanned instead of hashed per node.
  const domainValues = domainCounts.map((m) => (m.size <= SMALL_DOMAINS ? [...m.keys()] : undefined));
  const domainTotals = domainCounts.map((m) => (m.size <= SMALL_DOMAINS ? [...m.values()] : undefined));
  const domainCount = (i: number, v: string): number => {
    const values = domainValues[i];
    if (values === undefined) return domainCounts[i].get(v) ?? 0;
    for (let j = 0; j < values.length; j++) if (values[j] === v) return domainTotals[i]![j];
    return 0;
  };
  const score = (node: NodeInfo): number => {
    if (ignored.size > 0 && ignored.has(node)) return 0;
    let s = 0;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      const v = labelOf(node, c.topologyKey);
      if (v === undefined) continue;
      const cnt = hostname[i] ? c.counts.countOf(node) : domainCount(i, v);
      s += cnt * weights[i] + (c.maxSkew - 1); // scoreForCount
    }
    return Math.round(s);
  };
  const scoreAll = (nodes: readonly NodeInfo[], _ids: Int32Array, out: Float64Array) => {
    for (let i = 0; i < nodes.length; i++) out[i] = score(nodes[i]);
  };
  // Fewer matching pods is better: max + min − score, scaled by max.
  const normalize = (scores: Float64Array, nodes: readonly NodeInfo[]) => {
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      if (ignored.size > 0 && ignored.has(nodes[i])) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < scores.length; i++) {
      if (ignored.size > 0 && ignored.has(nodes[i])) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  };
  return { kind: "run" as const, score, scoreAll, normalize };
}

export interface PodTopologySpreadOptions {
  /** The selector the default constraints spread by (default: `ownerLabelsSelector`). */
  defaultSelector?: (pod: PodInfo) => LabelSelector | undefined;
}

export function podTopologySpread(opts: PodTopologySpreadOptions = {}): FilterPlugin & ScorePlugin {
  const defaultSelector = opts.defaultSelector ?? ownerLabelsSelector;
  return {
    name: "PodTopologySpread",
    weight: 2,
    prepareFilter: (pod, snapshot) => prepareFilter(pod, snapshot, defaultSelector),
    prepareScore: (pod, snapshot, feasible) => prepareScore(pod, snapshot, feasible, defaultSelector),
  };
}
