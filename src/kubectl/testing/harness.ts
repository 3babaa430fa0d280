import { Output } from "../output";
import { runKubectlLine } from "../run";
import type { KubectlEnv } from "../context";
import { FakeTransport } from "./fakeTransport";

export interface RunResult {
  code: number;
  out: Output;
  /** stdout and stderr as a terminal interleaves them. */
  text: string;
}

/** Runs one kubectl line against a fake transport. */
export async function kubectl(fake: FakeTransport, line: string, env: Partial<KubectlEnv> = {}): Promise<RunResult> {
  const out = new Output();
  const code = await runKubectlLine(line, { transport: fake, ...env }, out);
  return { code, out, text: out.text() };
}

export { FakeTransport };
