import type { DaemonSet, Node, Pod, PodSpec } from "../../../api/types";
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

/** What one node name adds to a DaemonSet's sync: its status counts and what must be done there. */
interface NodeShare {
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  updated: number;
  /** 1 when the node should run a daemon pod and has none. */
  creates: number;
  /** Pods the manage loop would delete here (failed, duplicate, misscheduled). */
  deletes: number;
  /** Live pods of another template (a rolling update has work). */
  stale: number;
  /** Unbound live pods meant for a node that does not exist. */
  orphans: number;
}

/** One node name: the node (when it exists), its fit, the pods meant for it in list order, and its share. */
interface Place extends NodeShare {
  readonly name: string;
  node: Node | undefined;
  fit: ReturnType<typeof nodeShouldRunDaemonPod> | undefined;
  readonly pods: Pod[];
  dirty: boolean;
}

const SHARE_KEYS = ["desired", "current", "misscheduled", "ready", "updated", "creates", "deletes", "stale", "orphans"] as const;

/** The pods a sync counts, by the node they are for (the first loop of daemonSetActions). */
function counted(p: Pod): string | undefined {
  if (p.metadata.deletionTimestamp && (p.status?.phase === "Succeeded" || p.status?.phase === "Failed")) return undefined;
  return targetNodeName(p);
}

/**
 * daemonSetActions for one DaemonSet (one uid, pod spec and template hash) over state kept
 * between its syncs. Boot syncs the kube-proxy DaemonSet hundreds of times while its pods are
 * created, bound and started, and each sync used to look at every node and pod again. This
 * keeps each node name's share of the result and, per sync, finds what changed by comparing
 * the lists with the previous ones (a change moves a pod to the end of the controller index):
 * only the names whose node or pods changed are looked at again. The result is daemonSetActions'
 * own; when there are pods to delete, a rolling update to run or a minReadySeconds to wait
 * for, it calls daemonSetActions itself.
 */
export class DaemonSetSyncState {
  private readonly places = new Map<string, Place>();
  /** Places of the last node list, in its order. */
  private nodePlaces: Place[] = [];
  private lastNodes: readonly Node[] = [];
  private lastPods: readonly Pod[] = [];
  private readonly total: NodeShare = { desired: 0, current: 0, misscheduled: 0, ready: 0, updated: 0, creates: 0, deletes: 0, stale: 0, orphans: 0 };
  private readonly dirty: Place[] = [];

  constructor(
    readonly uid: string,
    readonly spec: PodSpec,
    readonly hash: string,
  ) {}

