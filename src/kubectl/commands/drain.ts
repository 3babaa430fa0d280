import type { Pod } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { CONNECTION_REFUSED, KubectlError, plainError, usageError } from "../errors";
import { F } from "../globalFlags";
import { lookupResource } from "../resources";
import { parseGoDuration } from "../parse/duration";
import { nodeArgs, setUnschedulable } from "./cordon";
import { dryRunStrategy } from "./dryRun";
import { namedTargets, type NamedTarget } from "./namedTargets";
import { joinMessages, planDrain } from "./drainFilters";
import { listObjects } from "./objects";
import { waitForDeletion } from "./waitForDeletion";

/** kubectl retries an eviction the PodDisruptionBudget refuses after 5 s. */
const EVICTION_RETRY_MS = 5000;

async function evict(ctx: CommandContext, pod: Pod, grace: number, disableEviction: boolean): Promise<boolean> {
  const ns = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  for (;;) {
    const res = disableEviction
      ? await ctx.transport.request({ verb: "delete", resource: "pods", namespace: ns, name, gracePeriodSeconds: grace >= 0 ? grace : undefined })
      : await ctx.transport.request({
          verb: "create",
          resource: "pods",
          subresource: "eviction",
          namespace: ns,
          name,
          body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: ns }, ...(grace >= 0 ? { deleteOptions: { gracePeriodSeconds: grace } } : {}) },
        });
    if (res.ok || res.status === 404) return true;
    if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
    if (res.status === 429) {
      ctx.out.errLine(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${res.error.message}`);
      if (!(await ctx.waitUntil(() => false, EVICTION_RETRY_MS)) && ctx.shouldStop()) return false;
      continue;
    }
    throw plainError(`error when evicting pods/"${name}" -n "${ns}": ${res.error.message}`);
  }
}

async function drainNode(ctx: CommandContext, node: NamedTarget): Promise<string[] | undefined> {
  const podType = lookupResource("pods");
  if (!podType) return undefined;
  const pods = (await listObjects(ctx, podType, { allNamespaces: true, fieldSelector: `spec.nodeName=${node.name}` })) as Pod[];
  const selector = ctx.str("pod-selector");
  const selected = selector ? ((await listObjects(ctx, podType, { allNamespaces: true, fieldSelector: `spec.nodeName=${node.name}`, labelSelector: selector })) as Pod[]) : pods;
  const plan = planDrain(selected, { ignoreDaemonSets: ctx.bool("ignore-daemonsets"), deleteEmptyDirData: ctx.bool("delete-emptydir-data"), force: ctx.bool("force") });
  const errors = joinMessages(plan.errors);
  if (errors.length) return errors;
  const warnings = joinMessages(plan.warnings);
  if (warnings.length) ctx.out.errLine(`Warning: ${warnings.join("; ")}`);
  if (dryRunStrategy(ctx) === "client") {
    for (const p of plan.evict) ctx.out.line(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)`);
    return undefined;
  }
  const grace = ctx.int("grace-period", -1);
  for (const p of plan.evict) {
    ctx.out.line(`evicting pod ${p.metadata.namespace}/${p.metadata.name}`);
    await evict(ctx, p, grace, ctx.bool("disable-eviction"));
  }
  for (const p of plan.evict) {
    const gone = await waitForDeletion(ctx, [{ type: podType, namespace: p.metadata.namespace, name: p.metadata.name ?? "" }]);
    if (!gone) return [`drain did not complete within the time allowed`];
    ctx.out.line(`pod/${p.metadata.name} evicted`);
  }
  return undefined;
}

export const drainCommand: Command = {
  name: "drain",
  flags: [
    F.selector,
    F.dryRun,
    F.timeout,
    { name: "force", type: "bool" },
    { name: "ignore-daemonsets", type: "bool" },
    { name: "delete-emptydir-data", type: "bool" },
    { name: "delete-local-data", type: "bool" },
    { name: "grace-period", type: "int", default: -1 },
    { name: "pod-selector", type: "string" },
    { name: "disable-eviction", type: "bool" },
    { name: "skip-wait-for-delete-timeout", type: "int", default: 0 },
    { name: "chunk-size", type: "int", default: 500 },
  ],
  run: async (ctx) => {
    if (ctx.args.length === 0 && !ctx.changed("selector")) throw usageError(ctx.commandPath, "USAGE: drain NODE [flags]");
    if (ctx.changed("timeout") && parseGoDuration(ctx.str("timeout")) === null) throw plainError(`invalid argument "${ctx.str("timeout")}" for "--timeout" flag: time: invalid duration "${ctx.str("timeout")}"`);
    const nodes = await namedTargets(ctx, nodeArgs(ctx.args), true);
    await setUnschedulable(ctx, nodes, true);
    const pending: string[] = [];
    const fatal: string[] = [];
    for (const node of nodes) {
      const errors = await drainNode(ctx, node);
      if (!errors) {
        ctx.out.line(`node/${node.name} drained`);
        continue;
      }
      const joined = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
      ctx.out.errLine(`error: unable to drain node "${node.name}" due to error: ${joined}, continuing command...`);
      pending.push(node.name);
      fatal.push(...errors);
    }
    if (pending.length === 0) return 0;
    ctx.out.errLine(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}`).join("\n")}`);
    ctx.out.errLine(fatal.join("\n"));
    return 1;
  },
};
