import type { KubeEvent, KubeObject, Lease, Node, Pod } from "../../api/types";
import type { Kernel } from "../../runtime/kernel";
import { toMicroTimestamp } from "../../runtime/virtualTime";
import type { Profile } from "../../profiles";
import type { ApiClientImpl } from "../client/apiClient";
import { SharedInformer } from "../client/informer";
import type { ApiRequest } from "../apiserver/request";
import { EventRecorder } from "../controllers/framework";
import type { CriRuntime } from "./cri";
import { healthyConditions, nodeForRegistration, type MachineSpec } from "./nodeObject";
import { healthyStatusEvents, kubeletNodeRef, NODE_ALLOCATABLE_ENFORCED, nodeStatusMessage, schedulableEvent, STARTING_KUBELET } from "./nodeEvents";
import { NodeEventQueue } from "./nodeEventQueue";
import { PodWorker, type KubeletContext } from "./podWorker";
import { StatusManager } from "./statusManager";
import { kubeletId } from "../../clusterPlan";

/** The kubelet never asks its informers for the nodeName/controller indexes. */
const NO_STANDARD_INDEXES = { standardIndexes: false };
/** Timer options, shared by every kubelet timer (the kernel only reads them). */
const FOREGROUND = { background: false };
const BACKGROUND = { background: true };


export interface KubeletOptions {
  kernel: Kernel;
  profile: Profile;
  machine: MachineSpec;
  client: ApiClientImpl;
  runtime: CriRuntime;
  /** Static pods from /etc/kubernetes/manifests (the control plane on `control-plane`); mirrored into the API. */
  staticPods?: Pod[];
  /** This node's pod CIDR (10.244.N.0/24), used until node IPAM assigns one. */
  podCidr: string;
}

/**
 * The kubelet of one node: registers the Node, renews its Lease every 10 s, reports node
 * status, and runs the pods bound to its node (it watches only those) through the container
 * runtime. A stopped kubelet does nothing at all: that is what a dead node looks like.
 */
export class Kubelet {
  readonly id: string;
  private epoch = 0;
  private up = false;
  private pods: SharedInformer<Pod> | undefined;
  private nodeUid: string | undefined;
  private node: SharedInformer<Node> | undefined;
  private readonly workers = new Map<string, PodWorker>();
  private lease: Lease | undefined;
  private lastStatusReport = -Infinity;
  private readySince = 0;
  private readonly status: StatusManager;
  private nextIp = 2;
  private readonly freeIps: string[] = [];
  private events: EventRecorder;
  private podCidr: string;
  /** `a.b.c.` of podCidr: pod IPs are this plus a host number. */
  private ipPrefix: string;
  /** The Node as registration found it (created, or the existing one on AlreadyExists), until the informer has it. */
  private registeredNode: Node | undefined;
  /** recordNodeSchedulableEvent's lastNodeUnschedulable: false in a fresh kubelet process. */
  private lastUnschedulable = false;
  private readonly nodeEvents: NodeEventQueue;
  /** The time a queued event happened, while it is being written (the recorder stamps events with it). */
  private eventTime: number | undefined;
  /** What every pod worker gets from this kubelet (one object for all of them). */
  private readonly podContext: KubeletContext;

  constructor(private readonly o: KubeletOptions) {
    this.id = kubeletId(o.machine.name);
    this.events = this.newEventRecorder();
    this.podCidr = o.podCidr;
    this.ipPrefix = cidrPrefix(o.podCidr);
    this.status = new StatusManager({
      now: () => o.kernel.now,
      after: (ms, fn, background) => this.after(ms, fn, background),
      send: (req, cb) => this.send(req, cb),
      hasWorker: (uid) => this.workers.has(uid),
    });
    this.nodeEvents = new NodeEventQueue(
      (ev, answered) => {
        this.eventTime = ev.at;
        this.recordEvent(kubeletNodeRef(this.nodeName), ev.type, ev.reason, ev.message, undefined, answered);
        this.eventTime = undefined;
      },
      (fn) => this.after(o.profile.network.etcdTimeoutMs, fn, true),
    );
    this.podContext = {
      profile: o.profile,
      hostIP: o.machine.internalIP,
      runtime: o.runtime,
      now: () => o.kernel.now,
      after: (ms, fn, bg) => this.after(ms, fn, bg),
      event: (pod, type, reason, message, fieldPath) => this.recordEvent(pod, type, reason, message, fieldPath),
      allocateIP: () => this.allocateIp(),
      releaseIP: (ip) => this.freeIps.push(ip),
      statusChanged: (w) => this.status.changed(w),
      finishDeletion: (pod) => this.finishDeletion(pod),
    };
  }

