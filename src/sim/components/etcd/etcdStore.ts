import type { KubeObject } from "../../api/types";

export interface EtcdEntry {
  key: string;
  value: KubeObject;
  createRevision: number;
  modRevision: number;
  version: number;
}

export interface EtcdWrite {
  type: "put" | "delete";
  key: string;
  /** For put: the new value; for delete: the last value. */
  value: KubeObject;
  prev?: KubeObject;
  revision: number;
  /** The key's slot (for a delete, the one it leaves). */
  slot: EtcdSlot;
}

/** Where a key's entry lives: a write of a key located before needs no second lookup. */
export interface EtcdSlot {
  readonly key: string;
  readonly entry: EtcdEntry;
}

/**
 * A key as the store files it: `/registry/<resource>` (a ResourceInfo's etcdPrefix), the
 * namespace (undefined for cluster-scoped objects) and the name.
 */
export interface EtcdPath {
  readonly prefix: string;
  readonly namespace: string | undefined;
  readonly name: string;
}

/** The bucket's sorted list shares its slots, so an update re-sorts nothing. */
interface Slot extends EtcdSlot {
  entry: EtcdEntry;
  /** The key was deleted: a new slot holds it if it comes back. */
  removed: boolean;
  readonly bucket: Bucket;
}

/**
 * One resource's entries, by name: a lookup hashes a short name (usually the string of the
 * stored object, whose hash V8 keeps) instead of a freshly built full key.
 */
interface Bucket {
  readonly cluster: Map<string, Slot>;
  readonly namespaces: Map<string, Map<string, Slot>>;
  size: number;
  /** Slots in key order, rebuilt lazily after a key is added or removed. */
  sorted: Slot[] | undefined;
  /** What onWriteUnder registered for this resource. */
  readonly listeners: ((w: EtcdWrite) => void)[];
}

/** What a successful compare-and-swap wrote and what it replaced. */
export interface EtcdSwap {
  entry: EtcdEntry;
  prev: EtcdEntry | undefined;
}

/**
 * etcd's data model: an ordered key-value store with one global revision that every write
 * increments. Keys are `/registry/<resource>/<namespace>/<name>` (`/registry/<resource>/<name>`
 * when cluster-scoped). Entries are kept per resource prefix so listing pods never scans nodes,
 * and within it by namespace and name (see EtcdPath).
 */
export class EtcdStore {
  private rev = 1;
  private readonly buckets = new Map<string, Bucket>();
  private readonly writeListeners = new Set<(w: EtcdWrite) => void>();

  get revision(): number {
    return this.rev;
  }

  get(key: string): EtcdEntry | undefined {
    return this.locate(key)?.entry;
  }

  locate(key: string): EtcdSlot | undefined {
    const p = pathOf(key);
    return this.locateAt(p.prefix, p.namespace, p.name);
  }

  /** locate() of the key a resource's etcdPrefix, namespace and name make, without building it. */
  locateAt(prefix: string, namespace: string | undefined, name: string): EtcdSlot | undefined {
    const bucket = this.buckets.get(prefix);
    if (!bucket) return undefined;
    return (namespace === undefined ? bucket.cluster : bucket.namespaces.get(namespace))?.get(name);
  }

  /** Entries whose key starts with `prefix`, in key order (as an etcd range). */
  range(prefix: string): EtcdEntry[] {
    const out: EtcdEntry[] = [];
    this.rangeOver(prefix, (slot) => out.push(slot.entry));
    return out;
  }

  /** The slots of range(prefix). */
  rangeSlots(prefix: string): EtcdSlot[] {
    const out: EtcdSlot[] = [];
    this.rangeOver(prefix, (slot) => out.push(slot));
    return out;
  }

  private rangeOver(prefix: string, visit: (slot: Slot) => void): void {
    const bucket = this.buckets.get(prefixOf(prefix.endsWith("/") ? prefix + "x" : prefix));
    if (!bucket) return;
    // The sorted slot list survives updates; only a new or deleted key re-sorts it.
    let sorted = bucket.sorted;
    if (!sorted) {
      sorted = [...bucket.cluster.values()];
      for (const names of bucket.namespaces.values()) for (const slot of names.values()) sorted.push(slot);
      sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      bucket.sorted = sorted;
    }
    // Keys with the prefix are contiguous in key order: two binary searches find where they
    // start and end, so the keys in between are never read.
    const start = firstIndex(sorted, (key) => key >= prefix);
    const end = firstIndex(sorted, (key) => key > prefix && !key.startsWith(prefix));
    for (let i = start; i < end; i++) visit(sorted[i]);
  }

  count(prefix: string): number {
    return this.buckets.get(prefixOf(prefix + "x"))?.size ?? 0;
  }

  /**
   * Writes `value` (with resourceVersion set to the new revision). With `expectModRevision`,
   * fails (returns undefined) unless the key is at that revision — a compare-and-swap txn.
   */
  put(key: string, value: KubeObject, expectModRevision?: number): EtcdEntry | undefined {
    return this.write(key, value, expectModRevision, true)?.entry;
  }

