import type { Command } from "../context";
import { F } from "../globalFlags";
import { tabwrite, GET_TABWRITER } from "../format";
import { RESOURCES, apiResourceRows } from "../resources";

export const apiResourcesCommand: Command = {
  name: "api-resources",
  flags: [F.output, F.noHeaders, { name: "namespaced", type: "bool", default: true }, { name: "api-group", type: "string" }, { name: "sort-by", type: "string" }, { name: "verbs", type: "stringArray" }, { name: "cached", type: "bool" }, { name: "categories", type: "stringArray" }],
  run: async (ctx) => {
    let rows = apiResourceRows().map((r, i) => ({ ...r, info: RESOURCES[i] }));
    if (ctx.changed("namespaced")) rows = rows.filter((r) => r.info.namespaced === ctx.bool("namespaced"));
    if (ctx.changed("api-group")) rows = rows.filter((r) => r.info.group === ctx.str("api-group"));
    if (ctx.str("sort-by") === "name") rows.sort((a, b) => a.name.localeCompare(b.name));
    if (ctx.str("sort-by") === "kind") rows.sort((a, b) => a.kind.localeCompare(b.kind));
    if (ctx.str("output") === "name") {
      for (const r of rows) ctx.out.line(r.info.group ? `${r.name}.${r.info.group}` : r.name);
      return 0;
    }
    const lines = [...(ctx.bool("no-headers") ? [] : ["NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND"]), ...rows.map((r) => [r.name, r.shortNames, r.apiVersion, r.namespaced, r.kind].join("\t"))];
    ctx.out.write("stdout", tabwrite(lines.join("\n") + "\n", GET_TABWRITER));
    return 0;
  },
};
