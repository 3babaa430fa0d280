import type { KubeObject } from "../../../api";

// The owner-reference helpers live in the api; the framework's names for them stay so
// controllers import one door.
export { controllerOf, newControllerRef as controllerRefTo } from "../../../api";

/** True when `obj` is being deleted (deletionTimestamp set): it no longer counts as active. */
export function isTerminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}
