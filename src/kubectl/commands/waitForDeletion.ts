import type { CommandContext } from "../context";
import type { ResourceType } from "../resources";

export interface DeletedRef {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
}

/**
 * `kubectl delete --wait` (the default): watches each deleted object until it is gone
 * (graceful pod termination can take its 30 s), or until interrupted.
 */
export async function waitForDeletion(ctx: CommandContext, refs: readonly DeletedRef[]): Promise<boolean> {
  const pending = new Set(refs.map((r) => `${r.type.resource}/${r.namespace ?? ""}/${r.name}`));
  const cancels: (() => void)[] = [];
  try {
    for (const r of refs) {
      const key = `${r.type.resource}/${r.namespace ?? ""}/${r.name}`;
      cancels.push(
        ctx.watch({ verb: "watch", resource: r.type.resource, namespace: r.namespace, fieldSelector: `metadata.name=${r.name}` }, (ev) => {
          if (ev.type === "DELETED" && ev.object.metadata.name === r.name) pending.delete(key);
        }),
      );
      const still = await ctx.getOrUndefined({ verb: "get", resource: r.type.resource, namespace: r.namespace, name: r.name });
      if (!still) pending.delete(key);
    }
    return await ctx.waitUntil(() => pending.size === 0);
  } finally {
    for (const c of cancels) c();
  }
}
