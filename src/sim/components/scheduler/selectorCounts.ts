import type { LabelSelector, Labels } from "../../api/types";
import type { NodeInfo } from "./nodeInfo";
import type { PodInfo } from "./podInfo";
import { compileLabelSelector, selectorKey, type LabelMatcher } from "./selectors";

/** Matching, non-terminating pods of one (namespace, selector), counted per node. */
export class SelectorCounts {
  /** Nodes holding at least one matching pod (for walking domains without scanning all nodes). */
  readonly perNode = new Map<string, number>();
  /** The same counts by NodeInfo.id, for O(1) reads in the scoring loop. */
  private byId = new Int32Array(64);
  /** The same counts summed per zone (by NodeInfo.zoneIndex), live nodes only. */
  perZone = new Int32Array(8);
  total = 0;
  constructor(
    readonly namespace: string,
    readonly matches: LabelMatcher,
  ) {}

  count(nodeName: string): number {
    return this.perNode.get(nodeName) ?? 0;
  }

  countOf(node: NodeInfo): number {
    return this.countAt(node.id);
  }

  /** The count of the node with this NodeInfo.id. */
  countAt(id: number): number {
    return id < this.byId.length ? this.byId[id] : 0;
  }

  bump(node: NodeInfo, delta: number): void {
    const n = (this.perNode.get(node.name) ?? 0) + delta;
    if (n > 0) this.perNode.set(node.name, n);
    else this.perNode.delete(node.name);
    if (node.id >= this.byId.length) {
      const grown = new Int32Array(Math.max(node.id + 1, this.byId.length * 2));
      grown.set(this.byId);
      this.byId = grown;
    }
    this.byId[node.id] = n > 0 ? n : 0;
    if (node.zoneIndex >= 0) this.addToZone(node.zoneIndex, delta);
    this.total += delta;
  }

  /** The node's count moves from one zone index to another (-1: not a live node). */
  moveNode(node: NodeInfo, from: number, to: number): void {
    const n = this.countOf(node);
    if (n === 0) return;
    if (from >= 0) this.addToZone(from, -n);
    if (to >= 0) this.addToZone(to, n);
  }

  private addToZone(zone: number, delta: number): void {
    if (zone >= this.perZone.length) {
      const grown = new Int32Array(Math.max(zone + 1, this.perZone.length * 2));
      grown.set(this.perZone);
      this.perZone = grown;
    }
    this.perZone[zone] += delta;
  }
}

const MAX_ENTRIES = 4096;

interface Entry {
  readonly counts: SelectorCounts;
  readonly anchor: string;
  stamp: number;
}

/**
 * PodTopologySpread's counts, indexed so a scheduling cycle never scans all pods: each
 * selector is registered the first time a pod needs it (one scan of its namespace), then kept
 * current on every pod add/remove. A pod is offered only to the selectors "anchored" on one
 * of its labels, so the per-pod cost does not grow with the number of selectors.
 */
export class SelectorCountIndex {
  private readonly entries = new Map<string, Entry>();
  /** Counts insertions and moves to the back of `entries`; an entry's stamp is the count when it last got there. */
  private clock = 0;
  /** The last matchLabels-only selector found (cleared when its entry is evicted). */
  private last: { namespace: string; labels: Labels; key: string; entry: Entry } | undefined;
  private readonly anchors = new Map<string, SelectorCounts[]>();
  /** `namespace\0key=value` → the non-terminating pods carrying that label (and their node). */
  private readonly carriers = new Map<string, Map<PodInfo, NodeInfo>>();

  /** The counts for a selector, building them from `seed` (the namespace's assigned pods) the first time. */
  get(namespace: string, selector: LabelSelector, seed: () => Iterable<[PodInfo, NodeInfo]>): SelectorCounts {
    // Consecutive pods of one workload ask for the same matchLabels selector: no key to build.
    const plain = !selector.matchExpressions || selector.matchExpressions.length === 0;
    const last = this.last;
    if (plain && last && last.namespace === namespace && sameMatchLabels(last.labels, selector.matchLabels ?? {})) return this.touch(last.key, last.entry);
    const key = `${namespace}\u0000${selectorKey(selector)}`;
    const hit = this.entries.get(key);
    if (hit) {
      if (plain) this.last = { namespace, labels: { ...selector.matchLabels }, key, entry: hit };
      return this.touch(key, hit);
    }
    const counts = new SelectorCounts(namespace, compileLabelSelector(selector));
    const first = Object.keys(selector.matchLabels ?? {}).sort()[0];
    const anchor = first === undefined ? `${namespace}\u0000*` : `${namespace}\u0000${first}=${selector.matchLabels?.[first] ?? ""}`;
    if (first === undefined) {
      for (const [p, node] of seed()) if (counted(p, counts)) counts.bump(node, 1);
    } else {
      // Only pods carrying the anchor label can match: seed from them, not the whole namespace.
      const carriers = this.carriers.get(anchor);
      if (carriers) for (const [p, node] of carriers) if (counts.matches(p.labels)) counts.bump(node, 1);
    }
    this.entries.set(key, { counts, anchor, stamp: ++this.clock });
    const list = this.anchors.get(anchor);
    if (list) list.push(counts);
    else this.anchors.set(anchor, [counts]);
    if (this.entries.size > MAX_ENTRIES) this.evictOldest();
    return counts;
  }

  /**
   * Refreshes recency (Map order is the LRU order) once the entry has drifted into the older
   * half: a hot entry is not moved on every use. Eviction only costs a rebuild of the counts.
   */
  private touch(key: string, hit: Entry): SelectorCounts {
    if (this.clock - hit.stamp > MAX_ENTRIES / 2) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      hit.stamp = ++this.clock;
    }
    return hit.counts;
  }

  get size(): number {
    return this.entries.size;
  }

  podAdded(p: PodInfo, node: NodeInfo): void {
    this.offer(p, node, 1);
  }

  podRemoved(p: PodInfo, node: NodeInfo): void {
    this.offer(p, node, -1);
  }

  /** A node joined, left or changed zone (see SelectorCounts.moveNode). */
  nodeMoved(node: NodeInfo, from: number, to: number): void {
    for (const { counts } of this.entries.values()) counts.moveNode(node, from, to);
  }

  private offer(p: PodInfo, node: NodeInfo, delta: number): void {
    if (p.terminating) return;
    const counting = this.entries.size > 0;
    for (const k in p.labels) {
      const key = `${p.namespace}\u0000${k}=${p.labels[k]}`;
      let members = this.carriers.get(key);
      if (delta > 0) {
        if (!members) this.carriers.set(key, (members = new Map()));
        members.set(p, node);
      } else if (members) {
        members.delete(p);
        if (members.size === 0) this.carriers.delete(key);
      }
      if (!counting) continue;
      const list = this.anchors.get(key);
      if (list) for (const c of list) if (c.matches(p.labels)) c.bump(node, delta);
    }
    if (!counting) return;
    const any = this.anchors.get(`${p.namespace}\u0000*`);
    if (any) for (const c of any) if (c.matches(p.labels)) c.bump(node, delta);
  }

  private evictOldest(): void {
    const [key, entry] = this.entries.entries().next().value as [string, Entry];
    this.entries.delete(key);
    if (this.last?.entry === entry) this.last = undefined;
    const list = this.anchors.get(entry.anchor) ?? [];
    const i = list.indexOf(entry.counts);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.anchors.delete(entry.anchor);
  }
}

function sameMatchLabels(a: Labels, b: Labels): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function counted(p: PodInfo, c: SelectorCounts): boolean {
  return !p.terminating && p.namespace === c.namespace && c.matches(p.labels);
}
