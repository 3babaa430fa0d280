import { Output } from "../../kubectl";
import { createCluster } from "../../sim";
import { simControlFor, transportFor } from "../clusterDriver";
import { runScript } from "../interpreter";

/** Runs a session script on a fresh simulated cluster, as `npm run sim` does; returns the transcript. */
export async function runScenario(
  script: string,
  opts: { seed?: number; workers?: number; profile?: "real" | "fast" } = {},
): Promise<{ code: number; transcript: string; diagnostics: string[] }> {
  const cluster = createCluster({
    seed: opts.seed ?? 1,
    workers: opts.workers ?? 3,
    profile: opts.profile ?? "real",
    traceRetention: 0,
  });
  const out = new Output();
  const diagnostics: string[] = [];
  const code = await runScript(script, {
    transport: transportFor(cluster),
    sim: simControlFor(cluster, cluster.now()),
    out,
    diagnostics: (l) => void diagnostics.push(l),
  });
  return { code, transcript: out.text(), diagnostics };
}

/** The output of the command echoed as `$ <line>` (up to the next prompt). */
export function outputOf(transcript: string, line: string): string {
  const start = transcript.indexOf(`$ ${line}\n`);
  if (start < 0) throw new Error(`no command "${line}" in transcript`);
  const from = start + line.length + 3;
  const next = transcript.indexOf("\n$ ", from - 1);
  return next < 0 ? transcript.slice(from) : transcript.slice(from, next + 1);
}
