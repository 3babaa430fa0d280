import type { KubeObject } from "../../sim/api/types";
import type { CommandContext } from "../context";
import { KubectlError, plainError } from "../errors";
import { parseResourceArgs } from "../parse/resourceArgs";
import type { ResourceType } from "../resources";
import { MISSING_RESOURCE } from "./delete";
import { listObjects, namespaceFor } from "./objects";

export interface NamedTarget {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
}

/**
 * The objects a mutating command (`scale`, `label`, `rollout …`) acts on: `TYPE NAME…`,
 * `TYPE/NAME…`, or with `selectable`, `TYPE -l SELECTOR` / `TYPE --all`.
 */
export async function namedTargets(ctx: CommandContext, args: readonly string[], selectable = false): Promise<NamedTarget[]> {
  if (args.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const targets = parseResourceArgs(args);
  const out: NamedTarget[] = [];
  for (const t of targets) {
    if (t.names.length > 0) {
      for (const name of t.names) out.push({ type: t.type, namespace: namespaceFor(ctx, t.type), name });
      continue;
    }
    if (selectable && (ctx.bool("all") || ctx.changed("selector"))) {
      const objects = await listObjects(ctx, t.type, { labelSelector: ctx.str("selector"), allNamespaces: ctx.allNamespaces });
      for (const o of objects) out.push({ type: t.type, namespace: o.metadata.namespace, name: o.metadata.name ?? "" });
      continue;
    }
    throw plainError("resource(s) were provided, but no name was specified");
  }
  return out;
}

export async function fetch(ctx: CommandContext, t: NamedTarget): Promise<KubeObject> {
  const res = await ctx.request({ verb: "get", resource: t.type.resource, namespace: t.namespace, name: t.name });
  if (!res.object) throw plainError(`empty response for ${t.name}`);
  return res.object;
}

export async function patch(ctx: CommandContext, t: NamedTarget, body: unknown, subresource?: string): Promise<KubeObject | undefined> {
  const res = await ctx.request({ verb: "patch", resource: t.type.resource, namespace: t.namespace, name: t.name, subresource, body, patchType: "merge", fieldManager: `kubectl-${ctx.commandPath.split(" ").slice(1).join("-")}` });
  return res.object;
}
