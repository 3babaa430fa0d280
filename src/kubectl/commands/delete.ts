import type { Command, CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, formatErrors, plainError, withSource } from "../errors";
import { F } from "../globalFlags";
import { readFilenameArgs } from "../manifest";
import { parseResourceArgs } from "../parse/resourceArgs";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix, type DryRun } from "./dryRun";
import { resolveTargets } from "./manifestTargets";
import { listObjects, namespaceFor } from "./objects";
import { waitForDeletion, type DeletedRef } from "./waitForDeletion";

export const MISSING_RESOURCE = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const IMMEDIATE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.";

export const deleteCommand: Command = {
  name: "delete",
  flags: [
    F.filename,
    F.selector,
    F.fieldSelector,
    F.allNamespaces,
    F.all,
    F.output,
    F.dryRun,
    F.recursive,
    F.timeout,
    { name: "grace-period", type: "int", default: -1 },
    { name: "now", type: "bool" },
    { name: "force", type: "bool" },
    { name: "wait", type: "bool", default: true },
    { name: "ignore-not-found", type: "bool" },
    { name: "cascade", type: "string", default: "background", noOptDefault: "background" },
    { name: "interactive", short: "i", type: "bool" },
  ],
  run: runDelete,
};

interface Victim extends DeletedRef {
  source?: string;
}

async function collect(ctx: CommandContext): Promise<{ victims: Victim[]; errors: Error[]; byName: boolean }> {
  const files = ctx.list("filename");
  if (files.length > 0) {
    if (ctx.args.length > 0) throw plainError(`Unexpected args: [${ctx.args.join(" ")}]`);
    const loaded = readFilenameArgs(ctx);
    if (loaded.error && loaded.objects.length === 0) throw loaded.error;
    const { targets, errors } = resolveTargets(ctx, loaded.objects);
    if (loaded.error) errors.push(loaded.error);
    return { victims: targets.map((t) => ({ type: t.type, namespace: t.namespace, name: t.name, source: t.source })), errors, byName: true };
  }
  if (ctx.args.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const targets = parseResourceArgs(ctx.args);
  const bySelector = ctx.bool("all") || ctx.changed("selector") || ctx.changed("field-selector");
  const victims: Victim[] = [];
  for (const t of targets) {
    if (t.names.length > 0) {
      if (bySelector) throw plainError("name cannot be provided when a selector is specified");
      for (const name of t.names) victims.push({ type: t.type, namespace: namespaceFor(ctx, t.type), name });
    } else {
      if (!bySelector) throw plainError("resource(s) were provided, but no name was specified");
      const objects = await listObjects(ctx, t.type, { allNamespaces: ctx.allNamespaces, labelSelector: ctx.str("selector"), fieldSelector: ctx.str("field-selector") });
      for (const o of objects) victims.push({ type: t.type, namespace: o.metadata.namespace, name: o.metadata.name ?? "" });
    }
  }
  return { victims, errors: [], byName: !bySelector };
}

function gracePeriod(ctx: CommandContext): number {
  let grace = ctx.int("grace-period", -1);
  if (ctx.bool("now")) {
    if (grace !== -1) throw plainError("--now and --grace-period cannot be specified together");
    grace = 1;
  }
  if (grace === 0 && !ctx.bool("force")) grace = 1;
  if (ctx.bool("force") && grace < 0) grace = 0;
  return grace;
}

async function runDelete(ctx: CommandContext): Promise<number> {
  const dryRun: DryRun = dryRunStrategy(ctx);
  const grace = gracePeriod(ctx);
  const cascade = ctx.str("cascade");
  const propagation = cascade === "orphan" ? "Orphan" : cascade === "foreground" ? "Foreground" : "Background";
  const { victims, errors, byName } = await collect(ctx);
  if (grace === 0) ctx.out.errLine(IMMEDIATE_WARNING);
  const deleted: DeletedRef[] = [];
  for (const v of victims) {
    if (dryRun !== "client") {
      const res = await ctx.transport.request({
        verb: "delete",
        resource: v.type.resource,
        namespace: v.namespace,
        name: v.name,
        gracePeriodSeconds: grace >= 0 ? grace : undefined,
        propagationPolicy: propagation,
        dryRun: dryRun === "server",
      });
      if (!res.ok) {
        if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
        if (res.status === 404 && ctx.bool("ignore-not-found")) continue;
        errors.push(new ApiError(withSource(res.error, "deleting", v.source)));
        continue;
      }
    }
    deleted.push(v);
    const operation = (grace === 0 ? "force deleted" : "deleted") + dryRunSuffix(dryRun);
    if (ctx.str("output") === "name") ctx.out.line(`${kindString(v.type)}/${v.name}`);
    else ctx.out.line(`${kindString(v.type)} "${v.name}" ${operation}${v.namespace ? ` from ${v.namespace} namespace` : ""}`);
  }
  if (victims.length === 0 && !byName) ctx.out.line("No resources found");
  if (ctx.bool("wait") && grace !== 0 && dryRun === "none" && deleted.length > 0) await waitForDeletion(ctx, deleted);
  if (errors.length === 0) return 0;
  ctx.out.errLine(formatErrors(errors));
  return 1;
}
