/**
 * Tab completion for the terminal: commands, kubectl subcommands, resource types, object
 * names, example files and `sim` arguments. Pure: object names come from the caller.
 */
import { RESOURCES, resourceFor } from "../../sim/api";

/** What the terminal itself understands (besides kubectl and sim). */
export const SHELL_COMMANDS = ["kubectl", "sim", "sleep", "clear", "help", "history"] as const;

/** The kubectl commands kubeglass implements (src/kubectl/commands). */
export const KUBECTL_COMMANDS = [
  "annotate", "api-resources", "apply", "auth", "cluster-info", "config", "cordon", "create", "delete", "describe",
  "drain", "events", "exec", "explain", "expose", "get", "label", "logs", "rollout", "run", "scale", "set", "taint",
  "top", "uncordon", "version",
];

/** Subcommands that take a resource type, then names of that type. */
const TYPED = new Set(["get", "describe", "delete", "label", "annotate", "scale", "explain", "edit"]);
/** Subcommands that take a pod name. */
const POD_ARG = new Set(["logs", "exec"]);
/** Subcommands that take a node name. */
const NODE_ARG = new Set(["cordon", "uncordon", "drain", "taint"]);

const SIM = {
  top: ["node", "component", "pod", "settle", "time"],
  node: ["stop", "start", "partition", "heal", "remove", "add"],
  component: ["stop", "start"],
  pod: ["crash"],
};

export interface CompletionContext {
  /** Names of objects of a resource (plural, `pods`) in a namespace ("" = every namespace). */
  names(resource: string, namespace: string): readonly string[];
  /** Names `kubectl apply -f` accepts (examples, the editor's document). */
  files: readonly string[];
  /** Control-plane components `sim component stop|start` accepts. */
  components: readonly string[];
}

export interface Completion {
  /** The line after completion (unchanged when nothing fits). */
  line: string;
  /** The candidates to list when more than one fits (empty when the line was completed). */
  options: string[];
}

let typeNamesCache: string[] | undefined;
/** Every name a resource type may be typed as: plural, singular, short names. */
export function resourceTypeNames(): string[] {
  typeNamesCache ??= [...new Set(RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]))].sort();
  return typeNamesCache;
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return "";
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The namespace a kubectl line names with -n / --namespace, else default. */
function namespaceOf(words: readonly string[]): string {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if ((w === "-n" || w === "--namespace") && words[i + 1]) return words[i + 1];
    if (w.startsWith("--namespace=")) return w.slice(12);
    if (w === "-A" || w === "--all-namespaces") return "";
  }
  return "default";
}

/** Candidates for the word being typed, given the complete words before it. */
function candidates(before: readonly string[], ctx: CompletionContext): readonly string[] {
  if (before.length === 0) return SHELL_COMMANDS;
  const [cmd, ...args] = before;
  if (cmd === "sim") {
    if (args.length === 0) return SIM.top;
    const [what, action] = args;
    if (args.length === 1) return what === "node" ? SIM.node : what === "component" ? SIM.component : what === "pod" ? SIM.pod : [];
    if (args.length === 2 && what === "node" && action !== "add") return ctx.names("nodes", "");
    if (args.length === 2 && what === "component") return ctx.components;
    if (args.length === 2 && what === "pod" && action === "crash") return ctx.names("pods", "default");
    return [];
  }
  if (cmd !== "kubectl") return [];
  const last = args[args.length - 1];
  if (last === "-n" || last === "--namespace") return ctx.names("namespaces", "");
  if (last === "-f" || last === "--filename") return ctx.files;
  const positional = args.filter((w, i) => !w.startsWith("-") && !["-n", "--namespace", "-f", "--filename", "-o", "--output", "-l", "--selector", "-c", "--container"].includes(args[i - 1] ?? ""));
  if (positional.length === 0) return KUBECTL_COMMANDS;
  const sub = positional[0];
  const ns = namespaceOf(args);
  if (sub === "rollout" && positional.length === 1) return ["status", "history", "undo", "restart", "pause", "resume"];
  if (sub === "rollout" && positional.length === 2) return ["deployment", "daemonset"];
  if (sub === "rollout" && positional.length === 3) return ctx.names(resourceFor(positional[2])?.resource ?? "", ns);
  if (POD_ARG.has(sub) && positional.length === 1) return ctx.names("pods", ns);
  if (NODE_ARG.has(sub) && positional.length === 1) return ctx.names("nodes", "");
  if (TYPED.has(sub)) {
    if (positional.length === 1) return resourceTypeNames();
    const type = resourceFor(positional[1].split(",")[0]);
    if (type) return ctx.names(type.resource, type.namespaced ? ns : "");
  }
  return [];
}

/** Completes the last word of `line` (the cursor is at its end). */
export function completeLine(line: string, ctx: CompletionContext): Completion {
  const words = line.split(/\s+/);
  if (words[0] === "") words.shift();
  const partial = /\s$/.test(line) || line === "" ? "" : (words.pop() ?? "");
  const matches = [...new Set(candidates(words, ctx))].filter((c) => c.startsWith(partial)).sort();
  if (matches.length === 0) return { line, options: [] };
  const head = line.slice(0, line.length - partial.length);
  if (matches.length === 1) return { line: `${head}${matches[0]} `, options: [] };
  const prefix = commonPrefix(matches);
  if (prefix.length > partial.length) return { line: head + prefix, options: [] };
  return { line, options: matches };
}
