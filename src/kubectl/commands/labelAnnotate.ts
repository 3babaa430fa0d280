import type { Command, CommandContext } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch } from "./namedTargets";

type Which = "label" | "annotate";

/** Splits `TYPE NAME k=v k2-` into resource words and key changes (cmdutil.GetResourcesAndPairs). */
function splitPairs(args: readonly string[]): { resources: string[]; set: Record<string, string>; remove: string[]; order: string[] } {
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const order: string[] = [];
  for (const a of args) {
    if (a.includes("=")) {
      const eq = a.indexOf("=");
      set[a.slice(0, eq)] = a.slice(eq + 1);
      order.push(a.slice(0, eq));
    } else if (a.endsWith("-") && resources.length > 0) {
      remove.push(a.slice(0, -1));
    } else {
      resources.push(a);
    }
  }
  return { resources, set, remove, order };
}

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

async function run(ctx: CommandContext, which: Which): Promise<number> {
  const { resources, set, remove } = splitPairs(ctx.args);
  if (Object.keys(set).length === 0 && remove.length === 0) throw plainError(`at least one ${which === "label" ? "label" : "annotation"} update is required`);
  if (which === "label") {
    for (const [k, v] of Object.entries(set)) {
      if (!LABEL_KEY.test(k) || !LABEL_VALUE.test(v) || v.length > 63) throw plainError(`invalid label spec: ${k}=${v}`);
    }
  }
  const dryRun = dryRunStrategy(ctx);
  const field = which === "label" ? "labels" : "annotations";
  const targets = await namedTargets(ctx, resources, true);
  for (const t of targets) {
    const obj = await fetch(ctx, t);
    const current = (which === "label" ? obj.metadata.labels : obj.metadata.annotations) ?? {};
    if (!ctx.bool("overwrite")) {
      for (const [k, v] of Object.entries(set)) {
        if (k in current && current[k] !== v) throw plainError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
      }
    }
    const changes: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(set)) if (current[k] !== v) changes[k] = v;
    for (const k of remove) {
      if (k in current) changes[k] = null;
      else if (which === "label") ctx.out.errLine(`label "${k}" not found.`);
    }
    let verb = which === "label" ? "labeled" : "annotated";
    if (which === "label") {
      const changed = Object.keys(changes).length > 0;
      const onlyRemovals = changed && Object.values(changes).every((v) => v === null);
      verb = !changed ? "not labeled" : onlyRemovals && !ctx.bool("overwrite") ? "unlabeled" : "labeled";
    }
    if (Object.keys(changes).length > 0 && dryRun !== "client") await patch(ctx, t, { metadata: { [field]: changes } });
    ctx.out.line(`${kindString(t.type)}/${t.name} ${verb}${dryRunSuffix(dryRun)}`);
  }
  return 0;
}

const FLAGS = [F.selector, F.all, F.allNamespaces, F.overwrite, F.output, F.dryRun, F.filename, F.fieldSelector, { name: "list", type: "bool" as const }, { name: "resource-version", type: "string" as const }];

export const labelCommand: Command = { name: "label", flags: FLAGS, run: (ctx) => run(ctx, "label") };
export const annotateCommand: Command = { name: "annotate", flags: FLAGS, run: (ctx) => run(ctx, "annotate") };
