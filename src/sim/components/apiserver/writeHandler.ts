import type { KubeObject, Pod, PodDisruptionBudget, Service, Status } from "../../api/types";
import { cannotBeHandled, decodeObject, deepEqual, etcdKey, groupResource, applyMergePatch, applyStrategicMergePatch, labelSelectorMatches, type ResourceInfo } from "../../api";
import type { Kernel } from "../../runtime/kernel";
import { Channel } from "../../runtime/channel";
import type { ComponentId, TraceInput } from "../../runtime/trace";
import { draw, type Profile } from "../../profiles";
import type { EtcdEntry, EtcdPath, EtcdServer, EtcdSlot, EtcdStore } from "../etcd";
import { admit, type AdmissionContext } from "./admission";
import { finishedDeleting, planDelete } from "./deletion";
import { alreadyExists, badRequest, conflict, internalError, invalid, methodNotAllowed, notFound, STALE_OBJECT } from "./errors";
import { ServiceAllocator } from "./ipAllocator";
import { prepareMetaForCreate, prepareMetaForUpdate } from "./objectMeta";
import { bindPod, initialPodStatus } from "./podStrategy";
import type { ApiRequest, ApiResponse } from "./request";
import { allocateServiceAddresses, releaseServiceAddresses } from "./serviceStrategy";
import type { WatchHub } from "./watchHub";
import { checkEviction } from "../controllers/disruption";
import type { Reply } from "./kubeApiserver";

/** A second write in the same etcd transaction (the eviction API updates the budget too). */
interface AlsoPut {
  key: string;
  resource: string;
  value: KubeObject;
  expect: number;
}

/**
 * A put's value and its metadata are made for the request and shared with nobody: etcd stores
 * them as they are (see EtcdStore.swap).
 */
type Plan =
  | { op: "put"; key: string; value: KubeObject; expect: number; status: number; after?: () => void; also?: AlsoPut; at?: EtcdSlot; path?: EtcdPath }
  | { op: "delete"; key: string; expect: number; after?: () => void; value: KubeObject; also?: AlsoPut }
  | { op: "none"; response: ApiResponse };

const WITH_STATUS = new Set(["pods", "deployments", "replicasets", "daemonsets", "services", "nodes", "namespaces", "poddisruptionbudgets"]);
const MAX_RETRIES = 5;

/** Create, update, patch and delete (and the binding, eviction, status and scale subresources). */
export class WriteHandler {
  private readonly toEtcd: Channel;
  private readonly fromEtcd: Channel;
  readonly allocator: ServiceAllocator;
  /** What admission needs for every create (one object, not one per request). */
  private readonly createContext: AdmissionContext;

  constructor(
    private readonly kernel: Kernel,
    private readonly etcd: EtcdServer,
    private readonly profile: Profile,
    private readonly watches: WatchHub,
  ) {
    this.toEtcd = new Channel(kernel);
    this.fromEtcd = new Channel(kernel);
    this.allocator = new ServiceAllocator(kernel.rng);
    this.createContext = { store: etcd.store, operation: "create", defaultTolerationSeconds: profile.controllers.defaultTolerationSeconds };
  }

  handle(from: ComponentId, req: ApiRequest, info: ResourceInfo, reply: Reply, attempt = 0): void {
    const plan = from === "kubectl" ? this.decodeThenPlan(req, info) : this.plan(req, info);
    if ("kind" in plan) {
      reply({ ok: false, status: plan.code, error: plan });
      return;
    }
    if (plan.op === "none" || req.dryRun) {
      if (plan.op === "none") reply(plan.response);
      else reply({ ok: true, status: plan.op === "put" ? plan.status : 200, object: plan.value });
      return;
    }
    this.commit(from, req, info, plan, reply, attempt);
  }

