import type { KubeObject, Status } from "../../api/types";
import { groupResource, resourceByPlural, etcdKey, type ResourceInfo } from "../../api";
import type { Kernel } from "../../runtime/kernel";
import type { ComponentId } from "../../runtime/trace";
import { draw, type Profile } from "../../profiles";
import type { EtcdServer } from "../etcd";
import { internalError, methodNotAllowed, notFound } from "./errors";
import { endpointsView } from "./endpointsView";
import { requestSummary, verbPhrase } from "./httpVerb";
import type { ApiRequest, ApiResponse, WatchEvent } from "./request";
import { requestFilter } from "./requestFilter";
import { PodNodeIndex } from "./podNodeIndex";
import { WatchHub, type Watcher } from "./watchHub";
import { WriteHandler } from "./writeHandler";

export type Reply = (res: ApiResponse) => void;
/** Where kube-apiserver forwards node-local subresources (pods/log, pods/exec) and metrics. */
export type NodeProxy = (from: ComponentId, req: ApiRequest, reply: Reply) => void;

/**
 * kube-apiserver: the only component that talks to etcd. Requests run a pipeline whose stages
 * are data (authentication → authorization → mutating admission → validation → validating
 * admission → etcd); reads are served from its watch cache; writes are committed to etcd and
 * then fanned out to watchers.
 */
export class KubeApiserver {
  readonly id = "kube-apiserver";
  private up = true;
  readonly watches = new WatchHub();
  private readonly writes: WriteHandler;
  private readonly outageListeners = new Set<() => void>();
  private readonly podsByNode: PodNodeIndex;
  nodeProxy: NodeProxy | undefined;

  constructor(
    private readonly kernel: Kernel,
    private readonly etcd: EtcdServer,
    private readonly profile: Profile,
  ) {
    this.writes = new WriteHandler(kernel, etcd, profile, this.watches);
    this.podsByNode = new PodNodeIndex(etcd.store);
  }

  get running(): boolean {
    return this.up;
  }

  stop(): void {
    this.up = false;
    this.watches.removeAll();
    for (const l of this.outageListeners) l();
  }

  start(): void {
    this.up = true;
  }

  /** Clients learn here that their watch connections broke (they re-list later). */
  onOutage(listener: () => void): () => void {
    this.outageListeners.add(listener);
    return () => this.outageListeners.delete(listener);
  }

  /** Entry point for a request that has reached kube-apiserver. */
  handle(from: ComponentId, req: ApiRequest, reply: Reply): void {
    const info = resourceByPlural(req.resource);
    if (!info && req.resource !== "nodemetrics" && req.resource !== "podmetrics") {
      reply({ ok: false, status: 404, error: { ...notFound(req.resource, req.name ?? ""), message: "the server could not find the requested resource" } });
      return;
    }
    if (!info || req.subresource === "log" || req.subresource === "exec") {
      if (this.nodeProxy) this.nodeProxy(from, req, reply);
      else reply({ ok: false, status: 503, error: internalError("no route to the node") });
      return;
    }
    if (from === "kubectl") this.notePipeline(req, info);
    if (info.readOnly) {
      this.kernel.after(draw(this.kernel.rng, this.profile.network.apiserverMs), () => this.readOnlyView(req, info, reply));
      return;
    }
    const work = () => {
      if (req.verb === "get") this.get(req, info, reply);
      else if (req.verb === "list") this.list(req, reply);
      else this.writes.handle(from, req, info, reply);
    };
    this.kernel.after(draw(this.kernel.rng, this.profile.network.apiserverMs), work);
  }

  /** Registers a watch for a client; events are delivered through `deliver` (the client's connection). */
  watch(req: ApiRequest, deliver: (ev: WatchEvent) => void): Watcher | Status {
    const filter = requestFilter(req);
    if ("kind" in filter) return filter;
    return this.watches.add(req.resource, filter, deliver);
  }

  unwatch(w: Watcher): void {
    this.watches.remove(w);
  }

  private get(req: ApiRequest, info: ResourceInfo, reply: Reply): void {
    this.whenEtcdReachable(reply, () => {
      // The parts of etcdKey(info, namespace, name); without a name there is no such key.
      const namespace = info.namespaced && req.namespace ? req.namespace : undefined;
      const entry = req.name === undefined ? undefined : this.etcd.store.locateAt(info.etcdPrefix, namespace, req.name)?.entry;
      if (!entry) reply({ ok: false, status: 404, error: notFound(groupResource(info), req.name ?? "") });
      else reply({ ok: true, status: 200, object: entry.value });
    });
  }

