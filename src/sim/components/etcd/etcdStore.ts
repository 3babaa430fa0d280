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
}

/** Where a key's entry lives: a write of a key located before needs no second lookup. */
export interface EtcdSlot {
  readonly key: string;
  readonly entry: EtcdEntry;
}

/** The bucket's sorted list shares its slots, so an update re-sorts nothing. */
interface Slot extends EtcdSlot {
  entry: EtcdEntry;
  /** The key was deleted: a new slot holds it if it comes back. */
  removed: boolean;
}

interface Bucket {
  readonly slots: Map<string, Slot>;
  /** Slots in key order, rebuilt lazily after a key is added or removed. */
  sorted: Slot[] | undefined;
}

/** What a successful compare-and-swap wrote and what it replaced. */
export interface EtcdSwap {
  entry: EtcdEntry;
  prev: EtcdEntry | undefined;
}

/**
 * etcd's data model: an ordered key-value store with one global revision that every write
 * increments. Keys are `/registry/<resource>/<namespace>/<name>`. Entries are kept per
 * resource prefix so listing pods never scans nodes (and a lookup searches one resource's keys).
 */
export class EtcdStore {
  private rev = 1;
  private readonly buckets = new Map<string, Bucket>();
  private readonly writeListeners = new Set<(w: EtcdWrite) => void>();

  get revision(): number {
    return this.rev;
  }

  /**
   * Bucket = `/registry/<resource>/` (two path segments; services live under specs/): the key
   * up to and including its third slash (fourth for services), without splitting the key.
   */
  private bucketOf(key: string): string {
    const i0 = key.indexOf("/");
    const i1 = i0 < 0 ? -1 : key.indexOf("/", i0 + 1);
    const i2 = i1 < 0 ? -1 : key.indexOf("/", i1 + 1);
    let cut = i2;
    if (i1 >= 0 && key.startsWith("services", i1 + 1) && (i2 < 0 ? key.length : i2) === i1 + 9) cut = i2 < 0 ? -1 : key.indexOf("/", i2 + 1);
    return cut < 0 ? key + "/" : key.slice(0, cut + 1);
  }

  get(key: string): EtcdEntry | undefined {
    return this.locate(key)?.entry;
  }

  locate(key: string): EtcdSlot | undefined {
    return this.buckets.get(this.bucketOf(key))?.slots.get(key);
  }

  /** Entries whose key starts with `prefix`, in key order (as an etcd range). */
  range(prefix: string): EtcdEntry[] {
    const bucket = this.buckets.get(this.bucketOf(prefix.endsWith("/") ? prefix + "x" : prefix));
    if (!bucket) return [];
    // The sorted slot list survives updates; only a new or deleted key re-sorts it.
    let sorted = bucket.sorted;
    if (!sorted) {
      sorted = [...bucket.slots.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      bucket.sorted = sorted;
    }
    // Keys with the prefix are contiguous in key order: two binary searches find where they
    // start and end, so the keys in between are never read.
    const start = firstIndex(sorted, (key) => key >= prefix);
    const end = firstIndex(sorted, (key) => key > prefix && !key.startsWith(prefix));
    const out: EtcdEntry[] = [];
    for (let i = start; i < end; i++) out.push(sorted[i].entry);
    return out;
  }

  count(prefix: string): number {
    return this.buckets.get(this.bucketOf(prefix + "x"))?.slots.size ?? 0;
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
   * from an earlier locate(), saves the lookup while it still holds the key.
   */
  swap(key: string, value: KubeObject, expectModRevision?: number, located?: EtcdSlot): EtcdSwap | undefined {
    return this.write(key, value, expectModRevision, false, located as Slot | undefined);
  }

  private write(key: string, value: KubeObject, expectModRevision: number | undefined, copy: boolean, located?: Slot): EtcdSwap | undefined {
    let slot = located;
    let bucket: Bucket | undefined;
    if (!slot || slot.removed || slot.key !== key) {
      const bucketKey = this.bucketOf(key);
      bucket = this.buckets.get(bucketKey);
      if (!bucket) this.buckets.set(bucketKey, (bucket = { slots: new Map(), sorted: undefined }));
      slot = bucket.slots.get(key);
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
      bucket!.slots.set(key, { key, entry, removed: false });
      bucket!.sorted = undefined;
    }
    this.emit({ type: "put", key, value: stored, prev: prev?.value, revision });
    return { entry, prev };
  }

  delete(key: string): EtcdEntry | undefined {
    const bucket = this.buckets.get(this.bucketOf(key));
    const slot = bucket?.slots.get(key);
    if (!bucket || !slot) return undefined;
    const prev = slot.entry;
    slot.removed = true;
    bucket.slots.delete(key);
    bucket.sorted = undefined;
    const revision = ++this.rev;
    this.emit({ type: "delete", key, value: prev.value, prev: prev.value, revision });
    return prev;
  }

  /** All keys (the inspector lists them). */
  keys(): string[] {
    const out: string[] = [];
    for (const b of this.buckets.values()) for (const k of b.slots.keys()) out.push(k);
    return out.sort();
  }

  /** Every committed write, synchronously (kube-apiserver's watch and the displays use it). */
  onWrite(listener: (w: EtcdWrite) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private emit(w: EtcdWrite): void {
    for (const l of this.writeListeners) l(w);
  }
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
