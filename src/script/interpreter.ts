/** Runs session scripts: the same interpreter behind the headless CLI and the in-app terminal. */
import { Output, formatGoDuration, runKubectl, type ClusterTransport } from "../kubectl";
import { parseScript, type Statement } from "./parseScript";
import type { SimControl } from "./simCommand";

export interface ScriptEnv {
  transport: ClusterTransport;
  /** The cluster's fault and clock controls (`sim` lines); without it they print an error. */
  sim?: SimControl;
  /** Files for `kubectl apply -f NAME` (the CLI reads the disk; the UI supplies examples). */
  readFile?: (path: string) => string | undefined;
  /** Where everything is printed, in order. */
  out: Output;
  /** Cap on blocking kubectl commands (rollout status, delete --wait, drain). Default 10 min. */
  maxWaitMs?: number;
  /** How long streaming commands (get -w, logs -f) run in a script. Default 60 s. */
  maxStreamMs?: number;
  interrupted?: () => boolean;
  /** The interpreter's own diagnostics (`script:LINE: …`); default: stderr of `out`. */
  diagnostics?: (line: string) => void;
}

export const DEFAULT_MAX_WAIT_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_STREAM_MS = 60 * 1000;

/** Exit status of a script: 0, or 2 when a malformed line stopped it. */
export type ScriptExit = 0 | 2;

/** `t=1m30.25s` */
export function formatSimTime(ms: number): string {
  return `t=${formatGoDuration(ms)}`;
}

/** Runs one statement, printing `$ <line>` and then what it prints. Never throws on user input. */
export async function runStatement(stmt: Statement, env: ScriptEnv): Promise<number> {
  env.out.write("stdout", `$ ${stmt.text}\n`);
  switch (stmt.kind) {
    case "kubectl":
      return runKubectl(stmt.argv, {
        transport: env.transport,
        readFile: env.readFile,
        stdin: stmt.stdin,
        maxWaitMs: env.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
        maxStreamMs: env.maxStreamMs ?? DEFAULT_MAX_STREAM_MS,
        interrupted: env.interrupted,
      }, env.out);
    case "sleep":
      await env.transport.sleep(stmt.ms);
      return 0;
    case "sim": {
      if (stmt.command.type === "time") {
        env.out.line(formatSimTime(env.sim?.elapsed?.() ?? env.transport.now()));
        return 0;
      }
      if (!env.sim) {
        env.out.errLine("error: sim commands are not available here");
        return 1;
      }
      try {
        const text = await env.sim.run(stmt.command);
        if (text) env.out.line(text);
        return 0;
      } catch (e) {
        env.out.errLine(`error: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
    }
  }
}

/**
 * Runs a whole script. Failing commands do not stop it; a malformed line stops it with
 * `script:LINE: message` on stderr and exit status 2 (the lines before it have run).
 */
export async function runScript(source: string, env: ScriptEnv): Promise<ScriptExit> {
  const parsed = parseScript(source);
  for (const stmt of parsed.statements) {
    if (env.interrupted?.()) break;
    await runStatement(stmt, env);
  }
  if (parsed.error) {
    const msg = `script:${parsed.error.line}: ${parsed.error.message}`;
    if (env.diagnostics) env.diagnostics(msg);
    else env.out.errLine(msg);
    return 2;
  }
  return 0;
}