  /** Events are stamped with the time they happened (a queued node event's, or now). */
  private newEventRecorder(): EventRecorder {
    return new EventRecorder("kubelet", () => this.eventTime ?? this.o.kernel.now);
  }

  get nodeName(): string {
    return this.o.machine.name;
  }

  get running(): boolean {
    return this.up;
  }

  /** Pod workers by pod uid (inspectors, logs and exec go through them). */
  worker(namespace: string, name: string): PodWorker | undefined {
    for (const w of this.workers.values()) if (w.pod.metadata.namespace === namespace && w.pod.metadata.name === name) return w;
    return undefined;
  }

  start(): void {
    if (this.up) return;
    this.up = true;
    this.epoch++;
    this.o.client.resume();
    this.workers.clear();
    this.status.reset();
    this.lease = undefined;
    this.readySince = this.o.kernel.now;
    // A new process: a fresh event correlator, so repeats of the last boot's events are new Events.
    this.events = this.newEventRecorder();
    this.registeredNode = undefined;
    this.lastUnschedulable = false;
    this.nodeEvents.restart();
    this.recordNodeEvent("Normal", STARTING_KUBELET.reason, STARTING_KUBELET.message);
    this.register();
    // The container manager starts once the runtime answers (at once here) and enforces allocatable.
    this.recordNodeEvent("Normal", NODE_ALLOCATABLE_ENFORCED.reason, NODE_ALLOCATABLE_ENFORCED.message);
  }

  stop(): void {
    this.up = false;
    this.epoch++;
    this.pods?.stop();
    this.pods = undefined;
    this.node?.stop();
    this.node = undefined;
    this.o.client.halt();
  }

  private guard(fn: () => void): () => void {
    const epoch = this.epoch;
    return () => {
      if (this.epoch === epoch && this.up) fn();
    };
  }

  private after(ms: number, fn: () => void, background = false): void {
    this.o.kernel.after(ms, this.guard(fn), background ? BACKGROUND : FOREGROUND);
  }

  /** The answer reaches `cb` only in the kubelet process that sent the request (the client drops it after a stop). */
  private send(req: ApiRequest, cb?: (ok: boolean, res: import("../apiserver/request").ApiResponse) => void): void {
    this.o.client.request(req, (res) => cb?.(res.ok, res));
  }

  private register(): void {
    const node = nodeForRegistration(this.o.machine, this.o.kernel.now);
    // initialNode runs the status setters over a Node with no conditions: every attempt records these.
    this.recordStatusEvents(healthyStatusEvents(undefined));
    this.send({ verb: "create", resource: "nodes", body: node, fieldManager: "kubelet" }, (ok, res) => {
      this.nodeEvents.release();
      if (!ok && res.ok === false && res.status !== 409) {
        this.after(this.o.profile.network.relistBackoffMs, () => this.register(), true);
        return;
      }
      if (ok && res.ok) {
        this.nodeUid = res.object?.metadata.uid;
        this.registeredNode = res.object as Node | undefined;
        this.registered(this.o.kernel.now);
        return;
      }
      // AlreadyExists: tryRegisterWithAPIServer reads the existing Node (its conditions may be Unknown by now).
      this.send({ verb: "get", resource: "nodes", name: this.nodeName }, (ok2, r2) => {
        if (!ok2 || !r2.ok || !r2.object) {
          this.after(this.o.profile.network.relistBackoffMs, () => this.register(), true);
          return;
        }
        this.nodeUid = r2.object.metadata.uid;
        this.registeredNode = r2.object as Node;
        this.registered(-Infinity);
      });
    });
  }

