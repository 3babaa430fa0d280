import type { Node, Pod } from "../../api/types";
import type { Kernel } from "../../runtime/kernel";
import { toTimestamp } from "../../runtime/virtualTime";
import { draw, type Profile } from "../../profiles";
import type { ApiRequest, ApiResponse } from "../apiserver/request";
import { SharedInformerFactory, type ApiClient, type Informer } from "../client";
import { EventRecorder } from "../controllers/framework";
import { bindingRequest, unschedulableConditionPatch } from "./apiCalls";
import { failedSchedulingMessage } from "./failedSchedulingMessage";
import type { PluginName } from "./framework";
import { narrateResult } from "./narration";
import { defaultPlugins } from "./plugins";
import { makePodInfo, podKey } from "./podInfo";
import { ResultStore } from "./resultStore";
import { createScheduleContext, scheduleOne, type ScheduleContext } from "./scheduleOne";
import { SchedulingQueue, type ClusterEvent } from "./schedulingQueue";
import type { SchedulingResult } from "./schedulingResult";
import { Snapshot } from "./snapshot";
import { nodeEvents, isTerminal, responsibleFor, sameLabels } from "./watchFilters";

import { COMPONENT_ID, SCHEDULER_NAME } from "./apiCalls";

export { COMPONENT_ID, SCHEDULER_NAME };

export interface KubeSchedulerOptions {
  kernel: Kernel;
  profile: Profile;
  /** Its connection to kube-apiserver (halted while the process is stopped, when supported). */
  client: ApiClient & { halt?(): void; resume?(): void };
  /** Attempts whose per-node detail is kept (older ones keep a summary). */
  detailedResults?: number;
}

/**
 * kube-scheduler: watches nodes and pods, queues pending pods, runs one scheduling cycle at a
 * time (filter, score, pick), assumes the pod on its node so the next cycle sees it, and binds
 * through `pods/<name>/binding`. Failures get the real FailedScheduling event and the
 * PodScheduled=False condition; the pod waits for a cluster change. Stopped, it does nothing:
 * pending pods stay Pending.
 */
export class KubeScheduler {
  readonly id = COMPONENT_ID;
  private up = false;
  private epoch = 0;
  private factory: SharedInformerFactory | undefined;
  private pods: Informer<Pod> | undefined;
  private snapshot = new Snapshot();
  private queue: SchedulingQueue;
  private ctx: ScheduleContext;
  private readonly assumed = new Map<string, string>();
  private readonly events: EventRecorder;
  readonly results: ResultStore;
  private cycleBusy = false;
  private timeoutTimer: { at: number; cancel(): void } | undefined;

  constructor(private readonly o: KubeSchedulerOptions) {
    this.events = new EventRecorder(SCHEDULER_NAME, () => o.kernel.now);
    this.results = new ResultStore(o.detailedResults);
    this.queue = this.newQueue();
    this.ctx = createScheduleContext(defaultPlugins(), o.kernel.rng);
  }

  get running(): boolean {
    return this.up;
  }

  /** The last attempt for a pod (for the inspector). */
  resultFor(namespace: string, name: string): SchedulingResult | undefined {
    return this.results.get(podKey(namespace, name));
  }

  /** Pending pods per sub-queue. */
  queueCounts(): SchedulingQueue["counts"] {
    return this.queue.counts;
  }

  start(): void {
    if (this.up) return;
    this.up = true;
    this.epoch++;
    this.o.client.resume?.();
    // A restarted scheduler rebuilds everything from a fresh list, like the real process.
    this.snapshot = new Snapshot();
    this.queue = this.newQueue();
    this.assumed.clear();
    this.cycleBusy = false;
    const factory = new SharedInformerFactory(this.o.client, { standardIndexes: false });
    this.factory = factory;
    const nodes = factory.informer<Node>("nodes");
    const pods = factory.informer<Pod>("pods");
    this.pods = pods;
    nodes.addHandler({
      // Events delivered after the process stopped are ignored.
      add: (n) => {
        if (this.up) this.nodeChanged(undefined, n);
      },
      update: (old, n) => {
        if (this.up) this.nodeChanged(old, n);
      },
      delete: (n) => {
        if (this.up) this.snapshot.removeNode(n.metadata.name ?? "");
      },
    });
    pods.addHandler({
      add: (p) => {
        if (this.up) this.podChanged(undefined, p);
      },
      update: (old, p) => {
        if (this.up) this.podChanged(old, p);
      },
      delete: (p) => {
        if (this.up) this.podDeleted(p);
      },
    });
    factory.start();
  }

