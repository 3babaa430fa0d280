import type { Command } from "../context";
import { KubectlError, plainError } from "../errors";
import { F } from "../globalFlags";
import { lookupResource } from "../resources";
import { createGenerated } from "./generated";

function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(",").filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw plainError(`invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

export const runCommand: Command = {
  name: "run",
  flags: [
    F.output,
    F.dryRun,
    F.fieldManager,
    { name: "image", type: "string" },
    { name: "port", type: "string" },
    { name: "restart", type: "string", default: "Always" },
    { name: "command", type: "bool" },
    { name: "env", type: "stringArray" },
    { name: "labels", short: "l", type: "string" },
    { name: "image-pull-policy", type: "string" },
    { name: "stdin", short: "i", type: "bool" },
    { name: "tty", short: "t", type: "bool" },
    { name: "rm", type: "bool" },
    { name: "attach", type: "bool" },
    { name: "expose", type: "bool" },
    { name: "annotations", type: "stringArray" },
    { name: "overrides", type: "string" },
  ],
  required: ["image"],
  run: async (ctx) => {
    if (ctx.args.length === 0) throw new KubectlError(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
    const name = ctx.args[0];
    const restart = ctx.str("restart");
    if (!["Always", "OnFailure", "Never"].includes(restart)) throw plainError(`invalid restart policy: ${restart}`);
    if (ctx.bool("rm") || ctx.bool("attach") || ctx.bool("stdin") || ctx.bool("tty")) {
      throw plainError("interactive sessions (-i, -t, --attach, --rm) are not available in kubeglass; use `kubectl exec` on a running pod");
    }
    const extra = [...ctx.args.slice(1), ...(ctx.dashArgs ?? [])];
    const container: Record<string, unknown> = { image: ctx.str("image"), name };
    if (extra.length > 0) container[ctx.bool("command") ? "command" : "args"] = extra;
    const env = ctx.list("env").map((e) => ({ name: e.slice(0, Math.max(0, e.indexOf("="))) || e, value: e.includes("=") ? e.slice(e.indexOf("=") + 1) : "" }));
    if (env.length) container.env = env;
    if (ctx.changed("image-pull-policy")) container.imagePullPolicy = ctx.str("image-pull-policy");
    if (ctx.changed("port")) {
      const port = Number(ctx.str("port"));
      if (!Number.isInteger(port)) throw plainError(`strconv.Atoi: parsing "${ctx.str("port")}": invalid syntax`);
      container.ports = [{ containerPort: port }];
    }
    container.resources = {};
    const labels = ctx.changed("labels") ? parseLabels(ctx.str("labels")) : { run: name };
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { labels, name },
      spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
      status: {},
    };
    const podType = lookupResource("pods");
    if (!podType) throw plainError("pods are not served");
    return createGenerated(ctx, podType, pod);
  },
};
