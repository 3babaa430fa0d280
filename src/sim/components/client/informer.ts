import type { KubeObject } from "../../api/types";
import type { ApiRequest, WatchEvent } from "../apiserver/request";
import type { ApiClient, Informer, InformerHandler, WatchHandle } from "./types";

/** A custom index: value → its slots, in the order they entered (a slot's object changes in place, the entry stays). */
interface Index<T> {
  readonly name: string;
  keysOf: (obj: T) => readonly string[];
  /** What the keys are computed from: an update that keeps it the same object keeps the keys. */
  basis?: (obj: T) => unknown;
  byValue: Map<string, Set<Slot<T>>>;
}

/**
 * A standard single-valued index (nodeName, controller). Each value's objects form a linked
 * list in the order they last changed, which controllers' stable sorts rely on: a change moves
 * a slot's link to the tail with a few pointer writes instead of a delete and insert in a map.
 */
interface SingleIndex<T> {
  readonly name: string;
  /** Position of this index's link in every slot's `links`. */
  readonly at: number;
  readonly keyOf: (obj: T) => string | undefined;
  readonly basis?: (obj: T) => unknown;
  readonly lists: Map<string, LinkList<T>>;
}

interface LinkList<T> {
  head: Link<T> | undefined;
  tail: Link<T> | undefined;
  /** Links in the list (byIndex sizes its answer with it). */
  size: number;
}

interface Link<T> {
  /** The slot's object, kept current by reindex (a walk of the list reads it from here). */
  obj: T;
  readonly list: LinkList<T>;
  prev: Link<T> | undefined;
  next: Link<T> | undefined;
}

const STANDARD_INDEXES = new Set(["nodeName", "controller"]);
/** The links of every slot of an informer without standard indexes (never written). */
const NO_LINKS: never[] = [];

function nodeNameOf(o: KubeObject): string | undefined {
  const n = (o as { spec?: { nodeName?: string } }).spec?.nodeName;
  return n ? n : undefined;
}

function ownerReferencesOf(o: KubeObject): unknown {
  return o.metadata.ownerReferences;
}

function controllerUidOf(o: KubeObject): string | undefined {
  const refs = o.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller) return r.uid;
  return undefined;
}

/**
 * One cached object. It is found by the object's own (long-lived) name string, so no cache key
 * is ever built or hashed; the slots also form a list in the order their objects first
 * appeared, which is the order of `list()`.
 */
interface Slot<T> {
  obj: T;
  prev: Slot<T> | undefined;
  next: Slot<T> | undefined;
  /** Its place in each standard index (by SingleIndex.at), if it has a value there. */
  readonly links: (Link<T> | undefined)[];
}

/**
 * client-go's shared informer: list+watch one resource, keep a local cache with indexes, and
 * call handlers on changes. After a re-list it diffs the new state against the cache so
 * handlers see exactly what changed while the watch was broken.
 */
export class SharedInformer<T extends KubeObject> implements Informer<T> {
  /** Namespace → name → slot (namespaced resources). */
  private readonly byNamespace = new Map<string, Map<string, Slot<T>>>();
  /** Name → slot (cluster-scoped resources). */
  private readonly byName = new Map<string, Slot<T>>();
  /** Ends of the list of every slot, oldest first. */
  private first: Slot<T> | undefined;
  private last: Slot<T> | undefined;
  // Arrays, not maps by name: every change walks them, and there are at most a few.
  private readonly indexes: Index<T>[] = [];
  private readonly singles: SingleIndex<T>[] = [];
  private readonly handlers: InformerHandler<T>[] = [];
  private synced = false;
  private handle: WatchHandle | undefined;

  /**
   * `standardIndexes: false` skips the nodeName and controller indexes for a process that never
   * asks for them (kube-scheduler, kubelets, kube-proxy, CoreDNS): keeping them costs two map
   * moves per informer per change, in a cluster where every pod changes a few times.
   */
  constructor(
    readonly resource: string,
    private readonly client: ApiClient,
    private readonly fieldSelector?: string,
    opts: { standardIndexes?: boolean } = {},
  ) {
    if (opts.standardIndexes === false) return;
    this.singles.push({ name: "nodeName", at: 0, keyOf: nodeNameOf, lists: new Map() });
    this.singles.push({ name: "controller", at: 1, keyOf: controllerUidOf, basis: ownerReferencesOf, lists: new Map() });
  }

