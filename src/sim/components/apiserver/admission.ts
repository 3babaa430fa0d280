import type { KubeObject, Namespace, Pod, Status } from "../../api/types";
import { applyDefaults, validateObject, type ResourceInfo, type ValidateOptions } from "../../api";
import type { EtcdStore } from "../etcd";
import { forbidden, invalid, notFound } from "./errors";
import { withDefaultTolerations } from "./podStrategy";

const NAMESPACES = "/registry/namespaces";
const CREATE: ValidateOptions = { operation: "create" };

export interface AdmissionContext {
  store: EtcdStore;
  operation: "create" | "update";
  old?: KubeObject;
  defaultTolerationSeconds: number;
}

/**
 * Mutating admission then validation then validating admission, as kube-apiserver runs them.
 * Returns the object to store (obj itself when nothing changes it, else a new object sharing
 * the rest with obj; obj is not modified), or the Status that rejects the request.
 */
export function admit(obj: KubeObject, info: ResourceInfo, ctx: AdmissionContext): KubeObject | Status {
  // NamespaceLifecycle: no new objects in a namespace that is missing or terminating.
  if (info.namespaced && ctx.operation === "create") {
    const nsName = obj.metadata.namespace ?? "default";
    const ns = ctx.store.locateAt(NAMESPACES, undefined, nsName)?.entry.value as Namespace | undefined;
    if (!ns) return notFound("namespaces", nsName);
    if (ns.status?.phase === "Terminating" || ns.metadata.deletionTimestamp) {
      return forbidden(`${info.resource} "${obj.metadata.name ?? ""}" is forbidden: unable to create new content in namespace ${nsName} because it is being terminated`);
    }
  }
  let next = applyDefaults(obj);
  if (next.kind === "Pod" && ctx.operation === "create") next = withDefaultTolerations(next as Pod, ctx.defaultTolerationSeconds);
  const causes = validateObject(next, ctx.operation === "create" && ctx.old === undefined ? CREATE : { operation: ctx.operation, oldObj: ctx.old });
  if (causes.length) return invalid(info.kind, info.group, next.metadata.name ?? "", causes);
  return next;
}
