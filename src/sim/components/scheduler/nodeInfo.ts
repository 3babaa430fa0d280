import type { Labels, Node, Taint } from "../../api/types";
import type { PodInfo } from "./podInfo";
import { cpuMillis, wholeUnits } from "./quantity";

/**
 * Memory figures of a snapshot's nodes, one column each, indexed by NodeInfo.id. Byte counts
 * exceed small integers, so as object fields each would be a separate heap number that the
 * filter and score loops chase for every node; in shared columns they sit side by side.
 */
export class MemoryColumns {
  allocatable = new Float64Array(64);
  requested = new Float64Array(64);
  nonZero = new Float64Array(64);

  /** Makes room for `id` and zeroes its row (ids are reused). */
  claim(id: number): void {
    if (id >= this.allocatable.length) {
      const size = Math.max(id + 1, this.allocatable.length * 2);
      const grow = (a: Float64Array) => {
        const b = new Float64Array(size);
        b.set(a);
        return b;
      };
      this.allocatable = grow(this.allocatable);
      this.requested = grow(this.requested);
      this.nonZero = grow(this.nonZero);
    }
    this.allocatable[id] = 0;
    this.requested[id] = 0;
    this.nonZero[id] = 0;
  }
}

/**
 * framework.NodeInfo: one node and the aggregates of the pods assigned to it, kept up to
 * date incrementally (each pod add/remove is O(pod size), never a rescan).
 */
export class NodeInfo {
  // What the filter and score loops read for every node comes first (a couple of cache lines).
  unschedulable = false;
  /** How many taints have effect NoSchedule or NoExecute (Filter), and PreferNoSchedule (Score): plain fields, so taint-free nodes cost no look at the list. */
  hardTaints = 0;
  softTaints = 0;
  /** `pods.size`, as a plain field: the filter loop reads it for every node it evaluates. */
  podCount = 0;
  allowedPodNumber = 0;
  allocatableMilliCpu = 0;
  requestedMilliCpu = 0;
  nonZeroMilliCpu = 0;
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

  /** `id` is dense and unique among live NodeInfos (indexes per-node counters and `memory`). */
  constructor(
    readonly name: string,
    readonly id: number,
    private readonly memory = new MemoryColumns(),
  ) {
    memory.claim(id);
  }

  get allocatableMemory(): number {
    return this.memory.allocatable[this.id];
  }

  get requestedMemory(): number {
    return this.memory.requested[this.id];
  }

  get nonZeroMemory(): number {
    return this.memory.nonZero[this.id];
  }

  setNode(node: Node): void {
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.hardTaints = 0;
    this.softTaints = 0;
    for (const t of this.taints) {
      if (t.effect === "NoSchedule" || t.effect === "NoExecute") this.hardTaints++;
      else if (t.effect === "PreferNoSchedule") this.softTaints++;
    }
    this.unschedulable = node.spec?.unschedulable === true;
    this.hostname = this.labels["kubernetes.io/hostname"];
    this.zone = this.labels["topology.kubernetes.io/zone"];
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    this.allocatableMilliCpu = cpuMillis(alloc.cpu);
    this.memory.allocatable[this.id] = wholeUnits(alloc.memory);
    this.allowedPodNumber = wholeUnits(alloc.pods);
    const images = new Map<string, number>();
    for (const img of node.status?.images ?? []) for (const n of img.names) images.set(n, img.sizeBytes);
    this.imageSizes = images;
    this.generation++;
  }

  addPod(p: PodInfo): void {
    this.pods.set(p.key, p);
    this.podCount = this.pods.size;
    this.requestedMilliCpu += p.milliCpu;
    this.memory.requested[this.id] += p.memory;
    this.nonZeroMilliCpu += p.nonZeroMilliCpu;
    this.memory.nonZero[this.id] += p.nonZeroMemory;
    for (const port of p.hostPorts) this.usedPorts.set(port, (this.usedPorts.get(port) ?? 0) + 1);
    if (p.hasPodAffinity) this.podsWithAffinity.add(p);
    if (p.affinity.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity.add(p);
    this.generation++;
  }

  /** Removes the pod with this key; returns it (undefined when it was not here). */
  removePod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    if (!p) return undefined;
    this.pods.delete(key);
    this.podCount = this.pods.size;
    this.requestedMilliCpu -= p.milliCpu;
    this.memory.requested[this.id] -= p.memory;
    this.nonZeroMilliCpu -= p.nonZeroMilliCpu;
    this.memory.nonZero[this.id] -= p.nonZeroMemory;
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
