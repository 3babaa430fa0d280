import type { Deployment, ReplicaSet } from "../../../api";
import type { Plan, PlannedCall, ReconcileContext } from "../framework";
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, replicasOf } from "./deploymentUtil";

interface Edit {
  rs: ReplicaSet;
  create: boolean;
  why: string;
  events: PlannedCall[];
}

/**
 * The working state of one Deployment sync. The real controller writes as it goes and reads
 * back what it wrote; here every write goes to a copy-on-write working set, and `toPlan` turns
 * the edits into API calls: one create or update per ReplicaSet (in the order first touched),
 * deletes, and the Deployment status update last.
 */
export class RolloutPlan {
  /** Working copy of the Deployment (annotations and status may change). */
  readonly d: Deployment;
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
  private readonly edits = new Map<string, Edit>();
  private readonly deletes: PlannedCall[] = [];
  /** Look at the Deployment again later (progress deadline, minReadySeconds). */
  resyncAfterMs: number | undefined;

  constructor(
    readonly ctx: ReconcileContext,
    readonly original: Deployment,
    newRS: ReplicaSet | undefined,
    oldRSs: ReplicaSet[],
  ) {
    this.d = {
      ...original,
      metadata: { ...original.metadata, annotations: { ...(original.metadata.annotations ?? {}) } },
      status: { ...(original.status ?? {}), conditions: [...(original.status?.conditions ?? [])] },
    };
    this.newRS = newRS;
    this.oldRSs = oldRSs;
  }

  get name(): string {
    return this.d.metadata.name ?? "";
  }

  all(): ReplicaSet[] {
    return this.newRS ? [...this.oldRSs, this.newRS] : [...this.oldRSs];
  }

  /** A writable copy of `rs`, swapped into newRS/oldRSs. */
  edit(rs: ReplicaSet, why: string): ReplicaSet {
    const name = rs.metadata.name ?? "";
    const existing = this.edits.get(name);
    if (existing) {
      if (!existing.why.includes(why)) existing.why = `${existing.why} ${why}`;
      return existing.rs;
    }
    const copy: ReplicaSet = {
      ...rs,
      metadata: { ...rs.metadata, annotations: { ...(rs.metadata.annotations ?? {}) } },
      spec: { ...rs.spec },
    };
    this.edits.set(name, { rs: copy, create: false, why, events: [] });
    this.swap(name, copy);
    return copy;
  }

  create(rs: ReplicaSet, why: string, events: PlannedCall[]): void {
    this.edits.set(rs.metadata.name ?? "", { rs, create: true, why, events });
    this.newRS = rs;
  }

  event(rs: ReplicaSet, call: PlannedCall): void {
    this.edits.get(rs.metadata.name ?? "")?.events.push(call);
  }

  delete(rs: ReplicaSet, why: string): void {
    this.deletes.push({
      request: { verb: "delete", resource: "replicasets", namespace: rs.metadata.namespace, name: rs.metadata.name },
      why,
      okStatuses: [404],
    });
  }

  /**
   * scaleReplicaSet: set replicas and the desired/max-replicas annotations; records
   * `ScalingReplicaSet` on the Deployment when the size changes. Returns whether it scaled.
   */
  scale(rs: ReplicaSet, newScale: number, why: string, operation?: "up" | "down"): boolean {
    const oldScale = replicasOf(rs);
    const desired = String(replicasOf(this.d));
    const max = String(replicasOf(this.d) + maxSurge(this.d));
    const sizeChanges = oldScale !== newScale;
    const annotations = rs.metadata.annotations ?? {};
    if (!sizeChanges && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return false;
    const copy = this.edit(rs, why);
    copy.spec.replicas = newScale;
    copy.metadata.annotations = { ...copy.metadata.annotations, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
    if (!sizeChanges) return false;
    const op = operation ?? (oldScale < newScale ? "up" : "down");
    this.event(copy, this.ctx.events.normal(this.original, "ScalingReplicaSet", `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`));
    return true;
  }

  /** scaleReplicaSetAndRecordEvent. */
  scaleTo(rs: ReplicaSet, newScale: number, why: string): boolean {
    if (replicasOf(rs) === newScale) return false;
    return this.scale(rs, newScale, why);
  }

  toPlan(statusWhy: string | undefined): Plan {
    const calls: PlannedCall[] = [];
    for (const e of this.edits.values()) {
      const { rs } = e;
      calls.push({
        request: e.create
          ? { verb: "create", resource: "replicasets", namespace: rs.metadata.namespace, body: rs }
          : { verb: "update", resource: "replicasets", namespace: rs.metadata.namespace, name: rs.metadata.name, resourceVersion: rs.metadata.resourceVersion, body: rs },
        why: e.why,
        onSuccess: e.events,
      });
    }
    calls.push(...this.deletes);
    const plan: Plan = { calls };
    if (statusWhy !== undefined) {
      plan.after = [
        {
          request: {
            verb: "update",
            resource: "deployments",
            subresource: "status",
            namespace: this.d.metadata.namespace,
            name: this.name,
            resourceVersion: this.original.metadata.resourceVersion,
            body: this.d,
          },
          why: statusWhy,
        },
      ];
    }
    if (this.resyncAfterMs !== undefined) plan.resyncAfterMs = this.resyncAfterMs;
    return plan;
  }

  private swap(name: string, copy: ReplicaSet): void {
    if (this.newRS?.metadata.name === name) this.newRS = copy;
    this.oldRSs = this.oldRSs.map((r) => (r.metadata.name === name ? copy : r));
  }
}
