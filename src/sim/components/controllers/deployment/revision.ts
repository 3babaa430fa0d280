import type { ReplicaSet } from "../../../api";
import { controllerRefTo } from "../framework";
import { getCondition, newCondition, Reasons, setCondition } from "./conditions";
import {
  annotationsToCopy,
  byCreation,
  DESIRED_REPLICAS,
  hasProgressDeadline,
  MAX_REPLICAS,
  maxRevision,
  maxSurge,
  newRSNewReplicas,
  POD_TEMPLATE_HASH,
  replicasOf,
  REVISION,
  REVISION_HISTORY,
  REVISION_HISTORY_LIMIT_CHARS,
  revisionOf,
  templateHash,
} from "./deploymentUtil";
import type { RolloutPlan } from "./rolloutPlan";

/** Appends `old` to the revision-history annotation, dropping the oldest beyond 2000 characters. */
function appendHistory(history: string | undefined, old: string): string | undefined {
  if (!history) return old;
  let parts = history.split(",");
  let total = history.length + old.length + 1;
  while (total > REVISION_HISTORY_LIMIT_CHARS && parts.length > 0) total -= parts.shift()!.length + 1;
  if (total > REVISION_HISTORY_LIMIT_CHARS) return history;
  parts = [...parts, old];
  return parts.join(",");
}

function setDeploymentRevision(p: RolloutPlan, revision: string): void {
  p.d.metadata.annotations = { ...p.d.metadata.annotations, [REVISION]: revision };
}

/**
 * getNewReplicaSet: give the ReplicaSet whose template is current the next revision (on a
 * rollback that is an old ReplicaSet coming back), copy the Deployment's annotations onto it,
 * and, when none exists and `create` is set, create `<deployment>-<pod-template-hash>`.
 */
export function syncRevision(p: RolloutPlan, create: boolean): void {
  const { d, ctx } = p;
  const newRevision = maxRevision(p.oldRSs) + 1;
  const existing = p.newRS;
  if (existing) {
    const copy = annotationsToCopy(d, existing);
    const oldRevision = existing.metadata.annotations?.[REVISION];
    const bump = revisionOf(existing) < newRevision;
    const minReady = d.spec.minReadySeconds ?? 0;
    if (copy || bump || (existing.spec.minReadySeconds ?? 0) !== minReady) {
      const why =
        bump && oldRevision !== undefined
          ? `The Deployment controller saw ${p.name} go back to the pod template of ReplicaSet ${existing.metadata.name}, so it marks that ReplicaSet as revision ${newRevision}.`
          : `The Deployment controller brings ReplicaSet ${existing.metadata.name} in line with ${p.name} (revision ${Math.max(newRevision, revisionOf(existing))}).`;
      const rs = p.edit(existing, why);
      const ann: Record<string, string> = { ...rs.metadata.annotations, ...(copy ?? {}) };
      if (bump) {
        ann[REVISION] = String(newRevision);
        if (oldRevision !== undefined) {
          const h = appendHistory(ann[REVISION_HISTORY], oldRevision);
          if (h !== undefined) ann[REVISION_HISTORY] = h;
        }
      }
      rs.metadata.annotations = ann;
      rs.spec.minReadySeconds = minReady;
    }
    setDeploymentRevision(p, p.newRS!.metadata.annotations?.[REVISION] ?? String(newRevision));
    if (hasProgressDeadline(d) && !getCondition(p.d.status, "Progressing")) {
      setCondition(p.d.status!, newCondition("Progressing", "True", Reasons.foundNewRS, `Found new replica set "${p.newRS!.metadata.name}"`, ctx.now));
    }
    return;
  }
  if (!create) return;

  const hash = templateHash(d.spec.template);
  const name = `${p.name}-${hash}`;
  const template = structuredClone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const selector = structuredClone(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: {
        ...(annotationsToCopy(d, { metadata: {} } as ReplicaSet) ?? {}),
        [DESIRED_REPLICAS]: String(replicasOf(d)),
        [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)),
        [REVISION]: String(newRevision),
      },
      ownerReferences: [controllerRefTo(p.original)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...p.oldRSs, rs], rs);
  rs.spec.replicas = replicas;
  const events = replicas > 0 ? [ctx.events.normal(p.original, "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${replicas}`)] : [];
  const first = p.oldRSs.length === 0;
  const why = first
    ? `The Deployment controller saw ${p.name} has no ReplicaSet yet, so it asks kube-apiserver to create ${name} with ${replicas} replica${replicas === 1 ? "" : "s"}.`
    : `The Deployment controller saw ${p.name}'s pod template change, so it asks kube-apiserver to create a new ReplicaSet ${name} with ${replicas} replica${replicas === 1 ? "" : "s"}.`;
  p.create(rs, why, events);
  setDeploymentRevision(p, String(newRevision));
  if (hasProgressDeadline(d)) {
    setCondition(p.d.status!, newCondition("Progressing", "True", Reasons.newRSCreated, `Created new replica set "${name}"`, ctx.now));
  }
}

/** cleanupDeployment: delete the oldest empty ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(p: RolloutPlan): void {
  const limit = p.d.spec.revisionHistoryLimit ?? 10;
  if (limit === 2147483647) return;
  const cleanable = p.oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    const s = rs.status;
    if ((s?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) continue;
    p.delete(rs, `The Deployment controller deletes old ReplicaSet ${rs.metadata.name}: ${p.name} keeps only ${limit} old revision${limit === 1 ? "" : "s"} (revisionHistoryLimit).`);
  }
}
