import type { Deployment, PodTemplateSpec, ReplicaSet } from "../../../api";
import { canonicalJson, podTemplateHash } from "../../../api";
import { fromTimestamp } from "../../../runtime";

// pkg/controller/deployment/util: the names and arithmetic of rollouts.
export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
export const POD_TEMPLATE_HASH = "pod-template-hash";
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
/** Annotations never copied from a Deployment to its ReplicaSets. */
const SKIP_COPY = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, "deprecated.deployment.rollback.to"]);
export const REVISION_HISTORY_LIMIT_CHARS = 2000;

export const replicasOf = (x: { spec: { replicas?: number } }): number => x.spec.replicas ?? 1;

/** intstr.GetScaledValueFromIntOrPercent. */
function scaled(v: number | string | undefined, fallback: string, total: number, roundUp: boolean): number {
  const value = v ?? fallback;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 would deadlock, so 1 unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const surge = scaled(ru?.maxSurge, "25%", desired, true);
  let unavailable = scaled(ru?.maxUnavailable, "25%", desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d));
}

export function revisionOf(rs: { metadata: { annotations?: Record<string, string> } }): number {
  const v = rs.metadata.annotations?.[REVISION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}

const templateKeys = new WeakMap<PodTemplateSpec, string>();
/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped (memoised per cached object). */
function templateKey(t: PodTemplateSpec): string {
  let k = templateKeys.get(t);
  if (k === undefined) {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH];
    k = canonicalJson({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
    templateKeys.set(t, k);
  }
  return k;
}

export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return a === b || templateKey(a) === templateKey(b);
}

/** The pod-template-hash of a Deployment's template (controller.ComputeHash). */
export function templateHash(t: PodTemplateSpec): string {
  return podTemplateHash(t);
}

export function createdAt(o: { metadata: { creationTimestamp?: string } }): number {
  return o.metadata.creationTimestamp ? fromTimestamp(o.metadata.creationTimestamp) : 0;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return createdAt(a) - createdAt(b) || (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

export const activeReplicaSets = (rss: readonly ReplicaSet[]): ReplicaSet[] => rss.filter((rs) => replicasOf(rs) > 0);
export const sumSpec = (rss: readonly ReplicaSet[]): number => rss.reduce((n, rs) => n + replicasOf(rs), 0);
export const sumStatus = (rss: readonly ReplicaSet[], f: "replicas" | "readyReplicas" | "availableReplicas"): number =>
  rss.reduce((n, rs) => n + (rs.status?.[f] ?? 0), 0);

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = sumSpec(all);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + up;
}

/** IsSaturated: the new ReplicaSet has all the Deployment's replicas, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? "", 10);
  return desired === replicasOf(d) && replicasOf(rs) === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets(newRS ? [...newestFirst, newRS] : newestFirst);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** copyDeploymentAnnotationsToReplicaSet: returns the annotations to set, or undefined if none change. */
export function annotationsToCopy(d: Deployment, rs: ReplicaSet): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || rs.metadata.annotations?.[k] === v) continue;
    (out ??= {})[k] = v;
  }
  return out;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds ?? 600;
  return s !== 2147483647;
}
