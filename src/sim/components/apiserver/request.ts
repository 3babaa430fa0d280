import type { KubeObject, Status } from "../../api/types";

export type Verb = "get" | "list" | "create" | "update" | "patch" | "delete" | "deletecollection" | "watch";

/** One call to kube-apiserver, as a REST request would carry it. */
export interface ApiRequest {
  verb: Verb;
  /** Plural resource: pods, deployments, nodes, … */
  resource: string;
  namespace?: string;
  name?: string;
  /** status, binding, eviction, scale */
  subresource?: string;
  /** The object (create, update) or the patch document (patch). */
  body?: unknown;
  /** merge: RFC 7386 JSON merge patch; strategic: merge patch with list keys (containers by name …). */
  patchType?: "merge" | "strategic";
  dryRun?: boolean;
  /** `app=web,tier!=db`, as kubectl -l. */
  labelSelector?: string;
  /** `spec.nodeName=worker-1`, `metadata.name=x`, `status.phase!=Running`. */
  fieldSelector?: string;
  gracePeriodSeconds?: number;
  propagationPolicy?: "Foreground" | "Background" | "Orphan";
  /** Optimistic concurrency for update: the resourceVersion the client read. */
  resourceVersion?: string;
  /** Who makes the change (recorded for events and narration). */
  fieldManager?: string;
}

export type ApiResponse =
  | { ok: true; status: number; object?: KubeObject; items?: KubeObject[]; resourceVersion?: string }
  | { ok: false; status: number; error: Status };

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
}

export type ResponseCallback = (response: ApiResponse) => void;
