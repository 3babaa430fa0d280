import type { LabelSelector, Node, Pod } from "../../api/types";
import { NodeColumns, NodeInfo } from "./nodeInfo";
import { NodeTree } from "./nodeTree";
import { makePodInfo, podKey, type PodInfo } from "./podInfo";
import { SelectorCountIndex, type SelectorCounts } from "./selectorCounts";
import { sameLabels } from "./watchFilters";

/**
 * The scheduler's cache of nodes and assigned (or assumed) pods. The simulation is single
 * threaded, so the cache is also the snapshot each cycle reads: every aggregate is kept
 * incrementally and nothing is rebuilt per pod.
 */
export class Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly tree = new NodeTree();
  private ordered: NodeInfo[] | undefined;
  private orderedNames: readonly string[] = [];
  private orderedIds = new Int32Array(0);
  /** Assigned (or assumed) pods by key, each with the node it is on: one lookup serves an informer update. */
  private readonly podEntries = new Map<string, { readonly pod: PodInfo; readonly node: NodeInfo }>();
  private readonly imageNodes = new Map<string, number>();
  readonly nodesWithPodAffinity = new Set<NodeInfo>();
  readonly nodesWithRequiredAntiAffinity = new Set<NodeInfo>();
  private readonly spread = new SelectorCountIndex();
  /** The per-node figures the filter and score loops read, by NodeInfo.id. */
  readonly columns = new NodeColumns();
  private readonly freeIds: number[] = [];
  private nextId = 0;
  /** Zone values (`zone ?? ""`) → NodeInfo.zoneIndex, and how many live nodes each index has. */
  private readonly zoneIds = new Map<string, number>();
  private readonly zoneNodes: number[] = [];
  /** How many distinct zone values the live nodes carry. */
  liveZones = 0;
  /** Live nodes with spec.unschedulable (cordoned). */
  unschedulableNodes = 0;
  /** Live nodes with a PreferNoSchedule taint. */
  softTaintedNodes = 0;

  private newInfo(name: string): NodeInfo {
    const info = new NodeInfo(name, this.freeIds.pop() ?? this.nextId++, this.columns);
    this.infos.set(name, info);
    return info;
  }

  private dropInfo(info: NodeInfo): void {
    this.infos.delete(info.name);
    this.freeIds.push(info.id);
  }

  // ---- nodes ----

  /** Adds or updates a node. */
  setNode(node: Node): NodeInfo {
    const name = node.metadata.name ?? "";
    let info = this.infos.get(name);
    if (!info) info = this.newInfo(name);
    const known = info.node !== undefined;
    const oldZone = known ? info.zoneIndex : -1;
    if (known && info.unschedulable) this.unschedulableNodes--;
    if (known && info.softTaints > 0) this.softTaintedNodes--;
    for (const img of info.imageSizes.keys()) this.bumpImage(img, -1);
    info.setNode(node);
    if (info.unschedulable) this.unschedulableNodes++;
    if (info.softTaints > 0) this.softTaintedNodes++;
    for (const img of info.imageSizes.keys()) this.bumpImage(img, 1);
    const zone = this.zoneId(info.zone ?? "");
    if (zone !== oldZone) this.moveZone(info, oldZone, zone);
    else info.setZoneIndex(zone); // the zone label may have appeared or gone with the same index
    // The ordered list holds NodeInfo objects, so only a new node or a zone move reorders it
    // (heartbeat updates must not force a rebuild).
    if (!known) this.tree.add(name, info.labels);
    if (!known || this.tree.update(name, info.labels)) this.ordered = undefined;
    return info;
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info?.node) return;
    for (const img of info.imageSizes.keys()) this.bumpImage(img, -1);
    info.imageSizes = new Map();
    this.moveZone(info, info.zoneIndex, -1);
    if (info.unschedulable) this.unschedulableNodes--;
    if (info.softTaints > 0) this.softTaintedNodes--;
    info.node = undefined;
    this.tree.remove(name);
    // Like the real cache, a removed node's pods stay accounted until they are deleted.
    if (info.pods.size === 0) this.dropInfo(info);
    this.ordered = undefined;
  }

  private zoneId(zone: string): number {
    let id = this.zoneIds.get(zone);
    if (id === undefined) {
      id = this.zoneIds.size;
      this.zoneIds.set(zone, id);
      this.zoneNodes.push(0);
    }
    return id;
  }

  /** A node joins, leaves (-1) or changes zone: live-zone tallies and per-zone spread counts follow. */
  private moveZone(info: NodeInfo, from: number, to: number): void {
    if (from >= 0 && --this.zoneNodes[from] === 0) this.liveZones--;
    if (to >= 0 && this.zoneNodes[to]++ === 0) this.liveZones++;
    this.spread.nodeMoved(info, from, to);
    info.setZoneIndex(to);
  }

  /** Nodes in the nodeTree's zone-interleaved order (the order the filter loop walks). */
  nodes(): readonly NodeInfo[] {
    if (!this.ordered) {
      const out: NodeInfo[] = [];
      for (const n of this.tree.list()) {
        const info = this.infos.get(n);
        if (info?.node) out.push(info);
      }
      this.ordered = out;
      this.orderedNames = out.map((n) => n.name);
      this.orderedIds = Int32Array.from(out, (n) => n.id);
    }
    return this.ordered;
  }

  /** The ids of `nodes()`, same order; the array is shared until the order changes (never mutate). */
  nodeIds(): Int32Array {
    this.nodes();
    return this.orderedIds;
  }

  /** The names of `nodes()`, same order; the array is shared until the order changes. */
  nodeNames(): readonly string[] {
    this.nodes();
    return this.orderedNames;
  }

  get numNodes(): number {
    return this.tree.size;
  }

  node(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info?.node ? info : undefined;
  }

  /** How many nodes report this image (ImageLocality's spread). */
  imageNumNodes(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  private bumpImage(image: string, delta: number): void {
    const n = (this.imageNodes.get(image) ?? 0) + delta;
    if (n > 0) this.imageNodes.set(image, n);
    else this.imageNodes.delete(image);
  }

  // ---- pods ----

  hasPod(key: string): boolean {
    return this.podEntries.has(key);
  }

  nodeOfPod(key: string): string | undefined {
    return this.podEntries.get(key)?.node.name;
  }

  /** Adds an assigned pod (spec.nodeName set) or an assumed one (nodeName given). Replaces any previous copy. */
  addPod(pod: Pod | PodInfo, nodeName?: string): void {
    const p = "key" in pod ? pod : makePodInfo(pod);
    const target = nodeName ?? p.pod.spec.nodeName;
    if (!target) return;
    this.removePod(p.key);
    const info = this.infos.get(target) ?? this.newInfo(target);
    info.addPod(p);
    this.podEntries.set(p.key, { pod: p, node: info });
    if (p.hasPodAffinity) this.nodesWithPodAffinity.add(info);
    if (p.affinity.requiredAntiAffinity.length > 0) this.nodesWithRequiredAntiAffinity.add(info);
    this.spread.podAdded(p, info);
  }

  /**
   * An informer update of an assigned pod. Status-only changes (the common case: kubelet
   * reports) cost a comparison; label, node or deletion changes re-file the pod. `key` may be
   * passed when the caller holds it already.
   */
  updatePod(pod: Pod, key = podKey(pod.metadata.namespace, pod.metadata.name)): void {
    const prev = this.podEntries.get(key);
    if (prev && prev.node.name === pod.spec.nodeName && sameSchedulingView(prev.pod.pod, pod)) return;
    if (pod.spec.nodeName) this.addPod(makePodInfo(pod, key));
    else this.removePod(key);
  }

  removePod(key: string): PodInfo | undefined {
    const entry = this.podEntries.get(key);
    if (!entry) return undefined;
    const info = entry.node;
    const p = info.removePod(key);
    this.podEntries.delete(key);
    if (!p) return undefined;
    if (info.podsWithAffinity.size === 0) this.nodesWithPodAffinity.delete(info);
    if (info.podsWithRequiredAntiAffinity.size === 0) this.nodesWithRequiredAntiAffinity.delete(info);
    this.spread.podRemoved(p, info);
    if (!info.node && info.pods.size === 0) this.dropInfo(info);
    return p;
  }

  /** Per-node counts of the namespace's non-terminating pods the selector matches. */
  spreadCounts(namespace: string, selector: LabelSelector): SelectorCounts {
    return this.spread.get(namespace, selector, () => this.assignedPods(namespace));
  }

  /** Only when a selector without matchLabels is first registered: a scan of every assigned pod. */
  private *assignedPods(namespace: string): Iterable<[PodInfo, NodeInfo]> {
    for (const { pod, node } of this.podEntries.values()) if (pod.namespace === namespace) yield [pod, node];
  }
}

// A pod's requests, ports and affinity are immutable once created; only labels and deletion
// change what the scheduler sees of an assigned pod.
function sameSchedulingView(a: Pod, b: Pod): boolean {
  return (a.metadata.deletionTimestamp === undefined) === (b.metadata.deletionTimestamp === undefined) && sameLabels(a.metadata.labels, b.metadata.labels);
}
