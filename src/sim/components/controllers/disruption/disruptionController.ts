import type { Deployment, OwnerReference, Pod, ReplicaSet } from "../../../api/types";
import { splitKey } from "../framework/keys";
import { selectorMatches } from "../framework/labelSelector";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { computePdbStatus, type Pdb, type PdbStatus, type ScaleOf } from "./disruptionBudget";

function sameStatus(a: PdbStatus | undefined, b: PdbStatus): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b);
}

/**
 * The disruption controller: keeps each PodDisruptionBudget's status (currentHealthy,
 * desiredHealthy, expectedPods, disruptionsAllowed) true to its pods, so the eviction API can
 * refuse an eviction that would break the budget. Events are recorded as `controllermanager`.
 */
export class DisruptionController implements Reconciler {
  readonly name = "controllermanager";

  sync(key: string, ctx: ReconcileContext): Plan {
    const { namespace, name } = splitKey(key);
    const pdb = ctx.lister<Pdb>("poddisruptionbudgets").get(namespace, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return NOTHING;
    const pods = ctx
      .lister<Pod>("pods")
      .list(namespace)
      .filter((p) => selectorMatches(pdb.spec.selector, p.metadata.labels));
    const calls: PlannedCall[] = [];
    if (pods.length === 0) calls.push(ctx.events.normal(pdb, "NoPods", "No matching pods found"));
    const { status, error, recheckAt } = computePdbStatus(pdb, pods, ctx.now, this.scaleFinder(ctx));
    if (error) calls.push(ctx.events.warning(pdb, "CalculateExpectedPodCountFailed", `Failed to calculate the number of expected pods: ${error}`));
    if (!sameStatus(pdb.status, status)) {
      calls.push({
        request: { verb: "update", resource: "poddisruptionbudgets", subresource: "status", namespace, name, body: { ...pdb, status }, resourceVersion: pdb.metadata.resourceVersion },
        why: error
          ? `PodDisruptionBudget ${name} cannot count its pods' controllers (${error}), so the disruption controller allows no disruption at all.`
          : `PodDisruptionBudget ${name} has ${status.currentHealthy} healthy pods and needs ${status.desiredHealthy}, so the disruption controller records that ${status.disruptionsAllowed} may be disrupted (evicted) now.`,
      });
    }
    if (calls.length === 0 && recheckAt === undefined) return NOTHING;
    return { calls, ...(recheckAt !== undefined ? { requeueAfterMs: Math.max(0, recheckAt - ctx.now) } : {}) };
  }

  /** The finders: a ReplicaSet's Deployment (or the ReplicaSet itself) gives the expected scale. */
  private scaleFinder(ctx: ReconcileContext): ScaleOf {
    const replicaSets = ctx.lister<ReplicaSet>("replicasets");
    const deployments = ctx.lister<Deployment>("deployments");
    return (ref: OwnerReference, namespace: string) => {
      if (ref.kind !== "ReplicaSet") return undefined;
      const rs = replicaSets.get(namespace, ref.name);
      if (!rs || rs.metadata.uid !== ref.uid) return undefined;
      const owner = rs.metadata.ownerReferences?.find((r) => r.controller === true && r.kind === "Deployment");
      if (owner) {
        const d = deployments.get(namespace, owner.name);
        if (d && d.metadata.uid === owner.uid) return { uid: d.metadata.uid ?? "", scale: d.spec.replicas ?? 1 };
      }
      return { uid: rs.metadata.uid ?? "", scale: rs.spec.replicas ?? 1 };
    };
  }
}
