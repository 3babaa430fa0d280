import type { Command, CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, formatErrors, plainError, withSource } from "../errors";
import { F } from "../globalFlags";
import { LAST_APPLIED, goJson, readFilenameArgs, threeWayPatch, withLastApplied } from "../manifest";
import { kindString } from "../resources";
import { dryRunStrategy, dryRunSuffix, type DryRun } from "./dryRun";
import { infoString, resolveTargets, type ManifestTarget } from "./manifestTargets";

const NO_FILE = `error: must specify one of -f and -k`;

export const applyCommand: Command = {
  name: "apply",
  flags: [F.filename, F.output, F.dryRun, F.recursive, F.validate, F.fieldManager, F.selector, { name: "server-side", type: "bool" }, { name: "force", type: "bool" }, { name: "prune", type: "bool" }, { name: "overwrite", type: "bool", default: true }, { name: "kustomize", short: "k", type: "string" }],
  run: runApply,
};

async function runApply(ctx: CommandContext): Promise<number> {
  if (ctx.list("filename").length === 0) throw new KubectlError(NO_FILE);
  const dryRun = dryRunStrategy(ctx);
  const loaded = readFilenameArgs(ctx);
  const { targets, errors } = resolveTargets(ctx, loaded.objects);
  if (loaded.error) errors.push(loaded.error);
  if (targets.length === 0 && errors.length === 0) throw plainError("no objects passed to apply");
  for (const t of targets) {
    try {
      await applyOne(ctx, t, dryRun);
    } catch (e) {
      if (e instanceof KubectlError && e.message === CONNECTION_REFUSED) throw e;
      errors.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (errors.length === 0) return 0;
  ctx.out.errLine(formatErrors(errors));
  return 1;
}

async function applyOne(ctx: CommandContext, t: ManifestTarget, dryRun: DryRun): Promise<void> {
  const label = `${kindString(t.type)}/${t.name}`;
  if (!t.name) {
    throw plainError(`error when retrieving current configuration of:\n${infoString(t)}\nfrom server for: "${t.source}": resource name may not be empty`);
  }
  const getRes = await ctx.transport.request({ verb: "get", resource: t.type.resource, namespace: t.namespace, name: t.name });
  if (!getRes.ok && getRes.status === 0) throw new KubectlError(CONNECTION_REFUSED);
  if (!getRes.ok && getRes.status !== 404) {
    throw new ApiError(withSource(getRes.error, `retrieving current configuration of:\n${infoString(t)}\nfrom server for:`, t.source));
  }
  const desired = withLastApplied(t.object, t.namespace);

  if (!getRes.ok || !getRes.object) {
    if (dryRun !== "client") {
      const res = await ctx.transport.request({ verb: "create", resource: t.type.resource, namespace: t.namespace, body: desired, dryRun: dryRun === "server", fieldManager: "kubectl-client-side-apply" });
      if (!res.ok) {
        if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
        throw new ApiError(withSource(res.error, "creating", t.source));
      }
    }
    ctx.out.line(`${label} created${dryRunSuffix(dryRun)}`);
    return;
  }

  const current = getRes.object;
  const lastRaw = current.metadata.annotations?.[LAST_APPLIED];
  if (lastRaw === undefined) {
    ctx.out.errLine(
      `Warning: resource ${t.type.resource}/${t.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  let original: unknown = {};
  try {
    original = lastRaw ? JSON.parse(lastRaw) : {};
  } catch {
    original = {};
  }
  const patch = threeWayPatch(original, desired, current);
  if (Object.keys(patch).length === 0) {
    ctx.out.line(`${label} unchanged${dryRunSuffix(dryRun)}`);
    return;
  }
  if (dryRun !== "client") {
    const res = await ctx.transport.request({ verb: "patch", resource: t.type.resource, namespace: t.namespace, name: t.name, body: patch, patchType: "merge", dryRun: dryRun === "server", fieldManager: "kubectl-client-side-apply" });
    if (!res.ok) {
      if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
      const to = `Resource: "${t.type.group}/${t.type.version}, Resource=${t.type.resource}", GroupVersionKind: "${t.type.group}/${t.type.version}, Kind=${t.kind}"\nName: "${t.name}", Namespace: "${t.namespace ?? ""}"`;
      throw new ApiError(withSource(res.error, `applying patch:\n${goJson(patch)}\nto:\n${to}\nfor:`, t.source));
    }
  }
  ctx.out.line(`${label} configured${dryRunSuffix(dryRun)}`);
}
