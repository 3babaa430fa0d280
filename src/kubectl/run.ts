import { CommandContext, type Command, type KubectlEnv } from "./context";
import { ApiError, KubectlError, formatApiError } from "./errors";
import { GLOBAL_FLAGS } from "./globalFlags";
import { FlagError, parseFlags, type FlagSpec } from "./parse/flags";
import { suggestionsFor } from "./parse/suggest";
import { tokenize } from "./parse/tokenize";
import { COMMANDS, KUBECTL_COMMAND_NAMES } from "./commands";
import type { Output } from "./output";

/** Flags of `specs` that consume the next word when given without `=`. */
function takesValue(word: string, specs: readonly FlagSpec[]): boolean {
  if (word.includes("=")) return false;
  const spec = word.startsWith("--") ? specs.find((s) => s.name === word.slice(2)) : word.length === 2 ? specs.find((s) => s.short === word[1]) : undefined;
  return !!spec && spec.type !== "bool" && spec.noOptDefault === undefined;
}

/** Index of the first positional word, skipping flags and their values (cobra's stripFlags). */
function firstPositional(argv: readonly string[], specs: readonly FlagSpec[]): number {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w === "--") return -1;
    if (w.startsWith("-") && w.length > 1) {
      if (takesValue(w, specs)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

function helpText(cmd: Command, path: string): string {
  const subs = cmd.subcommands?.map((s) => `  ${s.name}`).join("\n");
  return subs ? `Available Commands:\n${subs}\n\nUsage:\n  ${path} [flags] [options]\n` : `Usage:\n  ${path} [flags] [options]\n`;
}

const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`;

/** Runs one kubectl invocation (argv without the leading `kubectl`). Never throws. */
export async function runKubectl(argv: readonly string[], env: KubectlEnv, out: Output): Promise<number> {
  try {
    return await dispatch(argv, env, out);
  } catch (e) {
    if (e instanceof KubectlError) {
      out.errLine(e.message);
      return e.exitCode;
    }
    if (e instanceof ApiError) {
      out.errLine(formatApiError(e.status));
      return 1;
    }
    out.errLine(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** Runs a kubectl command line (`kubectl get pods`, with or without the `kubectl`). */
export async function runKubectlLine(line: string, env: KubectlEnv, out: Output): Promise<number> {
  const t = tokenize(line);
  if (!t.ok) {
    out.errLine(`error: ${t.message}`);
    return 1;
  }
  const words = t.words[0] === "kubectl" ? t.words.slice(1) : t.words;
  return runKubectl(words, env, out);
}

async function dispatch(argv: readonly string[], env: KubectlEnv, out: Output): Promise<number> {
  let rest = [...argv];
  const at = firstPositional(rest, GLOBAL_FLAGS);
  if (at < 0) {
    // cobra parses the root's flags before finding it has nothing to run
    try {
      parseFlags(rest, GLOBAL_FLAGS);
    } catch (e) {
      if (e instanceof FlagError) throw new KubectlError(`error: ${e.message}\nSee 'kubectl --help' for usage.`);
      throw e;
    }
    out.write("stdout", ROOT_HELP);
    return 0;
  }
  const name = rest[at];
  let cmd = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  if (!cmd) {
    if (KUBECTL_COMMAND_NAMES.includes(name)) throw new KubectlError(`error: "kubectl ${name}" is not available in kubeglass`);
    const suggestions = suggestionsFor(name, KUBECTL_COMMAND_NAMES);
    const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}` : "";
    throw new KubectlError(`error: unknown command "${name}" for "kubectl"${hint}`);
  }
  rest.splice(at, 1);
  let path = `kubectl ${cmd.name}`;
  while (cmd.subcommands) {
    const specs = [...GLOBAL_FLAGS, ...(cmd.flags ?? [])];
    const i = firstPositional(rest, specs);
    const sub: Command | undefined = i < 0 ? undefined : cmd.subcommands.find((c) => c.name === rest[i] || c.aliases?.includes(rest[i]));
    if (!sub) break;
    rest.splice(i, 1);
    cmd = sub;
    path += ` ${sub.name}`;
  }

  let parsed;
  try {
    parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...(cmd.flags ?? [])]);
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(`error: ${e.message}\nSee '${path} --help' for usage.`);
    throw e;
  }
  if (parsed.values.get("help") === true) {
    out.write("stdout", helpText(cmd, path));
    return 0;
  }
  if (!cmd.run) {
    if (parsed.args.length > 0) throw new KubectlError(`error: unknown command "${parsed.args.join(" ")}"\nSee '${path} -h' for help and examples`);
    out.write("stdout", helpText(cmd, path));
    return 1;
  }
  const missing = (cmd.required ?? []).filter((f) => !parsed.changed.has(f));
  if (missing.length) throw new KubectlError(`error: required flag(s) ${missing.map((m) => `"${m}"`).join(", ")} not set`);
  rest = [];
  return cmd.run(new CommandContext(env, out, parsed, path));
}
