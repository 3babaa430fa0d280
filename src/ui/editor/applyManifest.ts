/**
 * The editor's Apply: `kubectl apply -f -` with the editor's text on standard input, through
 * the shared interpreter. An invalid manifest is refused before anything is sent.
 */
import { Output } from "../../kubectl";
import { runStatement } from "../../script";
import { currentSession, recordStep, uiTransport, type ApplyStatus } from "../../store";
import { lintManifest } from "./lintManifest";

export async function applyManifest(text: string): Promise<ApplyStatus> {
  const { problems, objectCount } = lintManifest(text);
  if (problems.length) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return { tone: "error", text: `Not applied — line ${first.line}: ${first.message}${more}` };
  }
  if (objectCount === 0) return { tone: "error", text: "Not applied — the manifest has no objects." };
  const session = currentSession();
  if (!session) return { tone: "error", text: "Not applied — the cluster is still starting." };
  let echoed = false;
  const lines: string[] = [];
  const out = new Output((chunk) => {
    if (!echoed) {
      echoed = true; // the interpreter's `$ kubectl apply -f -` transcript line
      return;
    }
    lines.push(chunk.text);
  });
  const status = await runStatement({ kind: "kubectl", argv: ["apply", "-f", "-"], stdin: text, line: 1, text: "kubectl apply -f -" }, { transport: uiTransport(session), out });
  if (status === 0) recordStep({ apply: text });
  return { tone: status === 0 ? "ok" : "error", text: lines.join("").trimEnd() || (status === 0 ? "applied" : `kubectl exited with status ${status}`) };
}