  /**
   * kube-apiserver's txn: put, also returning the entry it replaced, and storing `value` itself
   * (its metadata gets the resourceVersion in place), so `value` and `value.metadata` must be
   * objects the caller made for this write and shares with nobody. `located`, the key's slot
   * from an earlier locate(), saves the lookup while it still holds the key; else `path`, the
   * key's parts, saves splitting it.
   */
  swap(key: string, value: KubeObject, expectModRevision?: number, located?: EtcdSlot, path?: EtcdPath): EtcdSwap | undefined {
    return this.write(key, value, expectModRevision, false, located as Slot | undefined, path);
  }

  private write(key: string, value: KubeObject, expectModRevision: number | undefined, copy: boolean, located?: Slot, path?: EtcdPath): EtcdSwap | undefined {
    let slot = located;
    let bucket: Bucket | undefined;
    let names: Map<string, Slot> | undefined;
    let name = "";
    if (!slot || slot.removed || slot.key !== key) {
      const p = path ?? pathOf(key);
      bucket = this.bucket(p.prefix);
      names = p.namespace === undefined ? bucket.cluster : bucket.namespaces.get(p.namespace);
      if (!names) bucket.namespaces.set(p.namespace!, (names = new Map()));
      name = p.name;
      slot = names.get(name);
    }
    const prev = slot?.entry;
    if (expectModRevision !== undefined && (prev?.modRevision ?? 0) !== expectModRevision) return undefined;
    const revision = ++this.rev;
    let stored = value;
    if (copy) stored = { ...value, metadata: { ...value.metadata, resourceVersion: String(revision) } } as KubeObject;
    else value.metadata.resourceVersion = String(revision);
    const entry: EtcdEntry = {
      key,
      value: stored,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      version: (prev?.version ?? 0) + 1,
    };
    if (slot) slot.entry = entry;
    else {
      names!.set(name, (slot = { key, entry, removed: false, bucket: bucket! }));
      bucket!.size++;
      bucket!.sorted = undefined;
    }
    this.emit({ type: "put", key, value: stored, prev: prev?.value, revision, slot }, slot.bucket);
    return { entry, prev };
  }

  delete(key: string): EtcdEntry | undefined {
    const p = pathOf(key);
    const bucket = this.buckets.get(p.prefix);
    const names = p.namespace === undefined ? bucket?.cluster : bucket?.namespaces.get(p.namespace);
    const slot = names?.get(p.name);
    if (!bucket || !names || !slot) return undefined;
    const prev = slot.entry;
    slot.removed = true;
    names.delete(p.name);
    bucket.size--;
    bucket.sorted = undefined;
    const revision = ++this.rev;
    this.emit({ type: "delete", key, value: prev.value, prev: prev.value, revision, slot }, bucket);
    return prev;
  }

  /** All keys (the inspector lists them). */
  keys(): string[] {
    const out: string[] = [];
    for (const b of this.buckets.values()) {
      for (const s of b.cluster.values()) out.push(s.key);
      for (const names of b.namespaces.values()) for (const s of names.values()) out.push(s.key);
    }
    return out.sort();
  }

  /** Every committed write, synchronously (kube-apiserver's watch and the displays use it). */
  onWrite(listener: (w: EtcdWrite) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Every committed write of one resource (`prefix`: its etcdPrefix), after the onWrite listeners. */
  onWriteUnder(prefix: string, listener: (w: EtcdWrite) => void): void {
    this.bucket(prefix).listeners.push(listener);
  }

  private bucket(prefix: string): Bucket {
    let bucket = this.buckets.get(prefix);
    if (!bucket) this.buckets.set(prefix, (bucket = { cluster: new Map(), namespaces: new Map(), size: 0, sorted: undefined, listeners: [] }));
    return bucket;
  }

  private emit(w: EtcdWrite, bucket: Bucket): void {
    for (const l of this.writeListeners) l(w);
    for (const l of bucket.listeners) l(w);
  }
}

/**
 * Where the resource prefix of a key ends: its third slash (fourth for services, which live
 * under `/registry/services/specs/`); -1 when the key has no more than the prefix.
 */
function cutOf(key: string): number {
  const i0 = key.indexOf("/");
  const i1 = i0 < 0 ? -1 : key.indexOf("/", i0 + 1);
  const i2 = i1 < 0 ? -1 : key.indexOf("/", i1 + 1);
  if (i1 >= 0 && key.startsWith("services", i1 + 1) && (i2 < 0 ? key.length : i2) === i1 + 9) return i2 < 0 ? -1 : key.indexOf("/", i2 + 1);
  return i2;
}

function prefixOf(key: string): string {
  const cut = cutOf(key);
  return cut < 0 ? key : key.slice(0, cut);
}

/** A key's parts; what follows the prefix is `<name>` or `<namespace>/<name>`. */
function pathOf(key: string): EtcdPath {
  const cut = cutOf(key);
  if (cut < 0) return { prefix: key, namespace: undefined, name: "" };
  const last = key.lastIndexOf("/");
  const prefix = key.slice(0, cut);
  return last > cut ? { prefix, namespace: key.slice(cut + 1, last), name: key.slice(last + 1) } : { prefix, namespace: undefined, name: key.slice(cut + 1) };
}

/** The first index whose key satisfies `past` (false up to some index, true from there on). */
function firstIndex(sorted: readonly Slot[], past: (key: string) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(sorted[mid].key)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
