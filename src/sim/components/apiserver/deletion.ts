import type { KubeObject, Namespace, Pod } from "../../api/types";
import { toTimestamp } from "../../runtime/virtualTime";
import type { ApiRequest } from "./request";

export type DeletePlan = { kind: "delete" } | { kind: "update"; object: KubeObject };

/**
 * What a DELETE does to an object (the generic registry's BeforeDelete + graceful deletion):
 * - a scheduled, running pod gets deletionTimestamp = now + grace and stays until its kubelet
 *   confirms with a grace-0 delete (so a pod on a dead node shows Terminating);
 * - a namespace turns Terminating until the namespace controller empties it;
 * - objects with finalizers (or Foreground/Orphan propagation) get deletionTimestamp and wait;
 * - everything else is removed at once.
 */
export function planDelete(obj: KubeObject, req: ApiRequest, now: number): DeletePlan {
  const meta = obj.metadata;
  if (obj.kind === "Pod") {
    const pod = obj as Pod;
    const grace = req.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
    if (!pod.spec.nodeName || finished || grace <= 0) {
      if (!meta.finalizers?.length) return { kind: "delete" };
    }
    const currentGrace = meta.deletionGracePeriodSeconds;
    if (meta.deletionTimestamp && currentGrace !== undefined && currentGrace <= grace) return { kind: "update", object: obj };
    return {
      kind: "update",
      object: { ...obj, metadata: { ...meta, deletionTimestamp: toTimestamp(now + grace * 1000), deletionGracePeriodSeconds: Math.max(0, grace) } },
    };
  }
  if (obj.kind === "Namespace") {
    const ns = obj as Namespace;
    if (meta.deletionTimestamp) return { kind: "update", object: obj };
    return {
      kind: "update",
      object: {
        ...ns,
        metadata: { ...meta, deletionTimestamp: toTimestamp(now), deletionGracePeriodSeconds: 0 },
        spec: { finalizers: ns.spec?.finalizers ?? ["kubernetes"] },
        status: { phase: "Terminating" },
      } as Namespace,
    };
  }
  const finalizers = [...(meta.finalizers ?? [])];
  if (req.propagationPolicy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
  if (req.propagationPolicy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
  if (!finalizers.length) return { kind: "delete" };
  if (meta.deletionTimestamp && finalizers.length === (meta.finalizers ?? []).length) return { kind: "update", object: obj };
  return {
    kind: "update",
    object: { ...obj, metadata: { ...meta, finalizers, deletionTimestamp: meta.deletionTimestamp ?? toTimestamp(now), deletionGracePeriodSeconds: 0 } },
  };
}

/** After an update: an object marked for deletion whose last finalizer is gone is removed. */
export function finishedDeleting(obj: KubeObject): boolean {
  if (!obj.metadata.deletionTimestamp || obj.metadata.finalizers?.length) return false;
  if (obj.kind === "Pod") return false; // its kubelet removes it with a grace-0 delete
  if (obj.kind === "Namespace") return !(obj as Namespace).spec?.finalizers?.length;
  return true;
}
