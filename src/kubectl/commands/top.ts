import type { KubeObject, Node } from "../../sim/api/types";
import { parseBytes, parseCpuMillis } from "../../sim/api";
import type { Command, CommandContext } from "../context";
import { CONNECTION_REFUSED, KubectlError, plainError } from "../errors";
import { F } from "../globalFlags";
import { GET_TABWRITER, tabwrite } from "../format";
import { lookupResource } from "../resources";
import { listObjects } from "./objects";

/** metrics.k8s.io NodeMetrics / PodMetrics as metrics-server serves them. */
interface Usage {
  cpu?: string;
  memory?: string;
}
interface NodeMetrics extends KubeObject {
  usage: Usage;
}
interface PodMetrics extends KubeObject {
  containers: { name: string; usage: Usage }[];
}

const TOP_TABWRITER = GET_TABWRITER;

async function metrics(ctx: CommandContext, resource: "nodemetrics" | "podmetrics", namespace?: string, labelSelector?: string): Promise<KubeObject[]> {
  const res = await ctx.transport.request({ verb: "list", resource, namespace, labelSelector: labelSelector || undefined });
  if (res.ok) return res.items ?? [];
  if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
  throw plainError("Metrics API not available");
}

const cpuMillis = (q: string | undefined) => (q ? parseCpuMillis(q) : 0);
const memBytes = (q: string | undefined) => (q ? parseBytes(q) : 0);
const cpu = (m: number) => `${m}m`;
const mem = (b: number) => `${Math.floor(b / (1024 * 1024))}Mi`;

/** Rows end with a tab, as kubectl's top printer writes them (trailing padding included). */
function table(rows: string[][], noHeaders: boolean): string {
  const lines = (noHeaders ? rows.slice(1) : rows).map((r) => r.join("\t") + "\t");
  return tabwrite(lines.join("\n") + "\n", TOP_TABWRITER);
}

const topNode: Command = {
  name: "node",
  aliases: ["nodes", "no"],
  flags: [F.selector, F.noHeaders, { name: "sort-by", type: "string" }, { name: "show-capacity", type: "bool" }],
  run: async (ctx) => {
    const items = (await metrics(ctx, "nodemetrics", undefined, ctx.str("selector"))) as NodeMetrics[];
    const nodeType = lookupResource("nodes");
    const nodes = nodeType ? ((await listObjects(ctx, nodeType)) as Node[]) : [];
    const wanted = ctx.args[0];
    const rows = [["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]];
    let shown = items.filter((m) => !wanted || m.metadata.name === wanted);
    if (wanted && shown.length === 0) throw plainError(`metrics not available yet`);
    if (ctx.str("sort-by") === "cpu") shown = [...shown].sort((a, b) => cpuMillis(b.usage.cpu) - cpuMillis(a.usage.cpu));
    if (ctx.str("sort-by") === "memory") shown = [...shown].sort((a, b) => memBytes(b.usage.memory) - memBytes(a.usage.memory));
    for (const m of shown) {
      const node = nodes.find((n) => n.metadata.name === m.metadata.name);
      const alloc = ctx.bool("show-capacity") ? node?.status?.capacity : node?.status?.allocatable;
      const c = cpuMillis(m.usage.cpu);
      const b = memBytes(m.usage.memory);
      const cPct = alloc?.cpu ? `${Math.floor((c / cpuMillis(alloc.cpu)) * 100)}%` : "<unknown>";
      const mPct = alloc?.memory ? `${Math.floor((b / memBytes(alloc.memory)) * 100)}%` : "<unknown>";
      rows.push([m.metadata.name ?? "", cpu(c), cPct, mem(b), mPct]);
    }
    ctx.out.write("stdout", table(rows, ctx.bool("no-headers")));
    return 0;
  },
};

const topPod: Command = {
  name: "pod",
  aliases: ["pods", "po"],
  flags: [F.selector, F.allNamespaces, F.noHeaders, F.fieldSelector, { name: "containers", type: "bool" }, { name: "sort-by", type: "string" }, { name: "sum", type: "bool" }],
  run: async (ctx) => {
    let items = (await metrics(ctx, "podmetrics", ctx.allNamespaces ? undefined : ctx.namespace, ctx.str("selector"))) as PodMetrics[];
    if (ctx.args[0]) items = items.filter((m) => m.metadata.name === ctx.args[0]);
    if (items.length === 0) {
      if (ctx.args[0]) throw plainError(`pods "${ctx.args[0]}" not found`);
      ctx.out.errLine(ctx.allNamespaces ? "No resources found" : `No resources found in ${ctx.namespace} namespace.`);
      return 0;
    }
    const sum = (m: PodMetrics, f: (u: Usage) => number) => m.containers.reduce((s, c) => s + f(c.usage), 0);
    if (ctx.str("sort-by") === "cpu") items.sort((a, b) => sum(b, (u) => cpuMillis(u.cpu)) - sum(a, (u) => cpuMillis(u.cpu)));
    if (ctx.str("sort-by") === "memory") items.sort((a, b) => sum(b, (u) => memBytes(u.memory)) - sum(a, (u) => memBytes(u.memory)));
    const ns = ctx.allNamespaces ? ["NAMESPACE"] : [];
    const rows: string[][] = [ctx.bool("containers") ? [...ns, "POD", "NAME", "CPU(cores)", "MEMORY(bytes)"] : [...ns, "NAME", "CPU(cores)", "MEMORY(bytes)"]];
    for (const m of items) {
      const nsCell = ctx.allNamespaces ? [m.metadata.namespace ?? ""] : [];
      if (ctx.bool("containers")) {
        for (const c of m.containers) rows.push([...nsCell, m.metadata.name ?? "", c.name, cpu(cpuMillis(c.usage.cpu)), mem(memBytes(c.usage.memory))]);
      } else {
        rows.push([...nsCell, m.metadata.name ?? "", cpu(sum(m, (u) => cpuMillis(u.cpu))), mem(sum(m, (u) => memBytes(u.memory)))]);
      }
    }
    ctx.out.write("stdout", table(rows, ctx.bool("no-headers")));
    return 0;
  },
};

export const topCommand: Command = { name: "top", subcommands: [topNode, topPod] };
