/** `sim …` script lines: what they mean, and the control surface the cluster offers for them. */
import { parseGoDuration } from "../kubectl";

export type SimCommand =
  | { type: "node"; action: "stop" | "start" | "partition" | "heal" | "remove"; node: string }
  | { type: "node-add"; node?: string }
  | { type: "component"; action: "stop" | "start"; component: string }
  | { type: "pod-crash"; namespace: string; name: string }
  | { type: "request"; from?: string; url: string }
  | { type: "settle"; maxMs: number }
  | { type: "time" };

/** What a `sim` line drives: the cluster's fault injection and clock. */
export interface SimControl {
  /**
   * Runs one command; resolves to what it prints ("" for nothing). Rejects with an Error whose
   * message is user-facing (unknown node, …): the interpreter prints `error: <message>` and goes on.
   */
  run(cmd: SimCommand): Promise<string>;
  /** The clock `sim time` shows (virtual ms since the cluster came up); default: the transport's now. */
  elapsed?(): number;
}

/** `sim settle` without MAX: at most 10 minutes of virtual time. */
export const DEFAULT_SETTLE_MS = 10 * 60 * 1000;

const USAGE = {
  node: "usage: sim node stop|start|partition|heal|remove NAME | sim node add [NAME]",
  component: "usage: sim component stop|start NAME",
  pod: "usage: sim pod crash [-n NAMESPACE] NAME",
  request: "usage: sim request [--from POD] URL",
  settle: "usage: sim settle [MAX]",
  time: "usage: sim time",
  sim: "usage: sim node|component|pod|request|settle|time …",
};

export type ParsedSim = { ok: true; command: SimCommand } | { ok: false; message: string };

const fail = (message: string): ParsedSim => ({ ok: false, message });
const ok = (command: SimCommand): ParsedSim => ({ ok: true, command });

/** Parses the words after `sim`. */
export function parseSimCommand(words: readonly string[]): ParsedSim {
  const [what, ...rest] = words;
  switch (what) {
    case "node": {
      const [action, name, ...extra] = rest;
      if (action === "add") return rest.length <= 2 ? ok({ type: "node-add", ...(name ? { node: name } : {}) }) : fail(USAGE.node);
      if (action === "stop" || action === "start" || action === "partition" || action === "heal" || action === "remove") {
        return name && extra.length === 0 ? ok({ type: "node", action, node: name }) : fail(USAGE.node);
      }
      return fail(USAGE.node);
    }
    case "component": {
      const [action, name, ...extra] = rest;
      if ((action === "stop" || action === "start") && name && extra.length === 0) return ok({ type: "component", action, component: name });
      return fail(USAGE.component);
    }
    case "pod": {
      const [action, ...args] = rest;
      if (action !== "crash") return fail(USAGE.pod);
      let namespace = "default";
      const names: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === "-n" || a === "--namespace") {
          if (i + 1 >= args.length) return fail(USAGE.pod);
          namespace = args[++i];
        } else if (a.startsWith("--namespace=")) namespace = a.slice("--namespace=".length);
        else if (a.startsWith("-")) return fail(USAGE.pod);
        else names.push(a);
      }
      return names.length === 1 ? ok({ type: "pod-crash", namespace, name: names[0] }) : fail(USAGE.pod);
    }
    case "request": {
      let from: string | undefined;
      const urls: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === "--from") {
          if (i + 1 >= rest.length) return fail(USAGE.request);
          from = rest[++i];
        } else if (a.startsWith("--from=")) from = a.slice("--from=".length);
        else if (a.startsWith("-")) return fail(USAGE.request);
        else urls.push(a);
      }
      if (urls.length !== 1) return fail(USAGE.request);
      return ok({ type: "request", ...(from ? { from } : {}), url: urls[0] });
    }
    case "settle": {
      if (rest.length > 1) return fail(USAGE.settle);
      if (rest.length === 0) return ok({ type: "settle", maxMs: DEFAULT_SETTLE_MS });
      const ms = parseGoDuration(rest[0]);
      if (ms === null || ms < 0) return fail(`invalid duration "${rest[0]}"`);
      return ok({ type: "settle", maxMs: ms });
    }
    case "time":
      return rest.length === 0 ? ok({ type: "time" }) : fail(USAGE.time);
    default:
      return fail(what ? `unknown sim command "${what}"; ${USAGE.sim}` : USAGE.sim);
  }
}
