import type { KubeObject } from "../../api/types";
import type { ApiRequest, WatchEvent } from "../apiserver/request";
import type { ApiClient, Informer, InformerHandler, WatchHandle } from "./types";

export function objectKey(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? "");
}

interface Index<T> {
  keysOf: (obj: T) => readonly string[];
  /** Single-valued indexes (the standard ones) skip building an array per object. */
  keyOf?: (obj: T) => string | undefined;
  /** Index value → objects by cache key. */
  byValue: Map<string, Map<string, T>>;
}

const STANDARD_INDEXES = new Set(["nodeName", "controller"]);

function nodeNameOf(o: KubeObject): string | undefined {
  const n = (o as { spec?: { nodeName?: string } }).spec?.nodeName;
  return n ? n : undefined;
}

function controllerUidOf(o: KubeObject): string | undefined {
  const refs = o.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller) return r.uid;
  return undefined;
}

/**
 * client-go's shared informer: list+watch one resource, keep a local cache with indexes, and
 * call handlers on changes. After a re-list it diffs the new state against the cache so
 * handlers see exactly what changed while the watch was broken.
 */
export class SharedInformer<T extends KubeObject> implements Informer<T> {
  private readonly cache = new Map<string, T>();
  /** Namespace → name → object: a get needs no `namespace/name` key built per call. */
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private readonly indexes = new Map<string, Index<T>>();
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
    this.addSingleIndex("nodeName", nodeNameOf);
    this.addSingleIndex("controller", controllerUidOf);
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
    return namespace ? this.byNamespace.get(namespace)?.get(name) : this.cache.get(name);
  }

  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.cache.values()];
    const objs = this.byNamespace.get(namespace);
    return objs ? [...objs.values()] : [];
  }

  byIndex(index: string, value: string): T[] {
    if (index === "namespace") return this.list(value);
    const idx = this.indexes.get(index);
    if (!idx && STANDARD_INDEXES.has(index)) throw new Error(`${this.resource} informer was created without the ${index} index`);
    const objs = idx?.byValue.get(value);
    return objs ? [...objs.values()] : [];
  }

  addIndex(index: string, keysOf: (obj: T) => readonly string[]): void {
    this.register(index, { keysOf, byValue: new Map() });
  }

  private addSingleIndex(index: string, keyOf: (obj: T) => string | undefined): void {
    this.register(index, {
      keysOf: (o) => {
        const v = keyOf(o);
        return v === undefined ? [] : [v];
      },
      keyOf,
      byValue: new Map(),
    });
  }

  private register(index: string, idx: Index<T>): void {
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
    const k = (ev.key ??= objectKey(o));
    if (ev.type === "DELETED") this.remove(k, this.cache.get(k) ?? o);
    else this.upsert(k, o);
  }

  private upsert(k: string, o: T): void {
    const old = this.cache.get(k);
    if (old && old.metadata.resourceVersion === o.metadata.resourceVersion) return;
    this.cache.set(k, o);
    if (old) this.reindex(k, old, o);
    else this.index(k, o);
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
      let m = this.byNamespace.get(ns);
      if (!m) this.byNamespace.set(ns, (m = new Map()));
      m.set(o.metadata.name ?? "", o);
    }
    for (const idx of this.indexes.values()) this.indexAdd(idx, k, o);
  }

  private indexAdd(idx: Index<T>, k: string, o: T): void {
    if (idx.keyOf) {
      const v = idx.keyOf(o);
      if (v !== undefined) addTo(idx.byValue, v, k, o);
      return;
    }
    for (const v of idx.keysOf(o)) addTo(idx.byValue, v, k, o);
  }

  /**
   * unindex(old) then index(o), with one lookup per index when the value did not change. The
   * standard single-valued indexes (nodeName, controller) move the key to the end of its entry,
   * so those lists keep the order of last change, which controllers' stable sorts rely on; the
   * namespace and multi-valued indexes update in place (a 30,000-pod namespace would otherwise
   * churn one large map on every status change).
   */
  private reindex(k: string, old: T, o: T): void {
    const ns = o.metadata.namespace;
    // A cache key names one object: the namespace and name never change under it.
    if (ns) this.byNamespace.get(ns)!.set(o.metadata.name ?? "", o);
    for (const idx of this.indexes.values()) {
      if (!idx.keyOf) {
        const before = idx.keysOf(old);
        const after = idx.keysOf(o);
        if (before === after || sameKeys(before, after)) for (const v of after) idx.byValue.get(v)!.set(k, o);
        else {
          for (const v of before) idx.byValue.get(v)?.delete(k);
          for (const v of after) addTo(idx.byValue, v, k, o);
        }
        continue;
      }
      const a = idx.keyOf(old);
      const b = idx.keyOf(o);
      if (a !== undefined && a === b) moveToEnd(idx.byValue, a, k, o);
      else {
        if (a !== undefined) idx.byValue.get(a)?.delete(k);
        if (b !== undefined) addTo(idx.byValue, b, k, o);
      }
    }
  }

  private unindex(k: string, o: T): void {
    const ns = o.metadata.namespace;
    if (ns) this.byNamespace.get(ns)?.delete(o.metadata.name ?? "");
    for (const idx of this.indexes.values()) {
      if (idx.keyOf) {
        const v = idx.keyOf(o);
        if (v !== undefined) idx.byValue.get(v)?.delete(k);
      } else for (const v of idx.keysOf(o)) idx.byValue.get(v)?.delete(k);
    }
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function moveToEnd<T>(byValue: Map<string, Map<string, T>>, v: string, k: string, o: T): void {
  const m = byValue.get(v);
  if (!m) {
    byValue.set(v, new Map([[k, o]]));
    return;
  }
  m.delete(k);
  m.set(k, o);
}

function addTo<T>(byValue: Map<string, Map<string, T>>, v: string, k: string, o: T): void {
  let m = byValue.get(v);
  if (!m) byValue.set(v, (m = new Map()));
  m.set(k, o);
}
