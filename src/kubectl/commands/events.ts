import type { KubeEvent } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { plainError } from "../errors";
import { F } from "../globalFlags";
import { printGet } from "../printing";
import { lookupResource } from "../resources";
import { listObjects } from "./objects";

function lastSeen(e: KubeEvent): string {
  return e.lastTimestamp || e.firstTimestamp || e.metadata.creationTimestamp || "";
}

function matches(e: KubeEvent, ctx: CommandContext, forKind?: string, forName?: string): boolean {
  const types = ctx.list("types").flatMap((t) => t.split(","));
  if (types.length && !types.includes(e.type)) return false;
  if (forName && (e.involvedObject.name !== forName || e.involvedObject.kind !== forKind)) return false;
  return true;
}

export const eventsCommand: Command = {
  name: "events",
  flags: [
    F.allNamespaces,
    F.output,
    F.noHeaders,
    { name: "for", type: "string" },
    { name: "types", type: "stringArray" },
    { name: "watch", short: "w", type: "bool" },
  ],
  run: async (ctx) => {
    const evType = lookupResource("events");
    if (!evType) return 1;
    let forKind: string | undefined;
    let forName: string | undefined;
    if (ctx.changed("for")) {
      const [t, n] = ctx.str("for").split("/");
      const type = n === undefined ? lookupResource("pods") : lookupResource(t);
      if (!type) throw plainError(`the server doesn't have a resource type "${t}"`);
      forKind = type.kind;
      forName = n ?? t;
    }
    const events = ((await listObjects(ctx, evType, { allNamespaces: ctx.allNamespaces })) as KubeEvent[])
      .filter((e) => matches(e, ctx, forKind, forName))
      .sort((a, b) => (lastSeen(a) < lastSeen(b) ? -1 : lastSeen(a) > lastSeen(b) ? 1 : 0));
    if (events.length === 0 && !ctx.bool("watch")) {
      ctx.out.errLine(
        ctx.allNamespaces ? "No events found." : `No events found in ${ctx.namespace} namespace.`,
      );
      return 0;
    }
    const opts = {
      now: ctx.transport.now(),
      output: ctx.str("output"),
      allNamespaces: ctx.allNamespaces,
      namespace: ctx.namespace,
      noHeaders: ctx.bool("no-headers"),
    };
    ctx.out.write("stdout", printGet(events, opts).stdout);
    if (!ctx.bool("watch")) return 0;
    const cancel = ctx.watch(
      { verb: "watch", resource: "events", namespace: ctx.allNamespaces ? undefined : ctx.namespace },
      (ev) => {
        if (ev.type === "DELETED" || !matches(ev.object as KubeEvent, ctx, forKind, forName)) return;
        ctx.out.write(
          "stdout",
          printGet([ev.object], { ...opts, now: ctx.transport.now(), noHeaders: true }).stdout,
        );
      },
      events,
    );
    try {
      await ctx.stream();
    } finally {
      cancel();
    }
    return 0;
  },
};
