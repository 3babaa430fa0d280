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
  private readonly dirty = new Set<PodWorker>();
  private flushScheduled = false;
  private readonly lastSent = new Map<string, PodStatus>();
  /** Pod uid → the conditions of the status last sent, and uids with a status patch in flight. */
  private readonly sentConditions = new Map<string, readonly PodCondition[]>();
  private readonly inflight = new Map<string, number>();

  constructor(private readonly deps: StatusManagerDeps) {}

  /** A new kubelet process knows nothing it sent before (and no flush of the old one will run). */
  reset(): void {
    this.dirty.clear();
    this.flushScheduled = false;
    this.lastSent.clear();
    this.sentConditions.clear();
    this.inflight.clear();
  }

  /** The pod's status may have changed: report it with the next batch. */
  changed(w: PodWorker): void {
    this.dirty.add(w);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.deps.after(1, () => {
      this.flushScheduled = false;
      for (const d of this.dirty) this.send(d);
      this.dirty.clear();
    });
  }

  /**
   * status_manager's needsReconcile: another writer changed the status we reported (node-controller
   * marked the pods of an unreachable node not ready); once we reach the API again, report ours again.
   */
  reconcile(w: PodWorker, pod: Pod): void {
    const uid = pod.metadata.uid!;
    const sent = this.sentConditions.get(uid);
    // A patch still in flight will land (or fail and be retried); one unanswered for a sync period is lost.
    const sentAt = this.inflight.get(uid);
    if (sent === undefined || (sentAt !== undefined && this.deps.now() - sentAt < STATUS_SYNC_PERIOD_MS) || sameConditions(pod.status?.conditions, sent)) return;
    this.lastSent.delete(uid);
    this.changed(w);
  }

  /** The pod is gone. */
  forget(uid: string): void {
    this.lastSent.delete(uid);
    this.sentConditions.delete(uid);
  }

  private send(w: PodWorker): void {
    const uid = w.pod.metadata.uid!;
    if (!this.deps.hasWorker(uid)) return;
    const status = w.status();
    const last = this.lastSent.get(uid);
    if (last && deepEqual(last, status)) return;
    this.lastSent.set(uid, status);
    this.sentConditions.set(uid, status.conditions ?? NO_CONDITIONS);
    this.inflight.set(uid, this.deps.now());
    this.deps.send({ verb: "patch", resource: "pods", subresource: "status", namespace: w.pod.metadata.namespace, name: w.pod.metadata.name, patchType: "merge", body: { status }, fieldManager: "kubelet" }, (ok) => {
      this.inflight.delete(uid);
      if (ok) return;
      // The status manager tries again on its next sync (every 10 s) until the API has it.
      this.lastSent.delete(uid);
      this.deps.after(STATUS_SYNC_PERIOD_MS, () => this.changed(w), true);
    });
  }
}

const NO_CONDITIONS: readonly PodCondition[] = [];

/** Whether the pod's conditions have the types and statuses of those sent, in the same order. */
function sameConditions(conditions: readonly PodCondition[] | undefined, sent: readonly PodCondition[]): boolean {
  const n = conditions?.length ?? 0;
  if (n !== sent.length) return false;
  for (let i = 0; i < n; i++) if (conditions![i].type !== sent[i].type || conditions![i].status !== sent[i].status) return false;
  return true;
}
