import type { KubeObject, Pod } from "../../sim/api/types";
import type { ObjectChange } from "../../sim/clusterTypes";

/** Resources the displays keep; high-churn ones (leases, events) are not mirrored. */
export const TRACKED_RESOURCES = ["nodes", "pods", "deployments", "replicasets", "daemonsets", "services", "endpointslices", "namespaces"] as const;
export type TrackedResource = (typeof TRACKED_RESOURCES)[number];

export function isTracked(resource: string): resource is TrackedResource {
  return (TRACKED_RESOURCES as readonly string[]).includes(resource);
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function objectKey(obj: KubeObject): string {
  const { namespace, name } = obj.metadata;
  return namespace ? `${namespace}/${name ?? ""}` : (name ?? "");
}

export interface ObjectsState {
  /** One map per resource; a map is replaced (copy-on-write) when something in it changes. */
  objects: Record<TrackedResource, ReadonlyMap<string, KubeObject>>;
  /** Pod keys per node name ("" = not scheduled); an entry's array is replaced when it changes. */
  podsByNode: ReadonlyMap<string, readonly string[]>;
}

export function initialObjects(): ObjectsState {
  const objects = {} as Record<TrackedResource, ReadonlyMap<string, KubeObject>>;
  for (const r of TRACKED_RESOURCES) objects[r] = new Map();
  return { objects, podsByNode: new Map() };
}

function nodeOf(obj: KubeObject | undefined): string | undefined {
  return obj ? ((obj as Pod).spec?.nodeName ?? "") : undefined;
}

/** Applies a batch of changes, copying each touched map once. */
export function applyObjectChanges(state: ObjectsState, changes: readonly ObjectChange[]): ObjectsState {
  if (changes.length === 0) return state;
  const copies = new Map<TrackedResource, Map<string, KubeObject>>();
  let byNode: Map<string, readonly string[]> | undefined;
  const touchedNodes = new Map<string, string[]>();
  const nodeList = (node: string): string[] => {
    let list = touchedNodes.get(node);
    if (!list) {
      byNode ??= new Map(state.podsByNode);
      list = [...(byNode.get(node) ?? [])];
      touchedNodes.set(node, list);
      byNode.set(node, list);
    }
    return list;
  };

  for (const change of changes) {
    if (!isTracked(change.resource)) continue;
    let map = copies.get(change.resource);
    if (!map) {
      map = new Map(state.objects[change.resource]);
      copies.set(change.resource, map);
    }
    const key = objectKey(change.object);
    const before = map.get(key);
    if (change.type === "DELETED") map.delete(key);
    else map.set(key, change.object);

    if (change.resource === "pods") {
      const was = nodeOf(before);
      const now = change.type === "DELETED" ? undefined : nodeOf(change.object);
      if (was === now) continue;
      if (was !== undefined) {
        const list = nodeList(was);
        const i = list.indexOf(key);
        if (i >= 0) list.splice(i, 1);
      }
      if (now !== undefined) nodeList(now).push(key);
    }
  }

  if (copies.size === 0) return state;
  const objects = { ...state.objects };
  for (const [r, m] of copies) objects[r] = m;
  return { objects, podsByNode: byNode ?? state.podsByNode };
}
