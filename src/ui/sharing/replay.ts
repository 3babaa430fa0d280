/**
 * Replays a shared scenario on the running cluster: each manifest with `kubectl apply -f -`
 * and each `sim` line through the interpreter's parser, at the cluster time it was done.
 * Nothing else can run: other steps were already refused when the link was decoded.
 */
import { Output, tokenize } from "../../kubectl";
import { parseSimCommand, runStatement, simControlFor } from "../../script";
import { appStore, recordStep, uiTransport, type ScenarioStep, type Session } from "../../store";

/** What a link may do with `sim`: faults only (no `sim request`, no `sim settle`). */
const REPLAYABLE = new Set(["node", "node-add", "component", "pod-crash"]);

export interface ReplayReport {
  done: number;
  failed: string[];
}

async function runStep(session: Session, step: ScenarioStep): Promise<string | null> {
  if ("apply" in step) {
    const out = new Output();
    const status = await runStatement({ kind: "kubectl", argv: ["apply", "-f", "-"], stdin: step.apply, line: 1, text: "kubectl apply -f -" }, { transport: uiTransport(session), out });
    return status === 0 ? null : out.stderr().trim() || "kubectl apply failed";
  }
  const t = tokenize(step.sim);
  if (!t.ok || t.words[0] !== "sim") return `not a sim command: ${step.sim}`;
  const parsed = parseSimCommand(t.words.slice(1));
  if (!parsed.ok) return parsed.message;
  if (!REPLAYABLE.has(parsed.command.type)) return `not replayed: ${step.sim}`;
  try {
    await simControlFor(session.cluster, appStore.getState().origin).run(parsed.command);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export async function replaySteps(session: Session, steps: readonly ScenarioStep[]): Promise<ReplayReport> {
  const transport = uiTransport(session);
  const failed: string[] = [];
  let done = 0;
  for (const step of steps) {
    const origin = appStore.getState().origin;
    if (step.at !== undefined) {
      const wait = origin + step.at - session.cluster.now();
      if (wait > 0) await transport.sleep(wait);
    }
    const err = await runStep(session, step);
    if (err) failed.push(err);
    else {
      done++;
      recordStep(step);
    }
  }
  return { done, failed };
}
