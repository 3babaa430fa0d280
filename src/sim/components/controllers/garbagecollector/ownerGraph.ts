import type { KubeObject, OwnerReference } from "../../../api";
import type { Lister, ReconcileContext } from "../framework";

/** Informer index: every owner uid of an object (controller or not). The graph's "dependents" edges. */
export const OWNER_INDEX = "ownerUid";
export function ownerUids(o: KubeObject): readonly string[] {
  const refs = o.metadata.ownerReferences;
  if (!refs) return NO_UIDS;
  // Informers re-index on every update; the references array usually survives updates unchanged.
  let uids = uidsOf.get(refs);
  if (!uids) {
    uids = refs.map((r) => r.uid);
    uidsOf.set(refs, uids);
  }
  return uids;
}
const NO_UIDS: readonly string[] = [];
const uidsOf = new WeakMap<readonly OwnerReference[], readonly string[]>();

export const FOREGROUND = "foregroundDeletion";
export const ORPHAN = "orphan";

/** The resources the garbage collector watches: everything that owns or is owned in this cluster. */
export const GC_RESOURCES = [
  "pods",
  "replicasets",
  "deployments",
  "daemonsets",
  "controllerrevisions",
  "services",
  "endpointslices",
  "nodes",
  "leases",
  "configmaps",
  "secrets",
  "serviceaccounts",
  "poddisruptionbudgets",
] as const;

const CLUSTER_SCOPED = new Set(["Node", "Namespace"]);
const WATCHED = new Set<string>(GC_RESOURCES);

/** `ReplicaSet` → `replicasets` when the garbage collector watches it. */
export function resourceOfKind(kind: string): string | undefined {
  const r = `${kind.toLowerCase()}s`;
  return WATCHED.has(r) ? r : undefined;
}

/** Work-queue key: `<resource>|<namespace>/<name>` (or `<resource>|<name>`). */
export function gcKey(resource: string, obj: KubeObject): string {
  const { namespace, name = "" } = obj.metadata;
  return `${resource}|${namespace ? `${namespace}/${name}` : name}`;
}

export function parseGcKey(key: string): { resource: string; namespace: string | undefined; name: string } {
  const bar = key.indexOf("|");
  const rest = key.slice(bar + 1);
  const slash = rest.indexOf("/");
  return {
    resource: key.slice(0, bar),
    namespace: slash < 0 ? undefined : rest.slice(0, slash),
    name: slash < 0 ? rest : rest.slice(slash + 1),
  };
}

export type OwnerState = "solid" | "dangling" | "waiting" | "unknown";

/**
 * classifyReferences for one reference: `dangling` when the owner is gone (or is a different
 * object with the same name), `waiting` when it is being deleted in the foreground, `unknown`
 * for kinds the collector does not watch (never treated as gone), else `solid`.
 */
export function ownerState(ref: OwnerReference, dependentNamespace: string | undefined, lister: (r: string) => Lister<KubeObject>): OwnerState {
  const resource = resourceOfKind(ref.kind);
  if (!resource) return "unknown";
  const owner = lister(resource).get(CLUSTER_SCOPED.has(ref.kind) ? undefined : dependentNamespace, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return "dangling";
  if (owner.metadata.deletionTimestamp !== undefined && owner.metadata.finalizers?.includes(FOREGROUND)) return "waiting";
  return "solid";
}

/** Every object, of every watched resource, that lists `owner` in its ownerReferences. */
export function dependentsOf(owner: KubeObject, ctx: Pick<ReconcileContext, "lister">): { resource: string; obj: KubeObject }[] {
  const uid = owner.metadata.uid;
  if (!uid) return [];
  const out: { resource: string; obj: KubeObject }[] = [];
  for (const resource of GC_RESOURCES) for (const obj of ctx.lister(resource).byIndex(OWNER_INDEX, uid)) out.push({ resource, obj });
  return out;
}

export function describe(obj: KubeObject): string {
  return `${obj.kind} ${obj.metadata.name ?? ""}`;
}
