/**
 * kubectl's view of API discovery. The registry itself belongs to the API layer; this file is
 * the one place kubectl reaches it, plus what only kubectl cares about (`get all`).
 */
import { RESOURCES, resourceFor, resourceForKind, qualifiedName, groupResource, apiResourceRows, type ResourceInfo } from "../sim/api";

export type ResourceType = ResourceInfo;
export { RESOURCES, resourceForKind, groupResource, apiResourceRows };

/** Resolves `po`, `pods`, `pod`, `Pod`, `deploy.apps`, `deployments.v1.apps`. */
export const lookupResource = resourceFor;

/** `deployment.apps`, `pod`: how kubectl names a type in messages. */
export const kindString = qualifiedName;

/** What `kubectl get all` lists (the "all" category), in kubectl's order. */
export const ALL_CATEGORY = ["pods", "services", "daemonsets", "deployments", "replicasets"];
