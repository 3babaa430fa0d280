import type { Container } from "../../sim/api/types";
import type { Command } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch } from "./namedTargets";

interface WithContainers {
  spec?: { containers?: Container[]; initContainers?: Container[]; template?: { spec?: { containers?: Container[]; initContainers?: Container[] } } };
}

const setImage: Command = {
  name: "image",
  flags: [F.selector, F.all, F.filename, F.dryRun, F.output, F.record, { name: "local", type: "bool" }],
  run: async (ctx) => {
    const resources = ctx.args.filter((a) => !a.includes("="));
    const images = ctx.args.filter((a) => a.includes("=")).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] as const);
    if (images.length === 0) throw plainError("at least one image update is required");
    const dryRun = dryRunStrategy(ctx);
    for (const t of await namedTargets(ctx, resources, true)) {
      const obj = (await fetch(ctx, t)) as WithContainers;
      const podSpec = t.type.resource === "pods" ? obj.spec : obj.spec?.template?.spec;
      const containers = (podSpec?.containers ?? []).map((c) => ({ ...c }));
      const init = (podSpec?.initContainers ?? []).map((c) => ({ ...c }));
      let changed = false;
      for (const [name, image] of images) {
        const matches = [...containers, ...init].filter((c) => name === "*" || c.name === name);
        if (matches.length === 0) throw plainError(`unable to find container named "${name}"`);
        for (const c of matches) {
          if (c.image !== image) changed = true;
          c.image = image;
        }
      }
      if (!changed) continue; // kubectl prints nothing when the patch is empty
      if (dryRun !== "client") {
        const spec = { containers, ...(init.length ? { initContainers: init } : {}) };
        await patch(ctx, t, t.type.resource === "pods" ? { spec } : { spec: { template: { spec } } });
      }
      ctx.out.line(`${kindString(t.type)}/${t.name} image updated${dryRunSuffix(dryRun)}`);
    }
    return 0;
  },
};

export const setCommand: Command = { name: "set", subcommands: [setImage] };
