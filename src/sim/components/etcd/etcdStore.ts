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

/**
 * etcd's data model: an ordered key-value store with one global revision that every write
 * increments. Keys are `/registry/<resource>/<namespace>/<name>`. Entries are kept per
 * resource prefix so listing pods never scans nodes.
 */
export class EtcdStore {
  private rev = 1;
  private readonly buckets = new Map<string, Map<string, EtcdEntry>>();
  private readonly writeListeners = new Set<(w: EtcdWrite) => void>();

  get revision(): number {
    return this.rev;
  }

  /** Bucket = `/registry/<resource>/` (two path segments; services live under specs/). */
  private bucketOf(key: string): string {
    const parts = key.split("/");
    const depth = parts[2] === "services" ? 4 : 3;
    return parts.slice(0, depth).join("/") + "/";
  }

  get(key: string): EtcdEntry | undefined {
    return this.buckets.get(this.bucketOf(key))?.get(key);
  }

  /** Entries whose key starts with `prefix`, in key order (as an etcd range). */
  range(prefix: string): EtcdEntry[] {
    const bucketKey = this.bucketOf(prefix.endsWith("/") ? prefix + "x" : prefix);
    const bucket = this.buckets.get(bucketKey);
    if (!bucket) return [];
    const out: EtcdEntry[] = [];
    for (const e of bucket.values()) if (e.key.startsWith(prefix)) out.push(e);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  count(prefix: string): number {
    return this.buckets.get(this.bucketOf(prefix + "x"))?.size ?? 0;
  }

  /**
   * Writes `value` (with resourceVersion set to the new revision). With `expectModRevision`,
   * fails (returns undefined) unless the key is at that revision — a compare-and-swap txn.
   */
  put(key: string, value: KubeObject, expectModRevision?: number): EtcdEntry | undefined {
    const bucketKey = this.bucketOf(key);
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(bucketKey, bucket);
    }
    const prev = bucket.get(key);
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
    bucket.set(key, entry);
    this.emit({ type: "put", key, value: stored, prev: prev?.value, revision });
    return entry;
  }

  delete(key: string): EtcdEntry | undefined {
    const bucket = this.buckets.get(this.bucketOf(key));
    const prev = bucket?.get(key);
    if (!bucket || !prev) return undefined;
    bucket.delete(key);
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
    for (const b of this.buckets.values()) for (const k of b.keys()) out.push(k);
    return out.sort();
  }

  private emit(w: EtcdWrite): void {
    for (const l of this.writeListeners) l(w);
  }
}
