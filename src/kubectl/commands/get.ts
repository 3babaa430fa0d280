import type { KubeObject } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, formatApiError } from "../errors";
import { F } from "../globalFlags";
import { parseResourceArgs, type ResourceTarget } from "../parse/resourceArgs";
import { checkOutputFormat, printGet as print, type GetPrintOptions } from "../printing";
import { listObjects, namespaceFor } from "./objects";
import { sortObjects } from "./sortBy";

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

export const getCommand: Command = {
  name: "get",
  flags: [
    F.output,
    F.selector,
    F.fieldSelector,
    F.allNamespaces,
    F.filename,
    F.showLabels,
    F.noHeaders,
    { name: "watch", short: "w", type: "bool" },
    { name: "watch-only", type: "bool" },
    { name: "sort-by", type: "string" },
    { name: "ignore-not-found", type: "bool" },
    { name: "show-kind", type: "bool" },
    { name: "chunk-size", type: "int", default: 500 },
    { name: "output-watch-events", type: "bool" },
  ],
  run: runGet,
};

async function runGet(ctx: CommandContext): Promise<number> {
  const format = ctx.str("output");
  checkOutputFormat(format);
  if (ctx.args.length === 0) throw new KubectlError(NO_TYPE);
  const targets = parseResourceArgs(ctx.args);
  const watching = ctx.bool("watch") || ctx.bool("watch-only");
  if (watching && targets.length > 1) throw new KubectlError("error: you may only specify a single resource type");

  for (const t of targets) if (t.type.warning) ctx.out.errLine(`Warning: ${t.type.warning}`);
  const errors: ApiError[] = [];
  const results: { target: ResourceTarget; objects: KubeObject[] }[] = [];
  for (const target of targets) {
    if (ctx.bool("watch-only")) {
      results.push({ target, objects: [] });
      continue;
    }
    let objects: KubeObject[] = [];
    if (target.names.length === 0) {
      objects = await listObjects(ctx, target.type, {
        allNamespaces: ctx.allNamespaces,
        labelSelector: ctx.str("selector"),
        fieldSelector: ctx.str("field-selector"),
      });
    } else {
      for (const name of target.names) {
        const res = await ctx.transport.request({ verb: "get", resource: target.type.resource, namespace: namespaceFor(ctx, target.type), name });
        if (res.ok && res.object) objects.push(res.object);
        else if (!res.ok && res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
        else if (!res.ok && !(res.status === 404 && ctx.bool("ignore-not-found"))) errors.push(new ApiError(res.error));
      }
    }
    if (ctx.changed("sort-by")) objects = sortObjects(objects, ctx.str("sort-by"));
    results.push({ target, objects });
  }

  const all = results.flatMap((r) => r.objects);
  const namespaced = targets.some((t) => t.type.namespaced);
  const printOpts = (): GetPrintOptions => ({
    now: ctx.transport.now(),
    output: format,
    allNamespaces: ctx.allNamespaces,
    namespace: ctx.namespace,
    namespaced,
    showLabels: ctx.bool("show-labels"),
    noHeaders: ctx.bool("no-headers"),
    singleItem: targets.length === 1 && targets[0].names.length === 1,
    withKind: targets.length > 1 || ctx.bool("show-kind"),
  });
  const printed = print(all, printOpts());
  if (!ctx.bool("watch-only")) ctx.out.write("stdout", printed.stdout);
  if (printed.exitCode !== 0) {
    ctx.out.write("stderr", printed.stderr);
    return 1;
  }
  const askedByName = targets.some((t) => t.names.length > 0);
  if (all.length === 0 && !askedByName && !ctx.bool("watch-only") && errors.length === 0) ctx.out.write("stderr", printed.stderr);
  for (const e of errors) ctx.out.errLine(formatApiError(e.status));
  if (!watching) return errors.length ? 1 : 0;
  return watch(ctx, results[0].target, printOpts, results[0].objects);
}

/** `get -w`: each later change prints one row (no header), until interrupted or the deadline. */
async function watch(ctx: CommandContext, target: ResourceTarget, printOpts: () => GetPrintOptions, seen: readonly KubeObject[]): Promise<number> {
  const type = target.type;
  const names = new Set(target.names);
  const fieldSelector = target.names.length === 1 ? `metadata.name=${target.names[0]}` : ctx.str("field-selector") || undefined;
  let headerPending = ctx.bool("watch-only") && !ctx.bool("no-headers");
  const cancel = ctx.watch(
    {
      verb: "watch",
      resource: type.resource,
      namespace: type.namespaced && !ctx.allNamespaces ? ctx.namespace : undefined,
      labelSelector: ctx.str("selector") || undefined,
      fieldSelector,
    },
    (ev) => {
      if (names.size > 0 && !names.has(ev.object.metadata.name ?? "")) return;
      const r = print([ev.object], { ...printOpts(), noHeaders: !headerPending, singleItem: true });
      headerPending = false;
      ctx.out.write("stdout", r.stdout);
    },
    seen,
  );
  try {
    await ctx.stream();
  } finally {
    cancel();
  }
  return 0;
}