  private registered(lastStatusReport: number): void {
    this.lastStatusReport = lastStatusReport;
    this.watchPods();
    this.createMirrorPods();
    this.renewLease();
    this.updateNodeStatus();
  }

  private watchPods(): void {
    // Its own Node: the pod CIDR node IPAM assigned, and whether the control plane thinks it is Ready.
    const nodeInf = new SharedInformer<Node>("nodes", this.o.client, `metadata.name=${this.nodeName}`, NO_STANDARD_INDEXES);
    this.node = nodeInf;
    nodeInf.addHandler({ add: (n) => this.learnNode(n), update: (_, n) => this.learnNode(n) });
    nodeInf.start();
    const inf = new SharedInformer<Pod>("pods", this.o.client, `spec.nodeName=${this.nodeName}`, NO_STANDARD_INDEXES);
    this.pods = inf;
    // Handlers run only while the kubelet is up (a stopped informer delivers nothing more).
    inf.addHandler({
      add: (p) => {
        if (this.up) this.syncPod(p);
      },
      update: (_, p) => {
        if (this.up) this.syncPod(p);
      },
      delete: (p) => {
        if (this.up) this.podGone(p);
      },
    });
    inf.start();
  }

  /** Static pods run from files; the kubelet posts a read-only "mirror" of each so kubectl can see it. */
  private createMirrorPods(): void {
    if (!this.nodeUid) {
      // Re-registration answered AlreadyExists: learn the Node's uid first, mirror pods are owned by it.
      this.send({ verb: "get", resource: "nodes", name: this.nodeName }, (ok, res) => {
        if (ok && res.ok && res.object) {
          this.nodeUid = res.object.metadata.uid;
          this.createMirrorPods();
        } else this.after(this.o.profile.network.relistBackoffMs, () => this.createMirrorPods(), true);
      });
      return;
    }
    const owner = { apiVersion: "v1", kind: "Node", name: this.nodeName, uid: this.nodeUid, controller: true };
    for (const staticPod of this.o.staticPods ?? []) {
      const pod = { ...staticPod, metadata: { ...staticPod.metadata, ownerReferences: [owner] } };
      const post = () =>
        this.send({ verb: "create", resource: "pods", namespace: pod.metadata.namespace, body: pod }, (ok, res) => {
          if (!ok && res.status !== 409) this.after(this.o.profile.network.relistBackoffMs, post, true);
        });
      post();
    }
  }

  private learnNode(n: Node): void {
    if (n.spec.podCIDR && n.spec.podCIDR !== this.podCidr && this.nextIp === 2) {
      this.podCidr = n.spec.podCIDR;
      this.ipPrefix = cidrPrefix(n.spec.podCIDR);
    }
  }

  private syncPod(pod: Pod): void {
    const uid = pod.metadata.uid!;
    let w = this.workers.get(uid);
    if (!w) {
      if (pod.metadata.deletionTimestamp) {
        this.finishDeletion(pod); // nothing of it runs here any more
        return;
      }
      if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return;
      w = new PodWorker(pod, this.podContext);
      this.workers.set(uid, w);
      w.start();
      return;
    }
    w.update(pod);
    this.status.reconcile(w, pod);
  }

  private podGone(pod: Pod): void {
    const w = this.workers.get(pod.metadata.uid!);
    if (!w) return;
    if (!w.isDone) w.terminate();
    this.workers.delete(pod.metadata.uid!);
    this.status.forget(pod.metadata.uid!);
  }

  private allocateIp(): string {
    const reuse = this.freeIps.shift();
    if (reuse) return reuse;
    return this.ipPrefix + this.nextIp++;
  }

  private recordNodeEvent(type: "Normal" | "Warning", reason: string, message: string): void {
    this.nodeEvents.push({ type, reason, message, at: this.o.kernel.now });
  }

