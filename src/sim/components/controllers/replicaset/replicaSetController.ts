import type { Pod, ReplicaSet } from "../../../api";
import {
  controllerOf,
  isPodAvailable,
  keyFor,
  splitKey,
  NOTHING,
  type Plan,
  type PlannedCall,
  type ReconcileContext,
  type Reconciler,
} from "../framework";
import { podFromTemplate } from "./podFromTemplate";
import { podsToDelete } from "./podsToDelete";
import { PodClaims } from "./podClaims";
import { nextAvailableIn, statusEquals, statusOf } from "./replicaSetStatus";

/** --kube-api-burst style cap on creates/deletes per sync (the real burstReplicas). */
export const BURST_REPLICAS = 500;

/** The pods whose controller reference points at the ReplicaSet. */
function ownedPods(rs: ReplicaSet, ctx: ReconcileContext): Pod[] {
  return ctx.lister<Pod>("pods").byIndex("controller", rs.metadata.uid ?? "");
}

/** The active pods a ReplicaSet controls and whose labels still match its selector. */
export function activePodsOf(rs: ReplicaSet, ctx: ReconcileContext): Pod[] {
  return new PodClaims().claim("", rs, ownedPods(rs, ctx)).active;
}

function releaseCalls(rs: ReplicaSet, pods: readonly Pod[]): PlannedCall[] {
  return pods.map((pod) => ({
    request: {
      verb: "patch",
      resource: "pods",
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      patchType: "strategic",
      body: { metadata: { ownerReferences: [{ $patch: "delete", uid: rs.metadata.uid }], uid: pod.metadata.uid } },
    },
    why: `Pod ${pod.metadata.name} no longer matches the selector of ReplicaSet ${rs.metadata.name}, so the ReplicaSet controller lets go of it (removes its owner reference); the pod keeps running on its own.`,
    okStatuses: [404],
  }));
}

/** Pods of every ReplicaSet with the same owner (a Deployment's old and new ReplicaSets). */
function relatedPods(rs: ReplicaSet, own: Pod[], ctx: ReconcileContext): Pod[] {
  const owner = controllerOf(rs);
  if (!owner) return own;
  const siblings = ctx.lister<ReplicaSet>("replicasets").byIndex("controller", owner.uid);
  return siblings.flatMap((s) => (s.metadata.uid === rs.metadata.uid ? own : activePodsOf(s, ctx)));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function createCalls(rs: ReplicaSet, count: number, have: number, ctx: ReconcileContext): PlannedCall[] {
  const name = rs.metadata.name ?? "";
  const want = rs.spec.replicas ?? 1;
  const why = `The ReplicaSet controller saw ${name} wants ${plural(want, "pod")} and has ${have}, so it asks kube-apiserver to create ${count}.`;
  const calls: PlannedCall[] = [];
  for (let i = 0; i < count; i++) {
    const pod = podFromTemplate(rs.spec.template, rs, ctx.rng);
    calls.push({
      request: { verb: "create", resource: "pods", namespace: rs.metadata.namespace, body: pod },
      why,
      expectation: { kind: "create" },
      onSuccess: [ctx.events.normal(rs, "SuccessfulCreate", `Created pod: ${pod.metadata.name}`)],
      onFailure: (err) => [ctx.events.warning(rs, "FailedCreate", `Error creating: ${err.message}`)],
    });
  }
  return calls;
}

function deleteCalls(rs: ReplicaSet, victims: Pod[], have: number, ctx: ReconcileContext): PlannedCall[] {
  const name = rs.metadata.name ?? "";
  const want = rs.spec.replicas ?? 1;
  const why = `The ReplicaSet controller saw ${name} wants ${plural(want, "pod")} and has ${have}, so it asks kube-apiserver to delete ${victims.length}, picking pods that are least far along first.`;
  return victims.map((pod) => ({
    request: { verb: "delete", resource: "pods", namespace: pod.metadata.namespace, name: pod.metadata.name },
    why,
    okStatuses: [404],
    expectation: { kind: "delete", objectKey: keyFor(pod.metadata.namespace, pod.metadata.name ?? "") },
    onSuccess: [ctx.events.normal(rs, "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`)],
    onFailure: (err) => (err.code === 404 ? [] : [ctx.events.warning(rs, "FailedDelete", `Error deleting: ${err.message}`)]),
  }));
}

/**
 * syncReplicaSet: make the number of active pods match spec.replicas, then record status.
 * `claims` carries what earlier syncs found of each pod (a fresh one finds everything anew).
 */
export function syncReplicaSet(key: string, ctx: ReconcileContext, claims = new PodClaims()): Plan {
  const { namespace, name } = splitKey(key);
  const rs = ctx.lister<ReplicaSet>("replicasets").get(namespace, name);
  if (!rs) {
    claims.forget(key);
    return NOTHING;
  }
  const claim = claims.claim(key, rs, ownedPods(rs, ctx));
  const { active: pods, release } = claim;
  const want = rs.spec.replicas ?? 1;
  const plan: Plan = { calls: [] };

  if (release.length > 0 && rs.metadata.deletionTimestamp === undefined) {
    // Let go first; the pod update that follows brings the ReplicaSet back to replace them.
    plan.calls = releaseCalls(rs, release);
    plan.execution = "concurrent";
  } else if (ctx.expectations.satisfied(key) && rs.metadata.deletionTimestamp === undefined) {
    const diff = pods.length - want;
    if (diff < 0) {
      const count = Math.min(-diff, BURST_REPLICAS);
      plan.calls = createCalls(rs, count, pods.length, ctx);
      plan.execution = "slowStart";
      plan.expectations = { key, creates: count };
    } else if (diff > 0) {
      const victims = podsToDelete(pods, relatedPods(rs, pods, ctx), Math.min(diff, BURST_REPLICAS), ctx.now);
      plan.calls = deleteCalls(rs, victims, pods.length, ctx);
      plan.execution = "concurrent";
      plan.expectations = { key, deletes: plan.calls.map((c) => keyFor(c.request.namespace, c.request.name ?? "")) };
    }
  }

  const minReady = rs.spec.minReadySeconds ?? 0;
  // Without minReadySeconds a ready pod is available.
  const available = minReady <= 0 ? claim.ready : pods.reduce((n, p) => (isPodAvailable(p, minReady, ctx.now) ? n + 1 : n), 0);
  const status = statusOf(rs, pods.length, claim.fullyLabeled, claim.ready, available);
  if (!statusEquals(rs.status, status)) {
    plan.after = [
      {
        request: {
          verb: "update",
          resource: "replicasets",
          subresource: "status",
          namespace,
          name,
          resourceVersion: rs.metadata.resourceVersion,
          body: { ...rs, status },
        },
        why: `The ReplicaSet controller records that ${name} has ${status.replicas} of ${plural(want, "pod")}, ${status.readyReplicas ?? 0} ready and ${status.availableReplicas ?? 0} available.`,
      },
    ];
  }
  const wait = nextAvailableIn(rs, pods, ctx.now);
  if (wait !== undefined) plan.requeueAfterMs = wait;
  return plan;
}

/** The ReplicaSet controller's reconciler, with its own memory of the pods it has claimed. */
export class ReplicaSetReconciler implements Reconciler {
  readonly name = "replicaset-controller";
  private readonly claims = new PodClaims();

  sync(key: string, ctx: ReconcileContext): Plan {
    return syncReplicaSet(key, ctx, this.claims);
  }
}