  get hasSynced(): boolean {
    return this.synced;
  }

  start(): void {
    if (this.handle) return;
    const req: ApiRequest = { verb: "watch", resource: this.resource, fieldSelector: this.fieldSelector };
    this.handle = this.client.watch(req, (ev) => this.onEvent(ev), (items) => this.onSync(items as T[]));
  }

  stop(): void {
    this.handle?.stop();
    this.handle = undefined;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return (namespace ? this.byNamespace.get(namespace)?.get(name) : this.byName.get(name))?.obj;
  }

  list(namespace?: string): T[] {
    const out: T[] = [];
    if (namespace === undefined) {
      for (let s = this.first; s; s = s.next) out.push(s.obj);
      return out;
    }
    const slots = this.byNamespace.get(namespace);
    if (slots) for (const s of slots.values()) out.push(s.obj);
    return out;
  }

  byIndex(index: string, value: string): T[] {
    if (index === "namespace") return this.list(value);
    const single = named(this.singles, index);
    if (single) {
      const list = single.lists.get(value);
      // Made at its size: the answer is often a ReplicaSet's hundred pods.
      const objs = new Array<T>(list ? list.size : 0);
      let i = 0;
      for (let l = list?.head; l; l = l.next) objs[i++] = l.obj;
      return objs;
    }
    const out: T[] = [];
    const idx = named(this.indexes, index);
    if (!idx && STANDARD_INDEXES.has(index)) throw new Error(`${this.resource} informer was created without the ${index} index`);
    const slots = idx?.byValue.get(value);
    if (slots) for (const s of slots) out.push(s.obj);
    return out;
  }

  addIndex(index: string, keysOf: (obj: T) => readonly string[], basis?: (obj: T) => unknown): void {
    const idx: Index<T> = { name: index, keysOf, basis, byValue: new Map() };
    // A second index of the same name replaces the first, in its place.
    const at = this.indexes.findIndex((i) => i.name === index);
    if (at === -1) this.indexes.push(idx);
    else this.indexes[at] = idx;
    for (let s = this.first; s; s = s.next) this.indexAdd(idx, s);
  }

  addHandler(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
    for (let s = this.first; s; s = s.next) handler.add?.(s.obj);
  }

  private slotOf(o: KubeObject): Slot<T> | undefined {
    const ns = o.metadata.namespace;
    const name = o.metadata.name ?? "";
    return ns ? this.byNamespace.get(ns)?.get(name) : this.byName.get(name);
  }

  private onSync(items: T[]): void {
    const seen = new Set<Slot<T>>();
    for (const o of items) seen.add(this.upsert(o));
    const gone: Slot<T>[] = [];
    for (let s = this.first; s; s = s.next) if (!seen.has(s)) gone.push(s);
    for (const s of gone) this.remove(s, s.obj);
    this.synced = true;
  }

  private onEvent(ev: WatchEvent): void {
    const o = ev.object as T;
    if (ev.type !== "DELETED") {
      this.upsert(o);
      return;
    }
    const s = this.slotOf(o);
    if (s) this.remove(s, s.obj);
  }

  private upsert(o: T): Slot<T> {
    const s = this.slotOf(o);
    if (!s) return this.add(o);
    const old = s.obj;
    if (old.metadata.resourceVersion === o.metadata.resourceVersion) return s;
    s.obj = o;
    this.reindex(s, old, o);
    for (const h of this.handlers) h.update?.(old, o);
    return s;
  }

  private add(o: T): Slot<T> {
    // Room for exactly the two standard indexes' links: an empty array grown by a write reserves seventeen.
    const links = this.singles.length === 0 ? NO_LINKS : [undefined, undefined];
    const s: Slot<T> = { obj: o, prev: this.last, next: undefined, links };
    if (this.last) this.last.next = s;
    else this.first = s;
    this.last = s;
    const ns = o.metadata.namespace;
    const name = o.metadata.name ?? "";
    if (ns) {
      let m = this.byNamespace.get(ns);
      if (!m) this.byNamespace.set(ns, (m = new Map()));
      m.set(name, s);
    } else this.byName.set(name, s);
    for (const single of this.singles) {
      const v = single.keyOf(o);
      if (v !== undefined) append(single, v, s);
    }
    for (const idx of this.indexes) this.indexAdd(idx, s);
    for (const h of this.handlers) h.add?.(o);
    return s;
  }