  stop(): void {
    if (!this.up) return;
    this.up = false;
    this.epoch++;
    this.factory?.stop();
    this.factory = undefined;
    this.pods = undefined;
    this.timeoutTimer?.cancel();
    this.timeoutTimer = undefined;
    this.o.client.halt?.();
  }

  private newQueue(): SchedulingQueue {
    const s = this.o.profile.scheduler;
    return new SchedulingQueue({ now: () => this.o.kernel.now, initialBackoffMs: s.podInitialBackoffMs, maxBackoffMs: s.podMaxBackoffMs, maxUnschedulableMs: s.unschedulableFlushMs });
  }

  private after(ms: number, fn: () => void, background = false) {
    const epoch = this.epoch;
    return this.o.kernel.after(ms, () => this.epoch === epoch && this.up && fn(), background ? BACKGROUND : undefined);
  }

  // ---- informer handlers ----

  private nodeChanged(old: Node | undefined, n: Node): void {
    this.snapshot.setNode(n);
    this.move(nodeEvents(old, n));
  }

  private podChanged(old: Pod | undefined, p: Pod): void {
    const key = podKey(p.metadata.namespace, p.metadata.name);
    if (p.spec.nodeName) {
      if (isTerminal(p)) {
        this.podDeleted(p);
        return;
      }
      // Assigned (by us or anyone): out of the queue, into the cache (replacing the assumed copy).
      const queued = this.queue.get(key);
      if (queued && queued.where !== "in-flight") this.queue.delete(key);
      const wasKnown = this.snapshot.hasPod(key);
      const labelsChanged = !!old && !sameLabels(old.metadata.labels, p.metadata.labels);
      if (this.assumed.get(key) === p.spec.nodeName) {
        // The bound pod confirms the assumed copy: it is re-filed only if its labels or deletion changed meanwhile.
        this.assumed.delete(key);
        this.snapshot.updatePod(p, key);
      } else if (wasKnown) this.snapshot.updatePod(p, key);
      else this.snapshot.addPod(makePodInfo(p, key));
      if (!wasKnown || !old?.spec.nodeName) this.move(["AssignedPodAdd"]);
      else if (labelsChanged) this.move(["AssignedPodLabelChange"]);
      return;
    }
    if (!responsibleFor(p, SCHEDULER_NAME) || p.metadata.deletionTimestamp || isTerminal(p)) {
      this.queue.delete(key);
      return;
    }
    if (old) this.queue.update(p, key);
    else this.queue.add(p, key);
    this.kick();
  }

  private podDeleted(p: Pod): void {
    const key = podKey(p.metadata.namespace, p.metadata.name);
    this.queue.delete(key);
    this.results.forget(key);
    this.assumed.delete(key);
    if (this.snapshot.removePod(key)) this.move(["AssignedPodDelete"]);
  }

