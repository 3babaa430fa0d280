import type { KubeObject } from "../../sim/api/types";
import type { CommandContext } from "../context";
import { ApiError } from "../errors";
import { groupResource, type ResourceType } from "../resources";

/** The namespace a request for `type` goes to (undefined for cluster-scoped types). */
export function namespaceFor(ctx: CommandContext, type: ResourceType): string | undefined {
  return type.namespaced ? ctx.namespace : undefined;
}

export async function getObject(ctx: CommandContext, type: ResourceType, name: string, namespace = namespaceFor(ctx, type)): Promise<KubeObject> {
  const res = await ctx.request({ verb: "get", resource: type.resource, namespace, name });
  if (!res.object) throw notFound(type, name);
  return res.object;
}

/** The NotFound status kube-apiserver returns, for when kubectl itself concludes it. */
export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError({
    apiVersion: "v1",
    kind: "Status",
    status: "Failure",
    reason: "NotFound",
    code: 404,
    message: `${groupResource(type)} "${name}" not found`,
    details: { name, kind: type.resource, group: type.group || undefined },
  });
}

export interface ListOptions {
  namespace?: string;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
}

export async function listObjects(ctx: CommandContext, type: ResourceType, opts: ListOptions = {}): Promise<KubeObject[]> {
  const namespace = type.namespaced && !opts.allNamespaces ? (opts.namespace ?? ctx.namespace) : undefined;
  const res = await ctx.request({
    verb: "list",
    resource: type.resource,
    namespace,
    labelSelector: opts.labelSelector || undefined,
    fieldSelector: opts.fieldSelector || undefined,
  });
  return res.items ?? [];
}

export function objectName(o: KubeObject): string {
  return o.metadata.name ?? "";
}
