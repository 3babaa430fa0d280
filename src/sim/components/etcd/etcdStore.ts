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

interface Bucket {
  readonly entries: Map<string, EtcdEntry>;
  /** Keys in order, rebuilt lazily after a key is added or removed. */
  sorted: string[] | undefined;
}

/**
 * etcd's data model: an ordered key-value store with one global revision that every write
 * increments. Keys are `/registry/<resource>/<namespace>/<name>`. Entries are kept per
 * resource prefix so listing pods never scans nodes.
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
    return this.buckets.get(this.bucketOf(key))?.entries.get(key);
  }

  /** Entries whose key starts with `prefix`, in key order (as an etcd range). */
  range(prefix: string): EtcdEntry[] {
    const bucketKey = this.bucketOf(prefix.endsWith("/") ? prefix + "x" : prefix);
    const bucket = this.buckets.get(bucketKey);
    if (!bucket) return [];
    // The sorted key list survives updates; only a new or deleted key re-sorts it.
    let sorted = bucket.sorted;
    if (!sorted) {
      sorted = [...bucket.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      bucket.sorted = sorted;
    }
    const out: EtcdEntry[] = [];
    for (const k of sorted) if (k.startsWith(prefix)) out.push(bucket.entries.get(k)!);
    return out;
  }

  count(prefix: string): number {
    return this.buckets.get(this.bucketOf(prefix + "x"))?.entries.size ?? 0;
  }

  /**
   * Writes `value` (with resourceVersion set to the new revision). With `expectModRevision`,
   * fails (returns undefined) unless the key is at that revision — a compare-and-swap txn.
   */
  put(key: string, value: KubeObject, expectModRevision?: number): EtcdEntry | undefined {
    const bucketKey = this.bucketOf(key);
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = { entries: new Map(), sorted: undefined };
      this.buckets.set(bucketKey, bucket);
    }
    const prev = bucket.entries.get(key);
    if (expectModRevision !== undefined && (prev?.modRevision ?? 0) !== expectModRevision) return undefined;
    const revision = ++this.rev;
    const stored = { ...value, metadata: { ...value.metadata, resourceVersion: String(revision) } } as KubeObject;
    const entry: EtcdEntry = {
      key,
      value: stored,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      version: (prev?.version ?? 0) + 1,
    };
    bucket.entries.set(key, entry);
    if (!prev) bucket.sorted = undefined;
    this.emit({ type: "put", key, value: stored, prev: prev?.value, revision });
    return entry;
  }

  delete(key: string): EtcdEntry | undefined {
    const bucket = this.buckets.get(this.bucketOf(key));
    const prev = bucket?.entries.get(key);
    if (!bucket || !prev) return undefined;
    bucket.entries.delete(key);
    bucket.sorted = undefined;
    const revision = ++this.rev;
    this.emit({ type: "delete", key, value: prev.value, prev: prev.value, revision });
    return prev;
  }

  /** Every committed write, synchronously (kube-apiserver's watch and the displays use it). */
  onWrite(listener: (w: EtcdWrite) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** All keys (the inspector lists them). */
  keys(): string[] {
    const out: string[] = [];
    for (const b of this.buckets.values()) for (const k of b.entries.keys()) out.push(k);
    return out.sort();
  }

  private emit(w: EtcdWrite): void {
    for (const l of this.writeListeners) l(w);
  }
}
