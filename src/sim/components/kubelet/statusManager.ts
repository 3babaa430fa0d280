import type { Pod, PodCondition, PodStatus } from "../../api/types";
import { deepEqual } from "../../api";
import type { ApiRequest } from "../apiserver/request";
import type { PodWorker } from "./podWorker";

/** The status manager's syncBatch period: failed pod status updates are retried this often. */
export const STATUS_SYNC_PERIOD_MS = 10_000;

export interface StatusManagerDeps {
  now(): number;
  /** A timer that dies with the kubelet process. */
  after(ms: number, fn: () => void, background?: boolean): void;
  send(req: ApiRequest, cb: (ok: boolean) => void): void;
  /** Whether the pod still has a worker (a deleted pod's late change is not reported). */
  hasWorker(uid: string): boolean;
}

/**
 * The kubelet's status manager (pkg/kubelet/status): pod status changes are batched, only a
 * status that differs from the last one sent is patched, a failed patch is retried on the next
 * sync, and a status another writer changed is reported again.
 */
export class StatusManager {
  /** Workers to report with the next batch, each once, in the order they changed (a node has few pods). */
  private readonly dirty: PodWorker[] = [];
  private flushScheduled = false;
  /** What was sent, by pod uid. */
  private readonly sent = new Map<string, Sent>();

  constructor(private readonly deps: StatusManagerDeps) {}

  /** A new kubelet process knows nothing it sent before (and no flush of the old one will run). */
  reset(): void {
    this.dirty.length = 0;
    this.flushScheduled = false;
    this.sent.clear();
  }

  /** The pod's status may have changed: report it with the next batch. */
  changed(w: PodWorker): void {
    if (!this.dirty.includes(w)) this.dirty.push(w);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.deps.after(1, this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const dirty = this.dirty;
    for (let i = 0; i < dirty.length; i++) this.send(dirty[i]);
    dirty.length = 0;
  };

  /**
   * status_manager's needsReconcile: another writer changed the status we reported (node-controller
   * marked the pods of an unreachable node not ready); once we reach the API again, report ours again.
   */
  reconcile(w: PodWorker, pod: Pod): void {
    const uid = pod.metadata.uid!;
    const r = this.sent.get(uid);
    const sent = r?.conditions;
    // A patch still in flight will land (or fail and be retried); one unanswered for a sync period is lost.
    const sentAt = r?.inflightSince;
    if (sent === undefined || (sentAt !== undefined && this.deps.now() - sentAt < STATUS_SYNC_PERIOD_MS) || sameConditions(pod.status?.conditions, sent)) return;
    r!.status = undefined;
    this.changed(w);
  }

  /** The pod is gone. */
  forget(uid: string): void {
    const r = this.sent.get(uid);
    if (!r) return;
    r.status = r.conditions = undefined;
    this.dropIfEmpty(uid, r);
  }

  private send(w: PodWorker): void {
    const uid = w.pod.metadata.uid!;
    if (!this.deps.hasWorker(uid)) return;
    const status = w.status();
    let r = this.sent.get(uid);
    const last = r?.status;
    if (last && deepEqual(last, status)) return;
    if (!r) this.sent.set(uid, (r = { status: undefined, conditions: undefined, inflightSince: undefined }));
    r.status = status;
    r.conditions = status.conditions ?? NO_CONDITIONS;
    r.inflightSince = this.deps.now();
    this.deps.send({ verb: "patch", resource: "pods", subresource: "status", namespace: w.pod.metadata.namespace, name: w.pod.metadata.name, patchType: "merge", body: { status }, fieldManager: "kubelet" }, (ok) => {
      // Looked up again: the kubelet may have restarted, or forgotten the pod, meanwhile.
      const cur = this.sent.get(uid);
      if (cur) {
        cur.inflightSince = undefined;
        if (!ok) cur.status = undefined;
        this.dropIfEmpty(uid, cur);
      }
      if (ok) return;
      // The status manager tries again on its next sync (every 10 s) until the API has it.
      this.deps.after(STATUS_SYNC_PERIOD_MS, () => this.changed(w), true);
    });
  }

  private dropIfEmpty(uid: string, r: Sent): void {
    if (r.status === undefined && r.conditions === undefined && r.inflightSince === undefined) this.sent.delete(uid);
  }
}

/** What the status manager remembers of one pod; dropped once none of it is left. */
interface Sent {
  /** The status last sent, until it must be sent again. */
  status: PodStatus | undefined;
  /** The conditions of the status last sent (reconcile compares the API's with them). */
  conditions: readonly PodCondition[] | undefined;
  /** When the patch now in flight was sent. */
  inflightSince: number | undefined;
}

const NO_CONDITIONS: readonly PodCondition[] = [];

/** Whether the pod's conditions have the types and statuses of those sent, in the same order. */
function sameConditions(conditions: readonly PodCondition[] | undefined, sent: readonly PodCondition[]): boolean {
  const n = conditions?.length ?? 0;
  if (n !== sent.length) return false;
  for (let i = 0; i < n; i++) if (conditions![i].type !== sent[i].type || conditions![i].status !== sent[i].status) return false;
  return true;
}