  /** What users write is decoded strictly (fieldValidation=Strict): unknown fields are refused. */
  private decodeThenPlan(req: ApiRequest, info: ResourceInfo): Plan | Status {
    if ((req.verb === "create" || req.verb === "update") && !req.subresource && req.body !== undefined) {
      const decoded = decodeObject(req.body);
      if (!decoded.ok) {
        const body = req.body as { kind?: string; apiVersion?: string };
        const message = decoded.reason === "Strict" || decoded.reason === "TypeError" ? cannotBeHandled(body.kind ?? info.kind, body.apiVersion ?? info.apiVersion, decoded.message) : decoded.message;
        return badRequest(message);
      }
      return this.plan({ ...req, body: decoded.object }, info);
    }
    return this.plan(req, info);
  }

  private plan(req: ApiRequest, info: ResourceInfo): Plan | Status {
    const ns = info.namespaced ? (req.namespace ?? (req.body as KubeObject | undefined)?.metadata?.namespace ?? "default") : undefined;
    const name = req.name ?? (req.body as KubeObject | undefined)?.metadata?.name;
    // A plain create looks its key up itself (after generateName); the rest act on what is
    // stored, and write back under the stored key.
    const plainCreate = req.verb === "create" && req.subresource === undefined;
    const slot = name && !plainCreate ? this.etcd.store.locateAt(info.etcdPrefix, scopeOf(info, ns), name) : undefined;
    const planned = this.planWith(req, info, ns, name, slot?.entry);
    // Writing back what was read here needs no second lookup (etcd checks the slot still holds the key).
    if (slot && "op" in planned && planned.op === "put") planned.at = slot;
    return planned;
  }

