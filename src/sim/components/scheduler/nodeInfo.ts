import type { Labels, Node, Taint } from "../../api/types";
import type { PodInfo } from "./podInfo";
import { cpuMillis, wholeUnits } from "./quantity";

/**
 * What the filter and score loops read for every node, one column per figure, indexed by
 * NodeInfo.id. Walking 1,000 nodes per pod, the loops read these side by side instead of
 * chasing each NodeInfo object (and its separately boxed byte counts) out of memory.
 */
export class NodeColumns {
  allocatableMilliCpu = new Float64Array(64);
  requestedMilliCpu = new Float64Array(64);
  nonZeroMilliCpu = new Float64Array(64);
  allocatableMemory = new Float64Array(64);
  requestedMemory = new Float64Array(64);
  nonZeroMemory = new Float64Array(64);
  podCount = new Float64Array(64);
  allowedPodNumber = new Float64Array(64);
  /** Taints with effect NoSchedule or NoExecute (Filter), and PreferNoSchedule (Score). */
  hardTaints = new Int32Array(64);
  softTaints = new Int32Array(64);
  /** NodeInfo.zoneIndex when the node has a zone label, else -1. */
  zone = new Int32Array(64);
  /** 1 when the node has a kubernetes.io/hostname label. */
  hasHostname = new Uint8Array(64);
  unschedulable = new Uint8Array(64);

  /** Makes room for `id` and zeroes its row (ids are reused). */
  claim(id: number): void {
    if (id >= this.podCount.length) {
      const size = Math.max(id + 1, this.podCount.length * 2);
      const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(size);
        b.set(a);
        return b;
      };
      this.allocatableMilliCpu = grow(this.allocatableMilliCpu);
      this.requestedMilliCpu = grow(this.requestedMilliCpu);
      this.nonZeroMilliCpu = grow(this.nonZeroMilliCpu);
      this.allocatableMemory = grow(this.allocatableMemory);
      this.requestedMemory = grow(this.requestedMemory);
      this.nonZeroMemory = grow(this.nonZeroMemory);
      this.podCount = grow(this.podCount);
      this.allowedPodNumber = grow(this.allowedPodNumber);
      this.hardTaints = grow(this.hardTaints);
      this.softTaints = grow(this.softTaints);
      this.zone = grow(this.zone);
      this.hasHostname = grow(this.hasHostname);
      this.unschedulable = grow(this.unschedulable);
    }
    this.allocatableMilliCpu[id] = 0;
    this.requestedMilliCpu[id] = 0;
    this.nonZeroMilliCpu[id] = 0;
    this.allocatableMemory[id] = 0;
    this.requestedMemory[id] = 0;
    this.nonZeroMemory[id] = 0;
    this.podCount[id] = 0;
    this.allowedPodNumber[id] = 0;
    this.hardTaints[id] = 0;
    this.softTaints[id] = 0;
    this.zone[id] = -1;
    this.hasHostname[id] = 0;
    this.unschedulable[id] = 0;
  }
}

/**
 * framework.NodeInfo: one node and the aggregates of the pods assigned to it, kept up to
 * date incrementally (each pod add/remove is O(pod size), never a rescan).
 */
export class NodeInfo {
  /** The Snapshot's small integer for `zone ?? ""` (per-zone totals are arrays indexed by it). */
  zoneIndex = -1;
  /** Value of kubernetes.io/hostname and topology.kubernetes.io/zone (read once, used per cycle). */
  hostname: string | undefined;
  zone: string | undefined;

  /** Undefined while pods are known for a node the scheduler has not seen yet. */
  node: Node | undefined;
  labels: Labels = {};
  taints: readonly Taint[] = [];
  readonly pods = new Map<string, PodInfo>();
  /** `PROTOCOL/port` → pods using it. */
  readonly usedPorts = new Map<string, number>();
  /** Image name → size in bytes, from node.status.images. */
  imageSizes = new Map<string, number>();
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  /** Bumped on every change (lets callers cache per-node derived data). */
  generation = 0;

  /** `id` is dense and unique among live NodeInfos (indexes per-node counters and `columns`). */
  constructor(
    readonly name: string,
    readonly id: number,
    readonly columns = new NodeColumns(),
  ) {
    columns.claim(id);
  }

