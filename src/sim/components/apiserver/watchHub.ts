import type { KubeObject } from "../../api/types";
import type { WatchEvent } from "./request";

/** A predicate over an object and the index value it lives under (if the watch is indexed). */
export interface WatchFilter {
  namespace?: string;
  /** Indexed field: `spec.nodeName` of pods, `metadata.name` of nodes (a kubelet watches its node and its node's pods). */
  indexValue?: string;
  matches(obj: KubeObject): boolean;
}

export interface Watcher {
  id: number;
  resource: string;
  filter: WatchFilter;
  deliver(ev: WatchEvent): void;
}

const INDEXED_FIELD: Record<string, (obj: KubeObject) => string | undefined> = {
  pods: (o) => (o as { spec?: { nodeName?: string } }).spec?.nodeName ?? "",
  nodes: (o) => o.metadata.name ?? "",
};

/**
 * Resources whose indexed watchers hear a change in the order all watchers registered (as they
 * did before the index), not after the unindexed ones as pods' do. A name never changes, so a
 * change concerns one value.
 */
const IN_ORDER: Record<string, boolean> = { nodes: true };

/**
 * kube-apiserver's watch fan-out. Watchers are indexed (pods by spec.nodeName), so a change
 * costs the watchers that can see it, not every watcher in the cluster.
 */
export class WatchHub {
  private nextId = 1;
  private readonly unindexed = new Map<string, Set<Watcher>>();
  private readonly indexed = new Map<string, Map<string, Set<Watcher>>>();

  add(resource: string, filter: WatchFilter, deliver: (ev: WatchEvent) => void): Watcher {
    const w: Watcher = { id: this.nextId++, resource, filter, deliver };
    if (filter.indexValue !== undefined && INDEXED_FIELD[resource]) {
      let byValue = this.indexed.get(resource);
      if (!byValue) this.indexed.set(resource, (byValue = new Map()));
      let set = byValue.get(filter.indexValue);
      if (!set) byValue.set(filter.indexValue, (set = new Set()));
      set.add(w);
    } else {
      let set = this.unindexed.get(resource);
      if (!set) this.unindexed.set(resource, (set = new Set()));
      set.add(w);
    }
    return w;
  }

  remove(w: Watcher): void {
    this.unindexed.get(w.resource)?.delete(w);
    if (w.filter.indexValue !== undefined) this.indexed.get(w.resource)?.get(w.filter.indexValue)?.delete(w);
  }

  removeAll(): void {
    this.unindexed.clear();
    this.indexed.clear();
  }

  get size(): number {
    let n = 0;
    for (const s of this.unindexed.values()) n += s.size;
    for (const m of this.indexed.values()) for (const s of m.values()) n += s.size;
    return n;
  }

  /** Fans a committed change out: ADDED / MODIFIED / DELETED as each watcher's filter sees it. */
  publish(resource: string, oldObj: KubeObject | undefined, newObj: KubeObject | undefined): void {
    const all = this.unindexed.get(resource);
    const byValue = this.indexed.get(resource);
    if (!all && !byValue) return; // nobody watches it (events, mostly)
    const indexOf = INDEXED_FIELD[resource];
    // One event object per kind of change, shared by every watcher (nobody changes an event).
    const change: Change = { oldObj, newObj, indexOf, modified: undefined, added: undefined, deleted: undefined };
    if (IN_ORDER[resource]) {
      const at = byValue?.get(indexOf!((newObj ?? oldObj)!)!);
      if (all && at) deliverInOrder(all, at, change);
      else if (all ?? at) deliverTo((all ?? at)!, change);
      return;
    }
    if (all) deliverTo(all, change);
    if (indexOf && byValue) {
      const a = oldObj ? indexOf(oldObj) : undefined;
      const b = newObj ? indexOf(newObj) : undefined;
      const atOld = a !== undefined ? byValue.get(a) : undefined;
      if (atOld) deliverTo(atOld, change);
      const atNew = b !== undefined && b !== a ? byValue.get(b) : undefined;
      if (atNew) deliverTo(atNew, change);
    }
  }
}

interface Change {
  oldObj: KubeObject | undefined;
  newObj: KubeObject | undefined;
  indexOf: ((o: KubeObject) => string | undefined) | undefined;
  modified: WatchEvent | undefined;
  added: WatchEvent | undefined;
  deleted: WatchEvent | undefined;
}

/** Delivering only schedules a message, so the set cannot change while it is walked. */
function deliverTo(set: Set<Watcher>, c: Change): void {
  for (const w of set) deliverOne(w, c);
}

/** Both sets, merged by watcher id: the order in which the watchers registered. */
function deliverInOrder(all: Set<Watcher>, indexed: Set<Watcher>, c: Change): void {
  const rest = indexed.values();
  let next = rest.next();
  for (const w of all) {
    while (!next.done && next.value.id < w.id) {
      deliverOne(next.value, c);
      next = rest.next();
    }
    deliverOne(w, c);
  }
  for (; !next.done; next = rest.next()) deliverOne(next.value, c);
}

function deliverOne(w: Watcher, c: Change): void {
  const { oldObj, newObj, indexOf } = c;
  const sawOld = oldObj !== undefined && visible(w.filter, oldObj, indexOf);
  const seesNew = newObj !== undefined && visible(w.filter, newObj, indexOf);
  if (sawOld && seesNew) w.deliver((c.modified ??= { type: "MODIFIED", object: newObj }));
  else if (seesNew) w.deliver((c.added ??= { type: "ADDED", object: newObj }));
  else if (sawOld) w.deliver((c.deleted ??= { type: "DELETED", object: newObj ?? oldObj }));
}

function visible(f: WatchFilter, obj: KubeObject, indexOf: ((o: KubeObject) => string | undefined) | undefined): boolean {
  if (f.namespace !== undefined && obj.metadata.namespace !== f.namespace) return false;
  if (f.indexValue !== undefined && indexOf && indexOf(obj) !== f.indexValue) return false;
  return f.matches(obj);
}
