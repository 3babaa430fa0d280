import type { Labels, Node, Taint } from "../../api/types";
import type { PodInfo } from "./podInfo";
import { cpuMillis, wholeUnits } from "./quantity";

/**
 * framework.NodeInfo: one node and the aggregates of the pods assigned to it, kept up to
 * date incrementally (each pod add/remove is O(pod size), never a rescan).
 */
export class NodeInfo {
  /** Undefined while pods are known for a node the scheduler has not seen yet. */
  node: Node | undefined;
  labels: Labels = {};
  taints: readonly Taint[] = [];
  /** How many taints have effect NoSchedule or NoExecute (Filter), and PreferNoSchedule (Score): plain fields, so taint-free nodes cost no look at the list. */
  hardTaints = 0;
  softTaints = 0;
  unschedulable = false;
  allocatableMilliCpu = 0;
  allocatableMemory = 0;
  allowedPodNumber = 0;
  requestedMilliCpu = 0;
  requestedMemory = 0;
  nonZeroMilliCpu = 0;
  nonZeroMemory = 0;
  readonly pods = new Map<string, PodInfo>();
  /** `pods.size`, as a plain field: the filter loop reads it for every node it evaluates. */
  podCount = 0;
  /** `PROTOCOL/port` → pods using it. */
  readonly usedPorts = new Map<string, number>();
  /** Image name → size in bytes, from node.status.images. */
  imageSizes = new Map<string, number>();
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  /** Bumped on every change (lets callers cache per-node derived data). */
  generation = 0;

  /** Value of kubernetes.io/hostname and topology.kubernetes.io/zone (read once, used per cycle). */
  hostname: string | undefined;
  zone: string | undefined;
  /** The Snapshot's small integer for `zone ?? ""` (per-zone totals are arrays indexed by it). */
  zoneIndex = -1;

  /** `id` is dense and unique among live NodeInfos (indexes per-node counters). */
  constructor(
    readonly name: string,
    readonly id: number,
  ) {}

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
    this.allocatableMemory = wholeUnits(alloc.memory);
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
    this.requestedMemory += p.memory;
    this.nonZeroMilliCpu += p.nonZeroMilliCpu;
    this.nonZeroMemory += p.nonZeroMemory;
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
    this.requestedMemory -= p.memory;
    this.nonZeroMilliCpu -= p.nonZeroMilliCpu;
    this.nonZeroMemory -= p.nonZeroMemory;
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