  private planWith(req: ApiRequest, info: ResourceInfo, ns: string | undefined, name: string | undefined, current: EtcdEntry | undefined): Plan | Status {
    const now = this.kernel.now;

    if (req.subresource === "binding") return this.planBinding(req, info, current);
    if (req.subresource === "eviction") return this.planEviction(req, info, current, ns!);
    if (req.subresource === "scale") return this.planScale(req, info, current);

    switch (req.verb) {
      case "create": {
        const body = req.body as KubeObject | undefined;
        if (!body || typeof body !== "object") return badRequest("the body of the request was in an unknown format");
        if (info.namespaced && body.metadata?.namespace && req.namespace && body.metadata.namespace !== req.namespace) {
          return badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        let obj = prepareMetaForCreate(body, ns, now, this.kernel.rng);
        const objName = obj.metadata.name;
        if (!objName) return this.invalidName(info);
        const path: EtcdPath = { prefix: info.etcdPrefix, namespace: scopeOf(info, ns), name: objName };
        if (this.etcd.store.locateAt(path.prefix, path.namespace, objName)) return alreadyExists(groupResource(info), objName);
        const admitted = admit(obj, info, this.createContext);
        if ("code" in admitted && admitted.kind === "Status") return admitted as Status;
        obj = admitted as KubeObject;
        if (obj.kind === "Pod") (obj as Pod).status = initialPodStatus(obj as Pod);
        if (obj.kind === "Namespace") obj = { ...obj, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } } as KubeObject;
        if (obj.kind === "Service" && !req.dryRun) {
          const svc = allocateServiceAddresses(obj as Service, this.allocator);
          if (Array.isArray(svc)) return invalid(info.kind, info.group, obj.metadata.name ?? "", svc);
          obj = svc;
        }
        return { op: "put", key: etcdKey(info, ns, objName), value: obj, expect: 0, status: 201, path };
      }
      case "update":
      case "patch": {
        if (!current) return notFound(groupResource(info), name ?? "");
        let next: KubeObject;
        if (req.verb === "patch") {
          const patched = req.patchType === "merge" ? applyMergePatch(current.value, req.body) : applyStrategicMergePatch(current.value, req.body);
          next = patched as KubeObject;
        } else {
          next = req.body as KubeObject;
          const rv = next?.metadata?.resourceVersion ?? req.resourceVersion;
          if (rv && rv !== current.value.metadata.resourceVersion) return conflict(groupResource(info), name!, STALE_OBJECT);
        }
        return this.planUpdate(req, info, current, next);
      }
      case "delete": {
        if (!current) return notFound(groupResource(info), name ?? "");
        const d = planDelete(current.value, req, now);
        if (d.kind === "delete") return { op: "delete", key: current.key, expect: current.modRevision, value: current.value, after: this.afterDelete(current.value) };
        if (d.object === current.value) return { op: "none", response: { ok: true, status: 200, object: current.value } };
        return { op: "put", key: current.key, value: d.object, expect: current.modRevision, status: 200 };
      }
      default:
        return methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
  }

  private planUpdate(req: ApiRequest, info: ResourceInfo, current: EtcdEntry, body: KubeObject): Plan | Status {
    const old = current.value;
    let next: KubeObject;
    let unchanged: boolean;
    if (req.subresource === "status") {
      // The status strategies reset spec and labels to the stored ones but keep the rest of the
      // new metadata (a Deployment's revision annotation arrives with its status update).
      const annotations = body.metadata?.annotations ?? old.metadata.annotations;
      const status = (body as { status?: unknown }).status;
      const metadata = { ...old.metadata };
      if (annotations) metadata.annotations = annotations;
      next = { ...old, metadata, status } as KubeObject;
      // Only the annotations and the status can differ from the stored object.
      unchanged = deepEqual(status, (old as { status?: unknown }).status) && (!annotations || deepEqual(annotations, old.metadata.annotations));
    } else {
      next = prepareMetaForUpdate(body, old);
      if (WITH_STATUS.has(info.resource)) (next as { status?: unknown }).status = (old as { status?: unknown }).status;
      const admitted = admit(next, info, { store: this.etcd.store, operation: "update", old, defaultTolerationSeconds: this.profile.controllers.defaultTolerationSeconds });
      if ("kind" in admitted && admitted.kind === "Status") return admitted as Status;
      next = admitted as KubeObject;
      if (next.kind === "Service") {
        const svc = allocateServiceAddresses(next as Service, this.allocator, old as Service);
        if (Array.isArray(svc)) return invalid(info.kind, info.group, next.metadata.name ?? "", svc);
        next = svc;
      }
      unchanged = deepEqual(next, old);
    }
    if (finishedDeleting(next)) return { op: "delete", key: current.key, expect: current.modRevision, value: next, after: this.afterDelete(next) };
    if (unchanged) return { op: "none", response: { ok: true, status: 200, object: old } };
    return { op: "put", key: current.key, value: next, expect: current.modRevision, status: 200 };
  }

  private planBinding(req: ApiRequest, info: ResourceInfo, current: EtcdEntry | undefined): Plan | Status {
    if (!current) return notFound(groupResource(info), req.name ?? "");
    const pod = current.value as Pod;
    const target = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
    if (!target) return badRequest("a binding must have a target node");
    if (pod.spec.nodeName) return conflict("pods/binding", pod.metadata.name!, `pod ${pod.metadata.name} is already assigned to node "${pod.spec.nodeName}"`);
    if (pod.metadata.deletionTimestamp) return conflict("pods/binding", pod.metadata.name!, `pod ${pod.metadata.name} is being deleted, cannot be assigned to a host`);
    return { op: "put", key: current.key, value: bindPod(pod, target, this.kernel.now), expect: current.modRevision, status: 201 };
  }

  /** The eviction API: a graceful delete that respects PodDisruptionBudgets. */
  private planEviction(req: ApiRequest, info: ResourceInfo, current: EtcdEntry | undefined, ns: string): Plan | Status {
    if (!current) return notFound(groupResource(info), req.name ?? "");
    const pod = current.value as Pod;
    const pdbEntries = this.etcd.store.range(`/registry/poddisruptionbudgets/${ns}/`);
    const matching = pdbEntries.filter((e) => {
      const sel = (e.value as PodDisruptionBudget).spec.selector;
      return sel && labelSelectorMatches(sel, pod.metadata.labels ?? {});
    });
    if (matching.length > 1) return internalError("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
    let also: AlsoPut | undefined;
    // A pod that is not running (or already terminating) does not count against the budget.
    if (matching[0] && !pod.metadata.deletionTimestamp && pod.status?.phase === "Running") {
      const check = checkEviction(matching[0].value as PodDisruptionBudget, pod.metadata.name ?? "", this.kernel.now);
      if (!check.allowed) return check.error;
      also = { key: matching[0].key, resource: "poddisruptionbudgets", value: check.updated as KubeObject, expect: matching[0].modRevision };
    }
    const d = planDelete(pod, { ...req, verb: "delete" }, this.kernel.now);
    if (d.kind === "delete") return { op: "delete", key: current.key, expect: current.modRevision, value: pod, after: this.afterDelete(pod), also };
    // An already terminating pod is stored again as it is: as a copy (the put's own objects).
    const value = d.object === pod ? { ...pod, metadata: { ...pod.metadata } } : d.object;
    return { op: "put", key: current.key, value, expect: current.modRevision, status: 201, also };
  }

  /** deployments/scale and friends: an autoscaling/v1 Scale view of spec.replicas. */
  private planScale(req: ApiRequest, info: ResourceInfo, current: EtcdEntry | undefined): Plan | Status {
    if (!current) return notFound(groupResource(info), req.name ?? "");
    const obj = current.value as KubeObject & { spec: { replicas?: number }; status?: { replicas?: number } };
    if (req.verb === "get") return { op: "none", response: { ok: true, status: 200, object: scaleOf(obj) } };
    const patched = applyMergePatch(scaleOf(obj), req.body) as { spec?: { replicas?: number } };
    const replicas = patched.spec?.replicas;
    const next = { ...obj, spec: { ...obj.spec, replicas } } as KubeObject;
    return this.planUpdate({ ...req, subresource: undefined }, info, current, next);
  }

  private afterDelete(obj: KubeObject): (() => void) | undefined {
    if (obj.kind === "Service") return () => releaseServiceAddresses(obj as Service, this.allocator);
    return undefined;
  }

  private invalidName(info: ResourceInfo): Status {
    return invalid(info.kind, info.group, "", [{ reason: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" }]);
  }

  /** Sends the txn to etcd; on its answer, fans the change out to watchers and replies. */
  private commit(from: ComponentId, req: ApiRequest, info: ResourceInfo, plan: Exclude<Plan, { op: "none" }>, reply: Reply, attempt: number): void {
    const latency = draw(this.kernel.rng, this.profile.network.etcdMs);
    const txn = new Txn(from, req, info, plan, reply, attempt, latency);
    this.toEtcd.sendTo(latency, this.kernel.trace.active ? toEtcdTrace(txn) : null, this.atEtcd, txn);
  }

  // The closures of the rare paths and of tracing are made in functions of their own: a
  // function that makes one allocates its context on every call, whichever branch it takes.

  /** etcd runs the txn: on success the answer goes back to kube-apiserver (answered), else the request is retried or refused. */
  private readonly atEtcd = (txn: Txn): void => {
    const plan = txn.plan;
    if (!this.etcd.running) {
      this.timeOut(txn);
      return;
    }
    const store = this.etcd.store;
    const also = plan.also;
    let committed: EtcdEntry | undefined;
    if (plan.op === "put" && !also) {
      // A lone put is etcd's own compare-and-swap, which reports the entry it replaced.
      const swapped = store.swap(plan.key, plan.value, plan.expect, plan.at, plan.path);
      committed = swapped?.entry;
      txn.prev = swapped?.prev;
    } else {
      const prev = (txn.prev = store.get(plan.key));
      const alsoPrev = (txn.alsoPrev = also ? store.get(also.key) : undefined);
      const txnOk = prev?.modRevision === plan.expect || (plan.op === "put" && plan.expect === 0 && !prev);
      const alsoOk = !also || alsoPrev?.modRevision === also.expect;
      if (txnOk && alsoOk && also) store.put(also.key, also.value, also.expect);
      committed = !txnOk || !alsoOk ? undefined : plan.op === "put" ? store.put(plan.key, plan.value, plan.expect) : store.delete(plan.key);
    }
    if (!committed) {
      this.retryOrRefuse(txn);
      return;
    }
    txn.stored = plan.op === "put" ? committed.value : plan.value;
    this.fromEtcd.sendTo(draw(this.kernel.rng, this.profile.network.etcdMs), this.kernel.trace.active ? answerTrace(txn, store) : null, this.answered, txn);
  };

  private timeOut(txn: Txn): void {
    this.kernel.after(this.profile.network.etcdTimeoutMs - txn.latency, () => txn.reply({ ok: false, status: 500, error: { ...internalError("etcdserver: request timed out"), reason: "" } }));
  }

  /** The compare-and-swap failed: an update that named its resourceVersion conflicts, the rest are planned afresh (a few times). */
  private retryOrRefuse(txn: Txn): void {
    const { req, info, reply } = txn;
    const name = txn.plan.value.metadata.name;
    this.fromEtcd.send(1, null, () => {
      const namedVersion = req.verb === "update" && (req.resourceVersion || (req.body as KubeObject | undefined)?.metadata?.resourceVersion);
      if (!namedVersion && txn.attempt < MAX_RETRIES) this.handle(txn.from, req, info, reply, txn.attempt + 1);
      else reply({ ok: false, status: 409, error: conflict(groupResource(info), name ?? "", STALE_OBJECT) });
    });
  }

  /** kube-apiserver has etcd's answer: watchers hear of the change, then the client. */
  private readonly answered = (txn: Txn): void => {
    const { plan, stored } = txn;
    plan.after?.();
    if (plan.also) this.watches.publish(plan.also.resource, txn.alsoPrev?.value, this.etcd.store.get(plan.also.key)?.value);
    this.watches.publish(txn.info.resource, txn.prev?.value, plan.op === "put" ? stored : undefined);
    txn.reply({ ok: true, status: plan.op === "put" ? plan.status : 200, object: stored });
  };
}

/** One write between kube-apiserver and etcd: what both legs need, in one object rather than two closures and their contexts. */
class Txn {
  prev: EtcdEntry | undefined = undefined;
  alsoPrev: EtcdEntry | undefined = undefined;
  stored: KubeObject | undefined = undefined;

  constructor(
    readonly from: ComponentId,
    readonly req: ApiRequest,
    readonly info: ResourceInfo,
    readonly plan: Exclude<Plan, { op: "none" }>,
    readonly reply: Reply,
    readonly attempt: number,
    readonly latency: number,
  ) {}
}

function toEtcdTrace({ info, plan }: Txn): () => TraceInput {
  const verb = plan.op === "put" ? "put" : "delete";
  return () => ({ from: "kube-apiserver", to: "etcd", kind: "etcd", verb, resource: info.resource, namespace: plan.value.metadata.namespace, name: plan.value.metadata.name, summary: `txn ${verb} ${plan.key}`, narration: `kube-apiserver asks etcd to ${verb === "put" ? "store" : "delete"} ${plan.key}; etcd commits it through raft.` });
}

function answerTrace({ info, plan }: Txn, store: EtcdStore): () => TraceInput {
  return () => ({ from: "etcd", to: "kube-apiserver", kind: "etcd", verb: "ok", resource: info.resource, namespace: plan.value.metadata.namespace, name: plan.value.metadata.name, summary: `revision ${store.revision}`, narration: `etcd confirms the write at revision ${store.revision}; kube-apiserver now tells every watcher of ${info.resource}.` });
}

/** The namespace a key of `info` carries (as etcdKey builds it): none when cluster-scoped or empty. */
function scopeOf(info: ResourceInfo, ns: string | undefined): string | undefined {
  return info.namespaced && ns ? ns : undefined;
}

function scaleOf(obj: KubeObject & { spec: { replicas?: number }; status?: { replicas?: number } }): KubeObject {
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion },
    spec: { replicas: obj.spec.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0 },
  } as KubeObject;
}
