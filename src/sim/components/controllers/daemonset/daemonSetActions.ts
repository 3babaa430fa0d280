import type { DaemonSet, Node, Pod } from "../../../api/types";
import { fromTimestamp } from "../../../runtime";
import { daemonPodSpec, LABEL_REVISION_HASH, targetNodeName } from "./daemonPod";
import { nodeShouldRunDaemonPod } from "./nodeFit";
import { isPodAvailable, isPodReady } from "../framework/podConditions";

export type DaemonSetStatus = NonNullable<DaemonSet["status"]>;

export interface DaemonSetActions {
  /** Nodes that should run a daemon pod and have none. */
  createOn: Node[];
  /** Pods to delete, each with the reason (for narration). */
  deletePods: { pod: Pod; reason: "misscheduled" | "duplicate" | "failed" | "outdated" | "orphaned" }[];
  status: DaemonSetStatus;
}

const NO_PODS: readonly Pod[] = [];

/** The pods meant for one node name, and whether the daemon pod should run there (set only for existing nodes). */
interface NodePods {
  readonly pods: Pod[];
  fit: boolean | undefined;
}

const created = (p: Pod) => (p.metadata.creationTimestamp ? fromTimestamp(p.metadata.creationTimestamp) : 0);

/** Oldest first; among equals a Running pod before a Pending one (podByCreationTimestampAndPhase). */
function oldestFirst(a: Pod, b: Pod): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  const ra = a.status?.phase === "Running" ? 0 : 1;
  const rb = b.status?.phase === "Running" ? 0 : 1;
  if (ra !== rb) return ra - rb;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

function scaled(value: number | string | undefined, total: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? fallback : n;
}

/**
 * One DaemonSet sync (pkg/controller/daemon: manage, rollingUpdate, updateDaemonSetStatus) over
 * the caches: which nodes need a pod, which pods must go, and the status to report.
 */
export function daemonSetActions(ds: DaemonSet, nodes: readonly Node[], pods: readonly Pod[], hash: string, now: number, expectationsSatisfied = true): DaemonSetActions {
  const spec = daemonPodSpec(ds);
  // Pods by the node they are for. A pod not yet bound whose node is gone is an orphan: it is
  // filed under its target too (its entry is never given a fit, as no node has that name) and
  // picked out after the node loop below.
  const byNode = new Map<string, NodePods>();
  const unbound: Pod[] = [];
  for (const p of pods) {
    // Deleted pods that already finished no longer count (getNodesToDaemonPods, includeDeletedTerminal=false).
    if (p.metadata.deletionTimestamp && (p.status?.phase === "Succeeded" || p.status?.phase === "Failed")) continue;
    const target = targetNodeName(p);
    if (!target) continue;
    if (!p.spec.nodeName) unbound.push(p);
    const entry = byNode.get(target);
    if (entry) entry.pods.push(p);
    else byNode.set(target, { pods: [p], fit: undefined });
  }

  const createOn: Node[] = [];
  const deletePods: DaemonSetActions["deletePods"] = [];
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const minReady = ds.spec.minReadySeconds ?? 0;

  for (const node of nodes) {
    const name = node.metadata.name ?? "";
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(spec, node);
    const entry = byNode.get(name);
    if (entry) entry.fit = shouldRun;
    const onNode = entry ? entry.pods : NO_PODS;
    const exists = onNode.length > 0;

    // updateDaemonSetStatus counts
    if (shouldRun) {
      desired++;
      if (exists) {
        current++;
        const oldest = onNode.length === 1 ? onNode[0] : [...onNode].sort(oldestFirst)[0];
        if (isPodReady(oldest)) {
          ready++;
          if (isPodAvailable(oldest, minReady, now)) available++;
        }
        if (oldest.metadata.labels?.[LABEL_REVISION_HASH] === hash) updated++;
      }
    } else if (exists) {
      misscheduled++;
    }

    // podsShouldBeOnNode
    if (shouldRun && !exists) {
      createOn.push(node);
    } else if (shouldContinueRunning) {
      const running: Pod[] = [];
      for (const p of onNode) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === "Failed" || p.status?.phase === "Succeeded") deletePods.push({ pod: p, reason: "failed" });
        else running.push(p);
      }
      if (running.length > 1) for (const p of running.sort(oldestFirst).slice(1)) deletePods.push({ pod: p, reason: "duplicate" });
    } else if (exists) {
      for (const p of onNode) if (!p.metadata.deletionTimestamp) deletePods.push({ pod: p, reason: "misscheduled" });
    }
  }
  for (const p of unbound) if (byNode.get(targetNodeName(p)!)!.fit === undefined && !p.metadata.deletionTimestamp) deletePods.push({ pod: p, reason: "orphaned" });

  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: Math.max(0, desired - available),
  };

  if (!expectationsSatisfied) return { createOn: [], deletePods: [], status };

  if ((ds.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") {
    const already = new Set(deletePods.map((d) => d.pod));
    for (const pod of rollingUpdateDeletions(ds, byNode, hash, now, desired)) if (!already.has(pod)) deletePods.push({ pod, reason: "outdated" });
  }
  return { createOn, deletePods, status };
}

/** rollingUpdate with maxSurge 0: replace old pods, at most maxUnavailable nodes unavailable at once. */
function rollingUpdateDeletions(ds: DaemonSet, byNode: Map<string, NodePods>, hash: string, now: number, desired: number): Pod[] {
  const ru = ds.spec.updateStrategy?.rollingUpdate;
  let maxUnavailable = scaled(ru?.maxUnavailable, desired, 1);
  if (maxUnavailable === 0 && scaled(ru?.maxSurge, desired, 0) === 0) maxUnavailable = 1;
  const minReady = ds.spec.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const replace: Pod[] = [];
  const candidates: Pod[] = [];
  for (const { pods: podsOnNode, fit } of byNode.values()) {
    if (!fit) continue;
    // The live pods on the node, new template vs old (counted, not collected: this runs per node).
    let fresh: Pod | undefined;
    let old: Pod | undefined;
    let freshCount = 0;
    let oldCount = 0;
    for (const p of podsOnNode) {
      if (p.metadata.deletionTimestamp) continue;
      if (p.metadata.labels?.[LABEL_REVISION_HASH] === hash) {
        freshCount++;
        fresh ??= p;
      } else {
        oldCount++;
        old ??= p;
      }
    }
    if (freshCount > 1 || oldCount > 1 || (freshCount === 0) === (oldCount === 0)) {
      numUnavailable++; // the manage loop sorts this node out first
    } else if (fresh) {
      if (!isPodAvailable(fresh, minReady, now)) numUnavailable++;
    } else if (!isPodAvailable(old!, minReady, now)) {
      replace.push(old!);
    } else if (numUnavailable < maxUnavailable) {
      candidates.push(old!);
    }
  }
  const room = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return [...replace, ...candidates.slice(0, room)];
}
