import type { Command } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch } from "./namedTargets";

const SCALABLE = new Set(["deployments", "replicasets", "statefulsets", "replicationcontrollers"]);

export const scaleCommand: Command = {
  name: "scale",
  flags: [F.filename, F.selector, F.all, F.output, F.dryRun, F.timeout, { name: "replicas", type: "int", default: 0 }, { name: "current-replicas", type: "int", default: -1 }, { name: "resource-version", type: "string" }],
  required: ["replicas"],
  run: async (ctx) => {
    const replicas = ctx.int("replicas");
    if (replicas < 0) throw plainError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    const dryRun = dryRunStrategy(ctx);
    const targets = await namedTargets(ctx, ctx.args, true);
    for (const t of targets) {
      if (!SCALABLE.has(t.type.resource)) throw plainError(`cannot use scale on ${t.type.group ? `${t.type.group}/${t.type.version}` : t.type.version}, Kind=${t.type.kind}`);
      const current = ctx.int("current-replicas", -1);
      if (current >= 0) {
        const obj = (await fetch(ctx, t)) as { spec?: { replicas?: number } };
        const have = obj.spec?.replicas ?? 1;
        if (have !== current) throw plainError(`Expected replicas to be ${current}, was ${have}`);
      }
      if (dryRun !== "client") await patch(ctx, t, { spec: { replicas } }, "scale");
      ctx.out.line(`${kindString(t.type)}/${t.name} scaled${dryRunSuffix(dryRun)}`);
    }
    return 0;
  },
};
