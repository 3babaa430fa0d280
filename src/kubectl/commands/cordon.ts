import type { Node } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { usageError } from "../errors";
import { F } from "../globalFlags";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch, type NamedTarget } from "./namedTargets";

/** Cordons or uncordons each node; prints `node/x cordoned` or `node/x already cordoned`. */
export async function setUnschedulable(ctx: CommandContext, nodes: readonly NamedTarget[], unschedulable: boolean): Promise<void> {
  const dryRun = dryRunStrategy(ctx);
  const verb = unschedulable ? "cordoned" : "uncordoned";
  for (const t of nodes) {
    const node = (await fetch(ctx, t)) as Node;
    if (!!node.spec?.unschedulable === unschedulable) {
      ctx.out.line(`node/${t.name} already ${verb}${dryRunSuffix(dryRun)}`);
      continue;
    }
    if (dryRun !== "client") await patch(ctx, t, { spec: { unschedulable: unschedulable ? true : null } });
    ctx.out.line(`node/${t.name} ${verb}${dryRunSuffix(dryRun)}`);
  }
}

export function nodeArgs(args: readonly string[]): string[] {
  return args.length > 0 && !args[0].includes("/") ? ["nodes", ...args] : [...args];
}

const cordonLike = (name: string, unschedulable: boolean): Command => ({
  name,
  flags: [F.selector, F.dryRun],
  run: async (ctx) => {
    if (ctx.args.length === 0 && !ctx.changed("selector")) throw usageError(ctx.commandPath, `USAGE: ${name} NODE [flags]`);
    const nodes = await namedTargets(ctx, nodeArgs(ctx.args), true);
    await setUnschedulable(ctx, nodes, unschedulable);
    return 0;
  },
});

export const cordonCommand = cordonLike("cordon", true);
export const uncordonCommand = cordonLike("uncordon", false);
