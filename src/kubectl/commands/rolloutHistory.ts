import type { Command } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { kindString } from "../resources";
import { fetch, namedTargets } from "./namedTargets";
import { revisionsOf } from "./revisions";

/** Go's tabwriter with padding 2, as kubectl's history table uses. */
function tabbed(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 2))).join("") + "\n").join("");
}

export const rolloutHistoryCommand: Command = {
  name: "history",
  flags: [F.filename, F.selector, F.output, { name: "revision", type: "int", default: 0 }],
  run: async (ctx) => {
    for (const t of await namedTargets(ctx, ctx.args, true)) {
      if (t.type.resource !== "deployments" && t.type.resource !== "daemonsets") throw plainError(`no history viewer has been implemented for ${t.type.kind}`);
      const owner = await fetch(ctx, t);
      const revisions = await revisionsOf(ctx, owner);
      const wanted = ctx.int("revision");
      if (wanted > 0) {
        const r = revisions.find((x) => x.revision === wanted);
        if (!r) throw plainError(`unable to find the specified revision`);
        ctx.out.line(`${kindString(t.type)}/${t.name} with revision #${wanted}`);
        continue;
      }
      if (revisions.length === 0) {
        ctx.out.line(`No rollout history found.`);
        continue;
      }
      const table = tabbed([["REVISION", "CHANGE-CAUSE"], ...revisions.map((r) => [String(r.revision), r.changeCause ?? "<none>"])]);
      ctx.out.write("stdout", `${kindString(t.type)}/${t.name} \n${table}\n`);
    }
    return 0;
  },
};
