import type { ControllerRevision, KubeObject, ReplicaSet } from "../../sim/api/types";
import type { CommandContext } from "../context";
import { lookupResource } from "../resources";
import { listObjects } from "./objects";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

export interface Revision {
  revision: number;
  changeCause?: string;
  /** The ReplicaSet (Deployment) or ControllerRevision (DaemonSet). */
  source: KubeObject;
}

function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);
}

/** A workload's rollout history, oldest first: ReplicaSets by revision annotation, or ControllerRevisions. */
export async function revisionsOf(ctx: CommandContext, owner: KubeObject): Promise<Revision[]> {
  const ns = owner.metadata.namespace;
  const out: Revision[] = [];
  if (owner.kind === "Deployment") {
    const rsType = lookupResource("replicasets");
    if (!rsType) return [];
    for (const rs of (await listObjects(ctx, rsType, { namespace: ns })) as ReplicaSet[]) {
      if (!ownedBy(rs, owner)) continue;
      const rev = Number(rs.metadata.annotations?.[REVISION_ANNOTATION]);
      if (Number.isFinite(rev)) out.push({ revision: rev, changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], source: rs });
    }
  } else {
    const crType = lookupResource("controllerrevisions");
    if (!crType) return [];
    for (const cr of (await listObjects(ctx, crType, { namespace: ns })) as ControllerRevision[]) {
      if (ownedBy(cr, owner)) out.push({ revision: cr.revision, changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], source: cr });
    }
  }
  return out.sort((a, b) => a.revision - b.revision);
}