  // The per-node figures live in `columns`; these read them for one node.
  get unschedulable(): boolean {
    return this.columns.unschedulable[this.id] === 1;
  }
  get hardTaints(): number {
    return this.columns.hardTaints[this.id];
  }
  get softTaints(): number {
    return this.columns.softTaints[this.id];
  }
  /** `pods.size`. */
  get podCount(): number {
    return this.columns.podCount[this.id];
  }
  get allowedPodNumber(): number {
    return this.columns.allowedPodNumber[this.id];
  }
  get allocatableMilliCpu(): number {
    return this.columns.allocatableMilliCpu[this.id];
  }
  get requestedMilliCpu(): number {
    return this.columns.requestedMilliCpu[this.id];
  }
  get nonZeroMilliCpu(): number {
    return this.columns.nonZeroMilliCpu[this.id];
  }
  get allocatableMemory(): number {
    return this.columns.allocatableMemory[this.id];
  }
  get requestedMemory(): number {
    return this.columns.requestedMemory[this.id];
  }
  get nonZeroMemory(): number {
    return this.columns.nonZeroMemory[this.id];
  }

  setNode(node: Node): void {
    const c = this.columns;
    const id = this.id;
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    let hard = 0;
    let soft = 0;
    for (const t of this.taints) {
      if (t.effect === "NoSchedule" || t.effect === "NoExecute") hard++;
      else if (t.effect === "PreferNoSchedule") soft++;
    }
    c.hardTaints[id] = hard;
    c.softTaints[id] = soft;
    c.unschedulable[id] = node.spec?.unschedulable === true ? 1 : 0;
    this.hostname = this.labels["kubernetes.io/hostname"];
    this.zone = this.labels["topology.kubernetes.io/zone"];
    c.hasHostname[id] = this.hostname === undefined ? 0 : 1;
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    c.allocatableMilliCpu[id] = cpuMillis(alloc.cpu);
    c.allocatableMemory[id] = wholeUnits(alloc.memory);
    c.allowedPodNumber[id] = wholeUnits(alloc.pods);
    const images = new Map<string, number>();
    for (const img of node.status?.images ?? []) for (const n of img.names) images.set(n, img.sizeBytes);
    this.imageSizes = images;
    this.generation++;
  }

  /** The Snapshot filed the node under zone index `zone` (-1: not a live node). */
  setZoneIndex(zone: number): void {
    this.zoneIndex = zone;
    this.columns.zone[this.id] = zone >= 0 && this.zone !== undefined ? zone : -1;
  }

  addPod(p: PodInfo): void {
    const c = this.columns;
    const id = this.id;
    this.pods.set(p.key, p);
    c.podCount[id] = this.pods.size;
    c.requestedMilliCpu[id] += p.milliCpu;
    c.requestedMemory[id] += p.memory;
    c.nonZeroMilliCpu[id] += p.nonZeroMilliCpu;
    c.nonZeroMemory[id] += p.nonZeroMemory;
    for (const port of p.hostPorts) this.usedPorts.set(port, (this.usedPorts.get(port) ?? 0) + 1);
    if (p.hasPodAffinity) this.podsWithAffinity.add(p);
    if (p.affinity.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity.add(p);
    this.generation++;
  }

  /** Removes the pod with this key; returns it (undefined when it was not here). */
  removePod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    if (!p) return undefined;
    const c = this.columns;
    const id = this.id;
    this.pods.delete(key);
    c.podCount[id] = this.pods.size;
    c.requestedMilliCpu[id] -= p.milliCpu;
    c.requestedMemory[id] -= p.memory;
    c.nonZeroMilliCpu[id] -= p.nonZeroMilliCpu;
    c.nonZeroMemory[id] -= p.nonZeroMemory;
    for (const port of p.hostPorts) {
      const n = (this.usedPorts.get(port) ?? 0) - 1;
      if (n > 0) this.usedPorts.set(port, n);
      else this.usedPorts.delete(port);
    }
    this.podsWithAffinity.delete(p);
    this.podsWithRequiredAntiAffinity.delete(p);
    this.generation++;
    return p;
  }
}
