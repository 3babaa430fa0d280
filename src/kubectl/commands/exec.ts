import type { Command } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, usageError } from "../errors";
import { chooseContainer, resolvePod } from "./podTarget";

interface ExecResult {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export const execCommand: Command = {
  name: "exec",
  flags: [
    { name: "container", short: "c", type: "string" },
    { name: "stdin", short: "i", type: "bool" },
    { name: "tty", short: "t", type: "bool" },
    { name: "quiet", short: "q", type: "bool" },
    { name: "filename", short: "f", type: "stringArray" },
    { name: "pod-running-timeout", type: "string" },
  ],
  run: async (ctx) => {
    if (ctx.args.length === 0) throw usageError(ctx.commandPath, "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command");
    if (ctx.args.length > 1 || !ctx.dashArgs) {
      throw usageError(ctx.commandPath, "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead");
    }
    const command = ctx.dashArgs;
    if (command.length === 0) throw usageError(ctx.commandPath, "you must specify at least one command for the container");
    const pod = await resolvePod(ctx, ctx.args[0], "exec");
    const container = chooseContainer(ctx, pod);
    const res = await ctx.transport.request({
      verb: "create",
      resource: "pods",
      subresource: "exec",
      namespace: pod.metadata.namespace ?? ctx.namespace,
      name: pod.metadata.name,
      body: { container, command },
    });
    if (!res.ok) {
      if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
      throw new ApiError(res.error);
    }
    const result = (res.object ?? {}) as ExecResult;
    ctx.out.write("stdout", result.stdout ?? "");
    ctx.out.write("stderr", result.stderr ?? "");
    const code = result.exitCode ?? 0;
    if (code !== 0) {
      ctx.out.errLine(`command terminated with exit code ${code}`);
      return code;
    }
    return 0;
  },
};