  actions(ds: DaemonSet, nodes: readonly Node[], pods: readonly Pod[], now: number, expectationsSatisfied: boolean): DaemonSetActions {
    this.updatePods(pods);
    this.updateNodes(nodes);
    for (const place of this.dirty) this.reshare(place);
    this.dirty.length = 0;

    const t = this.total;
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady > 0 || (expectationsSatisfied && (t.deletes > 0 || t.orphans > 0 || t.stale > 0))) {
      return daemonSetActions(ds, nodes, pods, this.hash, now, expectationsSatisfied);
    }
    const createOn: Node[] = [];
    if (expectationsSatisfied && t.creates > 0) for (const place of this.nodePlaces) if (place.creates) createOn.push(place.node!);
    const status: DaemonSetStatus = {
      currentNumberScheduled: t.current,
      numberMisscheduled: t.misscheduled,
      desiredNumberScheduled: t.desired,
      numberReady: t.ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: t.updated,
      numberAvailable: t.ready, // without minReadySeconds a ready pod is available
      numberUnavailable: Math.max(0, t.desired - t.ready),
    };
    return { createOn, deletePods: [], status };
  }

  /**
   * The longest start of `pods` that keeps the last list's order stays filed; the last list's
   * pods it skipped are unfiled and the rest of `pods` is filed after them, so every place's
   * pods stay in list order.
   */
  private updatePods(pods: readonly Pod[]): void {
    const last = this.lastPods;
    this.lastPods = pods;
    let i = 0;
    let j = 0;
    for (; i < pods.length; i++, j++) {
      const p = pods[i];
      while (j < last.length && last[j] !== p) this.unfile(last[j++]);
      if (j === last.length) break;
    }
    while (j < last.length) this.unfile(last[j++]);
    for (; i < pods.length; i++) {
      const p = pods[i];
      const target = counted(p);
      if (target === undefined) continue;
      const place = this.place(target);
      place.pods.push(p);
      this.touch(place);
    }
  }

  private unfile(p: Pod): void {
    const target = counted(p);
    if (target === undefined) return;
    const place = this.places.get(target)!;
    place.pods.splice(place.pods.indexOf(p), 1);
    this.touch(place);
  }

  private updateNodes(nodes: readonly Node[]): void {
    const last = this.lastNodes;
    this.lastNodes = nodes;
    const places = this.nodePlaces;
    if (nodes.length === last.length) {
      let i = 0;
      for (; i < nodes.length; i++) {
        const node = nodes[i];
        if (node === last[i]) continue;
        if (node.metadata.name !== places[i].name) break;
        this.setNode(places[i], node);
      }
      if (i === nodes.length) return;
    }
    // Nodes came or went: place them all again.
    for (const place of places) {
      place.node = undefined;
      place.fit = undefined;
      this.touch(place);
    }
    this.nodePlaces = nodes.map((node) => {
      const place = this.place(node.metadata.name ?? "");
      this.setNode(place, node);
      return place;
    });
  }

  private setNode(place: Place, node: Node): void {
    place.node = node;
    const fit = nodeShouldRunDaemonPod(this.spec, node);
    if (fit === place.fit) return;
    place.fit = fit;
    this.touch(place);
  }

  private place(name: string): Place {
    let place = this.places.get(name);
    if (!place) {
      place = { name, node: undefined, fit: undefined, pods: [], dirty: false, desired: 0, current: 0, misscheduled: 0, ready: 0, updated: 0, creates: 0, deletes: 0, stale: 0, orphans: 0 };
      this.places.set(name, place);
    }
    return place;
  }

  private touch(place: Place): void {
    if (place.dirty) return;
    place.dirty = true;
    this.dirty.push(place);
  }

  /** Recounts one place's share (as the node loop of daemonSetActions does) and moves the totals with it. */
  private reshare(place: Place): void {
    place.dirty = false;
    const t = this.total;
    for (const k of SHARE_KEYS) t[k] -= place[k];
    for (const k of SHARE_KEYS) place[k] = 0;
    const { pods, fit } = place;
    if (!fit) {
      if (pods.length === 0) this.places.delete(place.name);
      for (const p of pods) if (!p.spec.nodeName && !p.metadata.deletionTimestamp) place.orphans++;
    } else {
      const exists = pods.length > 0;
      if (fit.shouldRun) {
        place.desired = 1;
        if (exists) {
          place.current = 1;
          const oldest = pods.length === 1 ? pods[0] : [...pods].sort(oldestFirst)[0];
          if (isPodReady(oldest)) place.ready = 1;
          if (oldest.metadata.labels?.[LABEL_REVISION_HASH] === this.hash) place.updated = 1;
        } else {
          place.creates = 1;
        }
      } else if (exists) {
        place.misscheduled = 1;
      }
      if (fit.shouldContinueRunning) {
        let running = 0;
        for (const p of pods) {
          if (p.metadata.deletionTimestamp) continue;
          if (p.status?.phase === "Failed" || p.status?.phase === "Succeeded") place.deletes++;
          else running++;
        }
        if (running > 1) place.deletes += running - 1;
      } else {
        for (const p of pods) if (!p.metadata.deletionTimestamp) place.deletes++;
      }
      for (const p of pods) if (!p.metadata.deletionTimestamp && p.metadata.labels?.[LABEL_REVISION_HASH] !== this.hash) place.stale++;
    }
    for (const k of SHARE_KEYS) t[k] += place[k];
  }
}
