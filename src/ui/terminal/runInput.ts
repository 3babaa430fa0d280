/**
 * Runs what the user typed in the terminal through the shared session-script interpreter
 * (the CLI's): kubectl against the running cluster, `sim …` fault and clock commands, `sleep`.
 * Successful applies and sim actions become steps of the shareable scenario.
 */
import { Output } from "../../kubectl";
import { parseScript, runStatement, simControlFor, type Statement } from "../../script";
import { appStore, currentSession, recordStep, uiTransport, type ScenarioStep, type Session } from "../../store";

export interface RunInputOptions {
  session: Session;
  /** Where output goes, as the terminal prints it. */
  write(text: string): void;
  /** Aborted by Ctrl+C. */
  signal: AbortSignal;
  /** `kubectl apply -f NAME`: an example or the editor's document. */
  readFile(name: string): string | undefined;
}

/** Sim commands worth replaying from a shared link (not `sim time`, `sim settle`). */
export function isReplayableSim(stmt: Statement): boolean {
  return stmt.kind === "sim" && !["time", "settle", "request"].includes(stmt.command.type);
}

/** Whether `argv` is `kubectl apply …` (the only command a link replays). */
function isApply(argv: readonly string[]): boolean {
  return argv.find((w) => !w.startsWith("-")) === "apply";
}

/** Runs one or more statements (a multi-line paste, a heredoc). Returns the last exit status. */
export async function runInput(source: string, opts: RunInputOptions): Promise<number> {
  const parsed = parseScript(source);
  const { session } = opts;
  let status = 0;
  for (const stmt of parsed.statements) {
    if (opts.signal.aborted || currentSession() !== session) break;
    const read: string[] = [];
    // runStatement echoes `$ line` as a script transcript does; the terminal already shows it.
    let echoed = false;
    const out = new Output((chunk) => {
      if (!echoed) {
        echoed = true;
        return;
      }
      opts.write(chunk.text);
    });
    status = await runStatement(stmt, {
      transport: uiTransport(session, opts.signal),
      sim: simControlFor(session.cluster, appStore.getState().origin),
      readFile: (name) => {
        const text = opts.readFile(name);
        if (text !== undefined) read.push(text);
        return text;
      },
      out,
      // Ctrl+C, or "Reset cluster" (this cluster is gone: waiting on it would never end).
      interrupted: () => opts.signal.aborted || currentSession() !== session,
      maxStreamMs: Infinity,
      maxWaitMs: Infinity,
    });
    if (status !== 0) continue;
    const steps: ScenarioStep[] = [];
    if (stmt.kind === "kubectl" && isApply(stmt.argv)) {
      for (const text of read) steps.push({ apply: text });
      if (stmt.stdin !== undefined && stmt.argv.includes("-")) steps.push({ apply: stmt.stdin });
    }
    if (isReplayableSim(stmt)) steps.push({ sim: stmt.text.trim() });
    for (const s of steps) recordStep(s);
  }
  if (parsed.error && !parsed.incomplete) {
    opts.write(`kubeglass: ${parsed.error.message}\n`);
    return 2;
  }
  return status;
}
