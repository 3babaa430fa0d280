import type { Command, CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, formatErrors, withSource } from "../errors";
import { F } from "../globalFlags";
import { readFilenameArgs } from "../manifest";
import { kindString, lookupResource, type ResourceType } from "../resources";
import { dryRunStrategy, dryRunSuffix } from "./dryRun";
import { containerNameForImage, createGenerated, requireOneName } from "./generated";
import { resolveTargets } from "./manifestTargets";

const GEN_FLAGS = [F.output, F.dryRun, F.validate, F.fieldManager, { name: "save-config", type: "bool" as const }];

function type(name: string): ResourceType {
  const t = lookupResource(name);
  if (!t) throw new Error(`resource type ${name} missing from discovery`);
  return t;
}

async function createFromFiles(ctx: CommandContext): Promise<number> {
  if (ctx.list("filename").length === 0) {
    throw new KubectlError(`error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples`);
  }
  const dryRun = dryRunStrategy(ctx);
  const loaded = readFilenameArgs(ctx);
  const { targets, errors } = resolveTargets(ctx, loaded.objects);
  if (loaded.error) errors.push(loaded.error);
  for (const t of targets) {
    if (dryRun !== "client") {
      const body = { ...t.object, metadata: { ...(t.object.metadata as object), ...(t.namespace ? { namespace: t.namespace } : {}) } };
      const res = await ctx.transport.request({ verb: "create", resource: t.type.resource, namespace: t.namespace, body, dryRun: dryRun === "server", fieldManager: "kubectl-create" });
      if (!res.ok) {
        if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
        errors.push(new ApiError(withSource(res.error, "creating", t.source)));
        continue;
      }
      ctx.out.line(`${kindString(t.type)}/${res.object?.metadata.name ?? t.name} created${dryRunSuffix(dryRun)}`);
    } else {
      ctx.out.line(`${kindString(t.type)}/${t.name} created${dryRunSuffix(dryRun)}`);
    }
  }
  if (errors.length === 0) return 0;
  ctx.out.errLine(formatErrors(errors));
  return 1;
}

const createDeployment: Command = {
  name: "deployment",
  aliases: ["deploy"],
  flags: [...GEN_FLAGS, { name: "image", type: "stringArray" }, { name: "replicas", short: "r", type: "int", default: 1 }, { name: "port", type: "int", default: -1 }],
  required: ["image"],
  run: async (ctx) => {
    const name = requireOneName(ctx);
    const images = ctx.list("image");
    const port = ctx.int("port", -1);
    const labels = { app: name };
    const used = new Set<string>();
    const containers = images.map((image) => {
      let cname = containerNameForImage(image);
      for (let i = 1; used.has(cname); i++) cname = `${containerNameForImage(image)}-${i}`;
      used.add(cname);
      return { image, name: cname, ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}), resources: {} };
    });
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { labels, name, ...(ctx.changed("namespace") ? { namespace: ctx.namespace } : {}) },
      spec: {
        replicas: ctx.int("replicas", 1),
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { labels }, spec: { containers } },
      },
      status: {},
    };
    return createGenerated(ctx, type("deployments"), deployment);
  },
};

function base64(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function literalData(ctx: CommandContext, encode: boolean): Record<string, string> {
  const data: Record<string, string> = {};
  for (const lit of ctx.list("from-literal")) {
    const eq = lit.indexOf("=");
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    const value = lit.slice(eq + 1);
    data[lit.slice(0, eq)] = encode ? base64(value) : value;
  }
  return data;
}

const simple = (name: string, aliases: string[], resource: string, build: (ctx: CommandContext, name: string) => Record<string, unknown>, flags = GEN_FLAGS): Command => ({
  name,
  aliases,
  flags,
  run: async (ctx) => createGenerated(ctx, type(resource), build(ctx, requireOneName(ctx))),
});

const LITERAL = [...GEN_FLAGS, { name: "from-literal", type: "stringArray" as const }, { name: "from-file", type: "stringArray" as const }];

const createNamespace = simple("namespace", ["ns"], "namespaces", (_ctx, name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: {}, status: {} }));
const createServiceAccount = simple("serviceaccount", ["sa"], "serviceaccounts", (_ctx, name) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name } }));
const createConfigMap = simple("configmap", ["cm"], "configmaps", (ctx, name) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: literalData(ctx, false) }), LITERAL);
const createSecretGeneric = simple("generic", [], "secrets", (ctx, name) => ({ apiVersion: "v1", kind: "Secret", metadata: { name }, data: literalData(ctx, true), type: "Opaque" }), [...LITERAL, { name: "type", type: "string" }]);

export const createCommand: Command = {
  name: "create",
  flags: [F.filename, F.output, F.dryRun, F.validate, F.fieldManager, F.recursive, F.selector, { name: "save-config", type: "bool" }, { name: "edit", type: "bool" }, { name: "raw", type: "string" }],
  subcommands: [createDeployment, createNamespace, createConfigMap, { name: "secret", subcommands: [createSecretGeneric] }, createServiceAccount],
  run: async (ctx) => {
    if (ctx.args.length > 0 && ctx.list("filename").length > 0) {
      throw new KubectlError(`error: Unexpected args: [${ctx.args.join(" ")}]\nSee 'kubectl create -h' for help and examples`);
    }
    if (ctx.args.length > 0) throw new KubectlError(`error: unknown command "${ctx.args.join(" ")}"\nSee 'kubectl create -h' for help and examples`);
    return createFromFiles(ctx);
  },
};
