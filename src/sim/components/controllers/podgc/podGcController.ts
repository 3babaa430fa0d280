import type { Node, Pod } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";

/** gcCheckPeriod: how often the pod garbage collector looks. */
export const POD_GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: a node must stay missing this long before its pods are collected. */
export const POD_GC_QUARANTINE_MS = 40_000;
export const POD_GC_KEY = "gc";

/**
 * The pod garbage collector (podgc): pods bound to a node that no longer exists (after a
 * 40 s quarantine) are marked Failed with a DisruptionTarget condition and force-deleted
 * (grace period 0), as are pods being deleted that were never scheduled.
 */
export class PodGcController implements Reconciler {
  readonly name = "pod-garbage-collector";
  /** Node name → virtual ms when it was first seen missing. */
  private readonly missingSince = new Map<string, number>();

  constructor(
    private readonly periodMs = POD_GC_CHECK_PERIOD_MS,
    private readonly quarantineMs = POD_GC_QUARANTINE_MS,
  ) {}

  sync(key: string, ctx: ReconcileContext): Plan {
    if (key !== POD_GC_KEY) return NOTHING;
    const nodes = ctx.lister<Node>("nodes");
    const pods = ctx.lister<Pod>("pods").list();
    const stillMissing = new Set<string>();
    const calls: PlannedCall[] = [];
    for (const pod of pods) {
      const nodeName = pod.spec.nodeName;
      if (!nodeName) {
        if (pod.metadata.deletionTimestamp) calls.push(forceDelete(pod, `Pod ${pod.metadata.name} is being deleted but was never scheduled, so no kubelet will confirm it: the pod garbage collector force-deletes it.`));
        continue;
      }
      if (nodes.get(undefined, nodeName)) continue;
      stillMissing.add(nodeName);
      const since = this.missingSince.get(nodeName);
      if (since === undefined) this.missingSince.set(nodeName, ctx.now);
      else if (ctx.now - since >= this.quarantineMs) calls.push(...this.collect(pod, nodeName, ctx));
    }
    for (const n of [...this.missingSince.keys()]) if (!stillMissing.has(n)) this.missingSince.delete(n);
    return { calls, execution: "concurrent", resyncAfterMs: this.periodMs };
  }

  private collect(pod: Pod, nodeName: string, ctx: ReconcileContext): PlannedCall[] {
    const out: PlannedCall[] = [];
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed") {
      const conditions = [
        ...(pod.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"),
        { type: "DisruptionTarget" as const, status: "True" as const, reason: "DeletionByPodGC", message: "PodGC: node no longer exists", lastProbeTime: null, lastTransitionTime: toTimestamp(ctx.now) },
      ];
      out.push({
        request: { verb: "patch", resource: "pods", subresource: "status", namespace: pod.metadata.namespace, name: pod.metadata.name, patchType: "strategic", body: { status: { phase: "Failed", conditions } } },
        why: `Pod ${pod.metadata.name} is bound to node ${nodeName}, which no longer exists, so the pod garbage collector marks it Failed.`,
        okStatuses: [404],
      });
    }
    out.push(forceDelete(pod, `Pod ${pod.metadata.name} is bound to node ${nodeName}, which no longer exists, so the pod garbage collector force-deletes it (grace period 0).`));
    return out;
  }
}

function forceDelete(pod: Pod, why: string): PlannedCall {
  return { request: { verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name, gracePeriodSeconds: 0 }, why, okStatuses: [404] };
}
