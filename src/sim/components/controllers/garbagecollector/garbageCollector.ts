import type { KubeObject } from "../../../api";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework";
import { dependentsOf, describe, FOREGROUND, ORPHAN, ownerState, parseGcKey, type OwnerState } from "./ownerGraph";

function deleteCall(resource: string, obj: KubeObject, policy: "Background" | "Foreground" | "Orphan", why: string): PlannedCall {
  return {
    request: { verb: "delete", resource, namespace: obj.metadata.namespace, name: obj.metadata.name, propagationPolicy: policy },
    why,
    okStatuses: [404, 409],
  };
}

/** A merge patch leaving `finalizers` without `name` (kube-apiserver deletes the object once none are left). */
function removeFinalizer(resource: string, obj: KubeObject, name: string, why: string): PlannedCall {
  const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== name);
  return {
    request: { verb: "patch", resource, namespace: obj.metadata.namespace, name: obj.metadata.name, patchType: "merge", body: { metadata: { finalizers: rest.length ? rest : null } } },
    why,
    okStatuses: [404],
  };
}

/** A strategic merge patch deleting the references to `uids` (`$patch: delete`, keyed by uid). */
function removeOwnerRefs(resource: string, obj: KubeObject, uids: string[], why: string): PlannedCall {
  return {
    request: {
      verb: "patch",
      resource,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      patchType: "strategic",
      body: { metadata: { ownerReferences: uids.map((uid) => ({ $patch: "delete", uid })), uid: obj.metadata.uid } },
    },
    why,
    okStatuses: [404],
  };
}

/** processDeletingDependentsItem: foreground deletion deletes dependents, then lets the owner go. */
function foreground(resource: string, owner: KubeObject, ctx: ReconcileContext): Plan {
  const uid = owner.metadata.uid;
  const deps = dependentsOf(owner, ctx);
  const blocking = deps.filter(({ obj }) => obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
  if (blocking.length === 0) {
    return {
      calls: [
        removeFinalizer(
          resource,
          owner,
          FOREGROUND,
          `Every dependent of ${describe(owner)} is gone, so the garbage collector removes its foregroundDeletion finalizer and kube-apiserver can delete it.`,
        ),
      ],
    };
  }
  const calls = deps
    .filter(({ obj }) => obj.metadata.deletionTimestamp === undefined)
    .map(({ resource: r, obj }) =>
      deleteCall(
        r,
        obj,
        dependentsOf(obj, ctx).length > 0 ? "Foreground" : "Background",
        `${describe(owner)} is being deleted in the foreground, so the garbage collector deletes its dependents first, such as ${describe(obj)}.`,
      ),
    );
  return { calls, execution: "concurrent" };
}

/** orphanDependents: drop the owner from every dependent's ownerReferences, then the orphan finalizer. */
function orphan(resource: string, owner: KubeObject, ctx: ReconcileContext): Plan {
  const uid = owner.metadata.uid ?? "";
  const calls = dependentsOf(owner, ctx).map(({ resource: r, obj }) =>
    removeOwnerRefs(r, obj, [uid], `${describe(owner)} was deleted with --cascade=orphan, so the garbage collector removes it from the owners of ${describe(obj)}, which stays.`),
  );
  calls.push(removeFinalizer(resource, owner, ORPHAN, `The dependents of ${describe(owner)} no longer point at it, so the garbage collector removes its orphan finalizer.`));
  return { calls };
}

/** attemptToDeleteItem: delete an object whose owners are all gone; forget owners that are gone. */
function attemptToDelete(resource: string, obj: KubeObject, ctx: ReconcileContext): Plan {
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return NOTHING;
  const states = new Map<string, OwnerState>();
  for (const r of refs) states.set(r.uid, ownerState(r, obj.metadata.namespace, ctx.lister));
  const by = (s: OwnerState) => refs.filter((r) => states.get(r.uid) === s);
  const solid = [...by("solid"), ...by("unknown")];
  const dangling = by("dangling");
  const waiting = by("waiting");
  if (solid.length > 0) {
    const gone = [...dangling, ...waiting];
    if (gone.length === 0) return NOTHING;
    return {
      calls: [
        removeOwnerRefs(
          resource,
          obj,
          gone.map((r) => r.uid),
          `${describe(obj)} still has the owner ${solid[0].kind} ${solid[0].name}, so the garbage collector only removes its reference to ${gone[0].kind} ${gone[0].name}.`,
        ),
      ],
    };
  }
  const owner = refs[0];
  if (waiting.length > 0 && dependentsOf(obj, ctx).length > 0) {
    return { calls: [deleteCall(resource, obj, "Foreground", `${owner.kind} ${owner.name} is being deleted in the foreground, so the garbage collector deletes ${describe(obj)} and, first, what it owns.`)] };
  }
  const f = obj.metadata.finalizers ?? [];
  const policy = f.includes(ORPHAN) ? "Orphan" : f.includes(FOREGROUND) ? "Foreground" : "Background";
  const why =
    waiting.length > 0
      ? `${owner.kind} ${owner.name} is being deleted in the foreground, so the garbage collector deletes its dependent ${describe(obj)}.`
      : `The garbage collector saw that ${describe(obj)} belongs to ${owner.kind} ${owner.name}, which no longer exists, so it asks kube-apiserver to delete ${describe(obj)}.`;
  return { calls: [deleteCall(resource, obj, policy, why)] };
}

export function syncGarbage(key: string, ctx: ReconcileContext): Plan {
  const { resource, namespace, name } = parseGcKey(key);
  const obj = ctx.lister(resource).get(namespace, name);
  if (!obj) return NOTHING;
  if (obj.metadata.deletionTimestamp !== undefined) {
    const f = obj.metadata.finalizers ?? [];
    if (f.includes(ORPHAN)) return orphan(resource, obj, ctx);
    if (f.includes(FOREGROUND)) return foreground(resource, obj, ctx);
    return NOTHING;
  }
  return attemptToDelete(resource, obj, ctx);
}

export const garbageCollectorReconciler: Reconciler = { name: "garbage-collector-controller", sync: syncGarbage };
