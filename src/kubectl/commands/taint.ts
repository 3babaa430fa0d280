import type { Node, Taint } from "../../sim/api/types";
import type { Command } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { toTimestamp } from "../../sim/runtime";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { fetch, namedTargets, patch } from "./namedTargets";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

interface TaintSpec {
  key: string;
  value?: string;
  effect?: string;
}

function parseTaint(spec: string, removal: boolean): TaintSpec {
  const colon = spec.lastIndexOf(":");
  const kv = colon >= 0 ? spec.slice(0, colon) : spec;
  const effect = colon >= 0 ? spec.slice(colon + 1) : undefined;
  if (effect !== undefined && !EFFECTS.includes(effect)) throw plainError(`invalid taint effect: ${effect}, unsupported taint effect`);
  if (!removal && effect === undefined) throw plainError(`invalid taint spec: ${spec}`);
  const eq = kv.indexOf("=");
  const key = eq >= 0 ? kv.slice(0, eq) : kv;
  if (!key) throw plainError(`invalid taint spec: ${spec}`);
  return { key, value: eq >= 0 ? kv.slice(eq + 1) : undefined, effect };
}

function describe(t: TaintSpec): string {
  return t.effect ? `${t.key}:${t.effect}` : t.key;
}

export const taintCommand: Command = {
  name: "taint",
  flags: [F.selector, F.all, F.overwrite, F.dryRun, F.output],
  run: async (ctx) => {
    const resources: string[] = [];
    const add: TaintSpec[] = [];
    const remove: TaintSpec[] = [];
    for (const a of ctx.args) {
      if (a.endsWith("-") && (a.includes(":") || a.includes("=") || resources.length >= 2)) remove.push(parseTaint(a.slice(0, -1), true));
      else if (a.includes(":") || a.includes("=")) add.push(parseTaint(a, false));
      else resources.push(a);
    }
    if (add.length === 0 && remove.length === 0) throw plainError("at least one taint update is required");
    const dryRun = dryRunStrategy(ctx);
    for (const t of await namedTargets(ctx, resources, true)) {
      const node = (await fetch(ctx, t)) as Node;
      let taints: Taint[] = [...(node.spec?.taints ?? [])];
      let operation = "tainted";
      for (const r of remove) {
        const before = taints.length;
        taints = taints.filter((x) => !(x.key === r.key && (!r.effect || x.effect === r.effect)));
        if (taints.length === before) throw plainError(`taint ${JSON.stringify(describe(r))} not found`);
      }
      if (add.length === 0) operation = "untainted";
      for (const a of add) {
        const existing = taints.findIndex((x) => x.key === a.key && x.effect === a.effect);
        if (existing >= 0 && !ctx.bool("overwrite")) throw plainError(`node ${t.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`);
        const taint: Taint = { key: a.key, ...(a.value ? { value: a.value } : {}), effect: a.effect as Taint["effect"], ...(a.effect === "NoExecute" ? { timeAdded: toTimestamp(ctx.transport.now()) } : {}) };
        if (existing >= 0) {
          taints[existing] = taint;
          operation = "modified";
        } else taints.push(taint);
      }
      if (dryRun !== "client") await patch(ctx, t, { spec: { taints } });
      ctx.out.line(`node/${t.name} ${operation}${dryRunSuffix(dryRun)}`);
    }
    return 0;
  },
};