  private recordStatusEvents(reasons: readonly string[]): void {
    for (const reason of reasons) this.recordNodeEvent("Normal", reason, nodeStatusMessage(this.nodeName, reason));
  }

  private recordEvent(obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string, fieldPath?: string, answered?: () => void): void {
    const call = this.events.record(obj, type, reason, message);
    const req = call.request;
    if (req.verb === "create") {
      const ev = req.body as KubeEvent;
      ev.source = { component: "kubelet", host: this.nodeName };
      ev.reportingInstance = this.nodeName;
      if (fieldPath) ev.involvedObject.fieldPath = fieldPath;
      if (!ev.involvedObject.apiVersion) delete ev.involvedObject.apiVersion;
    }
    // The recorder learns from the answer whether the event exists, so repeats become count++ patches.
    this.send(req, (_ok, res) => {
      if (res.ok) call.followUp?.(res);
      else call.onFailure?.(res.error);
      answered?.();
    });
  }

  private finishDeletion(pod: Pod): void {
    this.send({ verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name, gracePeriodSeconds: 0 }, () => {
      this.workers.delete(pod.metadata.uid!);
      this.status.forget(pod.metadata.uid!);
    });
  }

  private renewLease(): void {
    const p = this.o.profile.kubelet;
    const now = this.o.kernel.now;
    const name = this.nodeName;
    const spec = { holderIdentity: name, leaseDurationSeconds: p.leaseDurationSeconds, renewTime: toMicroTimestamp(now) };
    const next = () => this.after(p.leaseRenewMs, () => this.renewLease(), true);
    if (!this.lease) {
      const lease: Lease = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name, namespace: "kube-node-lease" }, spec };
      this.send({ verb: "create", resource: "leases", namespace: "kube-node-lease", body: lease }, (ok, res) => {
        if (ok && res.ok) this.lease = res.object as Lease;
        else this.send({ verb: "get", resource: "leases", namespace: "kube-node-lease", name }, (ok2, r2) => {
          if (ok2 && r2.ok) this.lease = r2.object as Lease;
        });
        next();
      });
      return;
    }
    const body: Lease = { ...this.lease, spec: { ...this.lease.spec, ...spec } };
    this.send({ verb: "update", resource: "leases", namespace: "kube-node-lease", name, body }, (ok, res) => {
      if (ok && res.ok) this.lease = res.object as Lease;
      else this.lease = undefined;
      next();
    });
  }

  /** Every 10 s: post node status if it changed or the report interval passed. */
  private updateNodeStatus(): void {
    const p = this.o.profile.kubelet;
    const now = this.o.kernel.now;
    const node = this.node?.get(undefined, this.nodeName);
    // tryUpdateNodeStatus runs the setters over the Node as the API has it: conditions node-controller
    // turned Unknown while this kubelet was away or cut off come back with their events.
    const seen = node ?? this.registeredNode;
    this.registeredNode = undefined;
    if (seen) {
      this.recordStatusEvents(healthyStatusEvents(seen.status?.conditions));
      const unschedulable = seen.spec.unschedulable === true;
      const sched = schedulableEvent(this.lastUnschedulable, unschedulable);
      this.lastUnschedulable = unschedulable;
      if (sched) this.recordStatusEvents([sched]);
    }
    const stale = node?.status?.conditions?.find((c) => c.type === "Ready")?.status !== "True";
    if (stale || now - this.lastStatusReport >= p.nodeStatusReportMs) {
      this.send({ verb: "patch", resource: "nodes", subresource: "status", name: this.nodeName, patchType: "merge", body: { status: { conditions: healthyConditions(now, this.readySince) } } }, (ok) => {
        if (ok) this.lastStatusReport = now;
      });
    }
    this.after(p.nodeStatusUpdateMs, () => this.updateNodeStatus(), true);
  }

}

/** `10.244.3.0/24` → `10.244.3.` */
function cidrPrefix(cidr: string): string {
  const [a, b, c] = cidr.split("/")[0].split(".");
  return `${a}.${b}.${c}.`;
}
