import type { CommandContext } from "../context";
import { plainError } from "../errors";
import type { ManifestObject } from "../manifest";
import { resourceForKind, type ResourceType } from "../resources";

/** A manifest object resolved to its resource type, namespace and name (a resource.Info). */
export interface ManifestTarget {
  object: Record<string, unknown>;
  source: string;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  apiVersion: string;
  kind: string;
}

function meta(obj: Record<string, unknown>): Record<string, unknown> {
  const m = obj.metadata;
  return typeof m === "object" && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}

/** resource.Info.String() as kubectl prints it inside errors. */
export function infoString(t: ManifestTarget): string {
  const [group, version] = t.apiVersion.includes("/") ? t.apiVersion.split("/") : ["", t.apiVersion];
  return `Resource: "${group}/${version}, Resource=${t.type.resource}", GroupVersionKind: "${group}/${version}, Kind=${t.kind}"\nName: "${t.name}", Namespace: "${t.namespace ?? ""}"`;
}

/**
 * Maps each object to its type (RESTMapper). Mapping failures are errors for that object only;
 * a namespace conflicting with an explicit `-n` stops the command, as in kubectl.
 */
export function resolveTargets(ctx: CommandContext, objects: readonly ManifestObject[]): { targets: ManifestTarget[]; errors: Error[] } {
  const targets: ManifestTarget[] = [];
  const errors: Error[] = [];
  for (const { object, source } of objects) {
    const apiVersion = String(object.apiVersion ?? "");
    const kind = String(object.kind ?? "");
    const m = meta(object);
    const name = typeof m.name === "string" ? m.name : "";
    const objNs = typeof m.namespace === "string" ? m.namespace : "";
    const type = resourceForKind(apiVersion, kind);
    if (!type) {
      errors.push(
        plainError(`resource mapping not found for name: "${name}" namespace: "${objNs}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`),
      );
      continue;
    }
    let namespace: string | undefined;
    if (type.namespaced) {
      if (objNs && ctx.changed("namespace") && objNs !== ctx.namespace) {
        throw plainError(`the namespace from the provided object "${objNs}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`);
      }
      namespace = objNs || ctx.namespace;
    }
    targets.push({ object, source, type, namespace, name, apiVersion, kind });
  }
  return { targets, errors };
}