  private list(req: ApiRequest, reply: Reply): void {
    const filter = requestFilter(req);
    if ("kind" in filter) {
      reply({ ok: false, status: filter.code, error: filter });
      return;
    }
    this.whenEtcdReachable(reply, () => {
      reply({ ok: true, status: 200, items: this.snapshot(req), resourceVersion: String(this.etcd.store.revision) });
    });
  }

  /** Resources served as views of others (v1 Endpoints from EndpointSlices): read only. */
  private readOnlyView(req: ApiRequest, info: ResourceInfo, reply: Reply): void {
    if (req.verb !== "get" && req.verb !== "list") {
      reply({ ok: false, status: 405, error: methodNotAllowed(`${req.verb} is not supported on ${info.resource} in kubeglass: they mirror the EndpointSlices`) });
      return;
    }
    this.whenEtcdReachable(reply, () => {
      const items = this.snapshot(req);
      if (req.verb === "list") reply({ ok: true, status: 200, items, resourceVersion: String(this.etcd.store.revision) });
      else {
        const found = items.find((o) => o.metadata.name === req.name);
        if (found) reply({ ok: true, status: 200, object: found });
        else reply({ ok: false, status: 404, error: notFound(groupResource(info), req.name ?? "") });
      }
    });
  }

  /** The objects a list (or the start of a watch) returns, from the watch cache. */
  snapshot(req: ApiRequest): KubeObject[] {
    const info = resourceByPlural(req.resource);
    const filter = requestFilter(req);
    if (!info || "kind" in filter) return [];
    if (info.resource === "endpoints") return endpointsView(this.etcd.store, req.namespace).filter((o) => filter.matches(o));
    const prefix = etcdKey(info, info.namespaced ? req.namespace : undefined) + "/";
    const items: KubeObject[] = [];
    if (info.resource === "pods" && filter.indexValue !== undefined) {
      // Pods of one node come from the index, in the same key order as the range below.
      for (const e of this.podsByNode.entries(filter.indexValue)) if (e.key.startsWith(prefix) && filter.matches(e.value)) items.push(e.value);
      return items;
    }
    if (info.resource === "nodes" && filter.indexValue !== undefined) {
      // metadata.name=X: the node keyed X is the only one whose name can match.
      const e = this.etcd.store.locateAt(info.etcdPrefix, undefined, filter.indexValue)?.entry;
      if (e && filter.matches(e.value)) items.push(e.value);
      return items;
    }
    for (const e of this.etcd.store.range(prefix)) if (filter.matches(e.value)) items.push(e.value);
    return items;
  }

  /**
   * Consistent reads from the watch cache still need etcd to confirm the current revision:
   * with etcd down they fail after the request timeout.
   */
  private whenEtcdReachable(reply: Reply, serve: () => void): void {
    if (this.etcd.running) {
      serve();
      return;
    }
    this.kernel.after(this.profile.network.etcdTimeoutMs, () =>
      reply({ ok: false, status: 500, error: { ...internalError("etcdserver: request timed out"), reason: "" } }),
    );
  }

  private notePipeline(req: ApiRequest, info: ResourceInfo): void {
    const isWrite = req.verb !== "get" && req.verb !== "list" && req.verb !== "watch";
    const stages: [string, string][] = [
      ["authentication", "kube-apiserver authenticated the request: user kubernetes-admin (client certificate, group kubeadm:cluster-admins)."],
      ["authorization", `RBAC allowed kubernetes-admin to ${verbPhrase(req, info.kind)}.`],
    ];
    if (isWrite) {
      stages.push(
        ["mutating admission", "Mutating admission plugins filled in defaults (and, for pods, the service account and the 300 s not-ready/unreachable tolerations)."],
        ["validation", `kube-apiserver validated the ${info.kind} against the API schema.`],
        ["validating admission", "Validating admission plugins (namespace lifecycle, quotas, pod security) accepted it."],
      );
    }
    for (const [stage, narration] of stages) {
      this.kernel.note(() => ({ from: this.id, to: this.id, kind: "internal", verb: stage, resource: req.resource, namespace: req.namespace, name: req.name, summary: `${stage}: ${requestSummary(req)}`, narration, detail: { stage } }));
    }
  }
}
