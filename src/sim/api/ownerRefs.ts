// Owner references (metav1.GetControllerOf, IsControlledBy): how controllers find what they own
// and how the garbage collector knows what to delete.
import type { KubeObject, OwnerReference } from "./types";

/** The owner reference marked controller: true, if any (metav1.GetControllerOfNoCopy). */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const ref of refs) if (ref.controller === true) return ref;
  return undefined;
}

/** Whether obj is controlled by owner (metav1.IsControlledBy: compares UIDs). */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerOf(obj);
  return ref !== undefined && owner.metadata.uid !== undefined && ref.uid === owner.metadata.uid;
}

/** Whether any owner reference of obj (controller or not) points at owner. */
export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  const uid = owner.metadata.uid;
  return uid !== undefined && (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

/** metav1.NewControllerRef: the reference a controller stamps on what it creates. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? "",
    uid: owner.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}