  /** Drops a slot; handlers see `o` (the object the delete event carried, or the cached one). */
  private remove(s: Slot<T>, o: T): void {
    const cached = s.obj;
    const ns = cached.metadata.namespace;
    if (ns) this.byNamespace.get(ns)?.delete(cached.metadata.name ?? "");
    else this.byName.delete(cached.metadata.name ?? "");
    for (const single of this.singles) unlink(s, single.at);
    for (const idx of this.indexes) for (const v of idx.keysOf(cached)) idx.byValue.get(v)?.delete(s);
    if (s.prev) s.prev.next = s.next;
    else this.first = s.next;
    if (s.next) s.next.prev = s.prev;
    else this.last = s.prev;
    for (const h of this.handlers) h.delete?.(o);
  }

  private indexAdd(idx: Index<T>, s: Slot<T>): void {
    for (const v of idx.keysOf(s.obj)) addTo(idx.byValue, v, s);
  }

  /**
   * unindex(old) then index(o). In the standard indexes a changed object moves to the tail of
   * its value's list (the order of last change); in the custom ones an object whose keys did
   * not change keeps its entry (its slot already holds the new version), so a status change
   * costs them nothing.
   */
  private reindex(s: Slot<T>, old: T, o: T): void {
    for (const single of this.singles) {
      const b = single.keyOf(o);
      const a = single.basis !== undefined && single.basis(old) === single.basis(o) ? b : single.keyOf(old);
      if (a !== undefined && a === b) {
        const link = s.links[single.at]!;
        link.obj = o;
        moveToTail(link);
      } else {
        unlink(s, single.at);
        if (b !== undefined) append(single, b, s);
      }
    }
    for (const idx of this.indexes) {
      if (idx.basis !== undefined && idx.basis(old) === idx.basis(o)) continue;
      const before = idx.keysOf(old);
      const after = idx.keysOf(o);
      if (before === after || sameKeys(before, after)) continue;
      for (const v of before) idx.byValue.get(v)?.delete(s);
      for (const v of after) addTo(idx.byValue, v, s);
    }
  }
}

function named<I extends { readonly name: string }>(list: readonly I[], name: string): I | undefined {
  for (const i of list) if (i.name === name) return i;
  return undefined;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Appends the slot to the tail of `value`'s list in a standard index. */
function append<T>(single: SingleIndex<T>, value: string, s: Slot<T>): void {
  let list = single.lists.get(value);
  if (!list) single.lists.set(value, (list = { head: undefined, tail: undefined, size: 0 }));
  const link: Link<T> = { obj: s.obj, list, prev: list.tail, next: undefined };
  if (list.tail) list.tail.next = link;
  else list.head = link;
  list.tail = link;
  list.size++;
  s.links[single.at] = link;
}

/** Takes the slot out of its list in the standard index at `at` (if it is in one). */
function unlink<T>(s: Slot<T>, at: number): void {
  const link = s.links[at];
  if (!link) return;
  detach(link);
  link.list.size--;
  s.links[at] = undefined;
}

function detach<T>(link: Link<T>): void {
  const list = link.list;
  if (link.prev) link.prev.next = link.next;
  else list.head = link.next;
  if (link.next) link.next.prev = link.prev;
  else list.tail = link.prev;
  link.prev = link.next = undefined;
}

/** The object changed but kept its value: it becomes the last changed of its list. */
function moveToTail<T>(link: Link<T>): void {
  const list = link.list;
  if (list.tail === link) return;
  detach(link);
  link.prev = list.tail;
  list.tail!.next = link;
  list.tail = link;
}

function addTo<T>(byValue: Map<string, Set<Slot<T>>>, v: string, s: Slot<T>): void {
  let m = byValue.get(v);
  if (!m) byValue.set(v, (m = new Set()));
  m.add(s);
}
