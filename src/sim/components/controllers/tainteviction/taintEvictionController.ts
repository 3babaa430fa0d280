import type { Node, Pod, PodCondition } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import { splitKey } from "../framework/keys";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { decideEviction, type ScheduledEviction } from "./evictionDecision";
import { noExecuteTaints } from "./tolerations";

interface Entry extends ScheduledEviction {
  /** The deletion has been sent; a retry may send it again, a cancel no longer applies. */
  fired?: boolean;
}

/**
 * The taint-eviction-controller (separate from node lifecycle since v1.29): deletes pods on
 * nodes with NoExecute taints they do not tolerate, at once or after their tolerationSeconds;
 * cancels a pending eviction when the taint goes. Keys are pods (`namespace/name`); a pending
 * eviction is a timed requeue, so it counts as work still to do.
 */
export class TaintEvictionController implements Reconciler {
  readonly name = "taint-eviction-controller";
  private readonly scheduled = new Map<string, Entry>();

  /** Pending evictions (for inspectors): pod key → virtual ms when it will be deleted. */
  pending(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    for (const [k, e] of this.scheduled) if (!e.fired) out.set(k, e.at);
    return out;
  }

  sync(key: string, ctx: ReconcileContext): Plan {
    const { namespace, name } = splitKey(key);
    const entry = this.scheduled.get(key);
    const pod = ctx.lister<Pod>("pods").get(namespace, name);
    if (!pod) return this.cancel(key, entry, namespace, name, ctx, "is gone");
    const nodeName = pod.spec.nodeName;
    if (!nodeName) return NOTHING;
    const node = ctx.lister<Node>("nodes").get(undefined, nodeName);
    if (!node) {
      // A deleted node forgets its taints but not the evictions already scheduled (as upstream).
      if (!entry || entry.fired) return NOTHING;
      if (entry.at > ctx.now) return { calls: [], requeueAfterMs: entry.at - ctx.now };
      this.scheduled.set(key, { ...entry, fired: true });
      return this.evict(pod, nodeName, "its node's NoExecute taints", true, ctx);
    }
    const taints = noExecuteTaints(node.spec.taints);
    const decision = decideEviction(taints, pod.spec.tolerations, ctx.now, entry);
    if (decision.kind === "none") return this.cancel(key, entry, namespace, name, ctx, taints.length === 0 ? `no longer has a NoExecute taint on ${nodeName}` : "tolerates the taint forever");
    if (decision.at > ctx.now) {
      this.scheduled.set(key, { createdAt: decision.createdAt, at: decision.at });
      return { calls: [], requeueAfterMs: decision.at - ctx.now };
    }
    this.scheduled.set(key, { ...decision, fired: true });
    return this.evict(pod, nodeName, taints.map((t) => `${t.key}:${t.effect}`).join(", "), entry !== undefined, ctx);
  }

  private cancel(key: string, entry: Entry | undefined, namespace: string | undefined, name: string, ctx: ReconcileContext, why: string): Plan {
    if (!entry) return NOTHING;
    this.scheduled.delete(key);
    if (entry.fired) return NOTHING;
    const ref: Pod = { apiVersion: "v1", kind: "Pod", metadata: { name, namespace }, spec: { containers: [] } };
    const event = ctx.events.normal(ref, "TaintManagerEviction", `Cancelling deletion of Pod ${namespace}/${name}`);
    return { calls: [{ ...event, why: `Pod ${namespace}/${name} ${why}, so taint-eviction-controller cancels its scheduled eviction.` }] };
  }

  private evict(pod: Pod, nodeName: string, taints: string, waited: boolean, ctx: ReconcileContext): Plan {
    const ns = pod.metadata.namespace ?? "";
    const name = pod.metadata.name ?? "";
    const condition: PodCondition = {
      type: "DisruptionTarget",
      status: "True",
      reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint",
      lastProbeTime: null,
      lastTransitionTime: toTimestamp(ctx.now),
    };
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"), condition];
    const reason = waited ? `its toleration of ${taints} has run out` : `it does not tolerate ${taints}`;
    const calls: PlannedCall[] = [
      ctx.events.normal(pod, "TaintManagerEviction", `Marking for deletion Pod ${ns}/${name}`),
      {
        request: { verb: "patch", resource: "pods", subresource: "status", namespace: ns, name, patchType: "strategic", body: { status: { conditions } } },
        why: `Pod ${name} is on node ${nodeName} and ${reason}, so taint-eviction-controller first marks it as a disruption target.`,
        okStatuses: [404],
      },
      {
        request: { verb: "delete", resource: "pods", namespace: ns, name },
        why: `Pod ${name} is on node ${nodeName} and ${reason}, so taint-eviction-controller deletes it; its controller will make a replacement elsewhere.`,
        okStatuses: [404],
      },
    ];
    return { calls };
  }
}
