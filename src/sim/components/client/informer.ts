import type { KubeObject } from "../../api/types";
import type { ApiRequest, WatchEvent } from "../apiserver/request";
import type { ApiClient, Informer, InformerHandler, WatchHandle } from "./types";

export function objectKey(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? "");
}

interface Index<T> {
  keysOf: (obj: T) => string[];
  byValue: Map<string, Set<string>>;
}

/**
 * client-go's shared informer: list+watch one resource, keep a local cache with indexes, and
 * call handlers on changes. After a re-list it diffs the new state against the cache so
 * handlers see exactly what changed while the watch was broken.
 */
export class SharedInformer<T extends KubeObject> implements Informer<T> {
  private readonly cache = new Map<string, T>();
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly indexes = new Map<string, Index<T>>();
  private readonly handlers: InformerHandler<T>[] = [];
  private synced = false;
  private handle: WatchHandle | undefined;

  constructor(
    readonly resource: string,
    private readonly client: ApiClient,
    private readonly fieldSelector?: string,
  ) {
    this.addIndex("nodeName", (o) => {
      const n = (o as { spec?: { nodeName?: string } }).spec?.nodeName;
      return n ? [n] : [];
    });
    this.addIndex("controller", (o) => {
      const ref = o.metadata.ownerReferences?.find((r) => r.controller);
      return ref ? [ref.uid] : [];
    });
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
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.cache.values()];
    const keys = this.byNamespace.get(namespace);
    return keys ? [...keys].map((k) => this.cache.get(k)!) : [];
  }

  byIndex(index: string, value: string): T[] {
    if (index === "namespace") return this.list(value);
    const keys = this.indexes.get(index)?.byValue.get(value);
    return keys ? [...keys].map((k) => this.cache.get(k)!) : [];
  }

  addIndex(index: string, keysOf: (obj: T) => string[]): void {
    const idx: Index<T> = { keysOf, byValue: new Map() };
    this.indexes.set(index, idx);
    for (const [k, o] of this.cache) this.indexAdd(idx, k, o);
  }

  addHandler(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
    for (const o of this.cache.values()) handler.add?.(o);
  }

  private onSync(items: T[]): void {
    const seen = new Set<string>();
    for (const o of items) {
      const k = objectKey(o);
      seen.add(k);
      this.upsert(k, o);
    }
    for (const [k, o] of [...this.cache]) if (!seen.has(k)) this.remove(k, o);
    this.synced = true;
  }

  private onEvent(ev: WatchEvent): void {
    const o = ev.object as T;
    const k = objectKey(o);
    if (ev.type === "DELETED") this.remove(k, this.cache.get(k) ?? o);
    else this.upsert(k, o);
  }

  private upsert(k: string, o: T): void {
    const old = this.cache.get(k);
    if (old && old.metadata.resourceVersion === o.metadata.resourceVersion) return;
    if (old) this.unindex(k, old);
    this.cache.set(k, o);
    this.index(k, o);
    for (const h of this.handlers) {
      if (old) h.update?.(old, o);
      else h.add?.(o);
    }
  }

  private remove(k: string, o: T): void {
    if (!this.cache.has(k)) return;
    this.unindex(k, this.cache.get(k)!);
    this.cache.delete(k);
    for (const h of this.handlers) h.delete?.(o);
  }

  private index(k: string, o: T): void {
    const ns = o.metadata.namespace;
    if (ns) {
      let s = this.byNamespace.get(ns);
      if (!s) this.byNamespace.set(ns, (s = new Set()));
      s.add(k);
    }
    for (const idx of this.indexes.values()) this.indexAdd(idx, k, o);
  }

  private indexAdd(idx: Index<T>, k: string, o: T): void {
    for (const v of idx.keysOf(o)) {
      let s = idx.byValue.get(v);
      if (!s) idx.byValue.set(v, (s = new Set()));
      s.add(k);
    }
  }

  private unindex(k: string, o: T): void {
    const ns = o.metadata.namespace;
    if (ns) this.byNamespace.get(ns)?.delete(k);
    for (const idx of this.indexes.values()) for (const v of idx.keysOf(o)) idx.byValue.get(v)?.delete(k);
  }
}
