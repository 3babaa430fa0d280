import type { KubeObject } from "../../sim/api/types";
import type { CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError } from "../errors";
import { checkOutputFormat, printOne } from "../printing";
import { kindString, type ResourceType } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";

/**
 * Creates an object a command built itself (`create deployment`, `run`, `expose`), honouring
 * `--dry-run` and `-o`, and prints `<kind>/<name> <verb>`.
 */
export async function createGenerated(ctx: CommandContext, type: ResourceType, object: Record<string, unknown>, verb = "created"): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const format = ctx.str("output");
  checkOutputFormat(format);
  let result = object as unknown as KubeObject;
  if (dryRun !== "client") {
    const res = await ctx.transport.request({ verb: "create", resource: type.resource, namespace: type.namespaced ? ctx.namespace : undefined, body: object, dryRun: dryRun === "server", fieldManager: `kubectl-${ctx.commandPath.split(" ")[1]}` });
    if (!res.ok) {
      if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
      throw new ApiError(res.error);
    }
    if (res.object) result = res.object;
  }
  if (format) {
    ctx.out.write("stdout", printOne(result, format, ctx.transport.now()));
    return 0;
  }
  ctx.out.line(`${kindString(type)}/${result.metadata?.name ?? ""} ${verb}${dryRunSuffix(dryRun)}`);
  return 0;
}

/** `exactly one NAME is required, got N` */
export function requireOneName(ctx: CommandContext): string {
  if (ctx.args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${ctx.args.length}\nSee '${ctx.commandPath} -h' for help and examples`);
  return ctx.args[0];
}

/** The container name kubectl derives from an image: last path segment, no tag or digest. */
export function containerNameForImage(image: string): string {
  let name = image.split("/").pop() ?? image;
  name = name.split(":")[0].split("@")[0];
  return name.replace(/_/g, "-");
}