  private move(events: readonly ClusterEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) this.queue.onEvent(e);
    this.kick();
  }

  // ---- the scheduling loop ----

  /** Starts the next scheduling cycle unless one is running. */
  private kick(): void {
    if (!this.up || this.cycleBusy) return;
    this.queue.flush();
    const qp = this.queue.pop();
    if (!qp) {
      this.armUnschedulableTimeout();
      return;
    }
    this.cycleBusy = true;
    this.after(draw(this.o.kernel.rng, this.o.profile.scheduler.cycleMs), () => {
      this.cycleBusy = false;
      this.runCycle(qp.key);
      this.kick();
    });
  }

  /** Unschedulable pods are retried after 5 minutes even without a cluster change. */
  private armUnschedulableTimeout(): void {
    const at = this.queue.nextUnschedulableTimeout();
    if (at === undefined || (this.timeoutTimer && this.timeoutTimer.at <= at)) return;
    this.timeoutTimer?.cancel();
    const timer = this.after(Math.max(0, at - this.o.kernel.now), () => {
      this.timeoutTimer = undefined;
      this.queue.flush();
      this.kick();
    }, true);
    this.timeoutTimer = { at, cancel: () => timer.cancel() };
  }

  private runCycle(key: string): void {
    const [namespace, name] = splitKey(key);
    const pod = this.pods?.get(namespace, name);
    // Deleted, bound elsewhere or terminating while it waited: nothing to do.
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.queue.done(key);
      return;
    }
    const info = makePodInfo(pod, key);
    const result = scheduleOne(info, this.snapshot, this.ctx);
    result.at = this.o.kernel.now;
    if (!result.node) {
      this.unschedulable(pod, result);
      return;
    }
    const node = result.node;
    this.results.record(result);
    // Assume: the next cycle must see this pod's requests on its node before the bind lands.
    this.snapshot.addPod(info, node);
    this.assumed.set(key, node);
    this.o.kernel.note(() => ({
      from: COMPONENT_ID,
      to: COMPONENT_ID,
      kind: "internal",
      verb: "schedule",
      resource: "pods",
      namespace,
      name,
      summary: `schedule ${key} → ${node}`,
      narration: narrateResult(result, key),
      detail: { schedulingResult: key, node, evaluated: result.evaluatedNodes, feasible: result.feasibleNodes },
    }));
    this.bind(pod, node);
  }

  private bind(pod: Pod, node: string): void {
    const namespace = pod.metadata.namespace ?? "default";
    const name = pod.metadata.name ?? "";
    const key = podKey(namespace, name);
    this.request(bindingRequest(namespace, name, node), (res) => {
      if (res.ok) {
        this.queue.done(key);
        this.sendEvent(pod, "Normal", "Scheduled", `Successfully assigned ${key} to ${node}`);
        return;
      }
      // The bind failed: forget the assumed pod so its resources are free again.
      if (this.assumed.get(key) === node) {
        this.assumed.delete(key);
        this.snapshot.removePod(key);
        this.move(["AssignedPodDelete"]);
      }
      if (res.status === 404 || res.status === 409) {
        this.queue.done(key); // gone, or already bound: the informer will tell
        return;
      }
      this.sendEvent(pod, "Warning", "FailedScheduling", `binding rejected: running Bind plugin "DefaultBinder": ${res.error.message}`);
      this.queue.requeueAfterError(key);
      this.kick();
    });
  }

  private unschedulable(pod: Pod, result: SchedulingResult): void {
    const key = result.podKey;
    const message = failedSchedulingMessage(result, { preemptionPolicy: pod.spec.preemptionPolicy });
    result.message = message;
    this.results.record(result);
    const rejectors = new Set<PluginName>();
    for (const v of result.failures) rejectors.add(v.plugin);
    if (result.absentStatus) rejectors.add(result.absentStatus.plugin);
    if (result.preFilterStatus) rejectors.add(result.preFilterStatus.plugin);
    this.queue.addUnschedulable(key, rejectors);
    const [namespace, name] = splitKey(key);
    this.o.kernel.note(() => ({
      from: COMPONENT_ID,
      to: COMPONENT_ID,
      kind: "internal",
      verb: "schedule",
      resource: "pods",
      namespace,
      name,
      summary: `unschedulable ${key}`,
      narration: narrateResult(result, key),
      detail: { schedulingResult: key, evaluated: result.evaluatedNodes, feasible: 0 },
    }));
    this.sendEvent(pod, "Warning", "FailedScheduling", message);
    this.updateCondition(pod, message);
  }

  /** PodScheduled=False, reason Unschedulable (only when it changes, as the real updatePod does). */
  private updateCondition(pod: Pod, message: string): void {
    const req = unschedulableConditionPatch(pod, message, toTimestamp(this.o.kernel.now));
    if (req) this.request(req);
  }

  private sendEvent(pod: Pod, type: "Normal" | "Warning", reason: string, message: string): void {
    const call = this.events.record(pod, type, reason, message);
    // The recorder learns from the answer whether the event exists, so repeats become count++ patches.
    this.request(call.request, (res) => {
      if (res.ok) call.followUp?.(res);
      else call.onFailure?.(res.error);
    });
  }

  private request(req: ApiRequest, cb?: (res: ApiResponse) => void): void {
    const epoch = this.epoch;
    this.o.client.request(req, (res) => {
      if (this.epoch === epoch && this.up) cb?.(res);
    });
  }
}

const BACKGROUND = { background: true };

function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}
