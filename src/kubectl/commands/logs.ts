import type { Command, CommandContext } from "../context";
import { ApiError, CONNECTION_REFUSED, KubectlError, usageError } from "../errors";
import { F } from "../globalFlags";
import { chooseContainer, resolvePod } from "./podTarget";

/** How often `logs -f` asks the kubelet for more (virtual ms). */
const FOLLOW_POLL_MS = 1000;

/** The text the kubelet returned: the response object's `log` field. */
function logText(object: unknown): string {
  if (typeof object === "object" && object !== null && "log" in object) {
    const log = (object as { log: unknown }).log;
    return typeof log === "string" ? log : "";
  }
  return "";
}

async function fetchLog(ctx: CommandContext, namespace: string, name: string, container: string, tail: number | undefined): Promise<string> {
  const res = await ctx.transport.request({
    verb: "get",
    resource: "pods",
    subresource: "log",
    namespace,
    name,
    body: { container, previous: ctx.bool("previous"), tailLines: tail },
  });
  if (res.ok) return logText(res.object);
  if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
  throw new ApiError(res.error);
}

export const logsCommand: Command = {
  name: "logs",
  flags: [
    F.selector,
    { name: "container", short: "c", type: "string" },
    { name: "previous", short: "p", type: "bool" },
    { name: "follow", short: "f", type: "bool" },
    { name: "tail", type: "int", default: -1 },
    { name: "timestamps", type: "bool" },
    { name: "since", type: "string" },
    { name: "all-containers", type: "bool" },
    { name: "prefix", type: "bool" },
  ],
  run: async (ctx) => {
    if (ctx.args.length === 0) throw usageError(ctx.commandPath, "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
    const arg = ctx.args[0];
    if (ctx.args.length === 2) ctx.parsed.values.set("container", ctx.args[1]);
    const pod = await resolvePod(ctx, arg, "logs");
    const container = chooseContainer(ctx, pod);
    const ns = pod.metadata.namespace ?? ctx.namespace;
    const name = pod.metadata.name ?? "";
    const tail = ctx.int("tail", -1);
    let printed = await fetchLog(ctx, ns, name, container, tail >= 0 ? tail : undefined);
    ctx.out.write("stdout", printed);
    if (!ctx.bool("follow")) return 0;
    // Follow: ask again while time passes and print what is new.
    for (;;) {
      if (!(await ctx.waitUntil(() => false, FOLLOW_POLL_MS, true)) && ctx.shouldStop(true)) return 0;
      const all = await fetchLog(ctx, ns, name, container, undefined);
      if (all.length > printed.length && all.startsWith(printed)) ctx.out.write("stdout", all.slice(printed.length));
      printed = all;
    }
  },
};
