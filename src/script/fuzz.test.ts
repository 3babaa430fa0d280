// Property: whatever a user types, the interpreter prints (a kubectl error, a script:LINE
// diagnostic) and returns 0 or 2; it never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Output } from "../kubectl";
import { FakeTransport } from "../kubectl/testing";
import { runScript } from "./interpreter";

const words = [
  "get", "describe", "apply", "create", "delete", "scale", "rollout", "status", "undo", "logs", "exec", "top",
  "cordon", "drain", "taint", "label", "annotate", "expose", "run", "set", "image", "explain", "events",
  "api-resources", "version", "config", "auth", "can-i", "pods", "po", "deploy", "deployment/web", "svc", "nodes",
  "no", "ns", "ev", "cm", "rs", "ds", "ep", "web", "nope", "-n", "-A", "-l", "app=web", "-o", "wide", "yaml",
  "json", "name", "jsonpath={.items[*].metadata.name}", "custom-columns=N:.metadata.name", "-w", "--dry-run=client",
  "--show-labels", "-f", "-", "--replicas=3", "--replicas=-1", "--image=nginx", "--", "env", "nslookup",
  "--sort-by=.lastTimestamp", "--field-selector", "status.phase=Running", "--all", "--now", "--grace-period=0",
  "--frob", "=", "''", '"', "\\", "{", "[", "worker-1", "--ignore-daemonsets", "--to-revision=9",
];
const kubectlLine = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 7 }).map((w) => `kubectl ${w.join(" ")}`);
const otherLine = fc.oneof(
  fc.constantFrom("sleep 1s", "sleep -1s", "sleep", "sim time", "sim settle 5s", "sim node stop", "sim pod crash", "# c", "", "EOF"),
  fc.string({ maxLength: 20 }),
);
const yamlBody = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "kind: [\n", "a: *b\n", "---\n---\n", "- 1\n- 2\n"));
const heredoc = yamlBody.map((body) => `kubectl apply -f - <<EOF\n${body}\nEOF`);
const script = fc.array(fc.oneof(kubectlLine, otherLine, heredoc), { minLength: 1, maxLength: 6 }).map((lines) => lines.join("\n"));

describe("the interpreter on random input", () => {
  it("never throws and exits 0 or 2", async () => {
    await fc.assert(
      fc.asyncProperty(script, async (source) => {
        const out = new Output();
        const code = await runScript(source, { transport: new FakeTransport(), out, maxWaitMs: 5_000, maxStreamMs: 1_000 });
        expect([0, 2]).toContain(code);
        // every statement that ran echoed its prompt
        if (source.trim() !== "" && code === 0 && /^(kubectl|sleep|sim)\b/m.test(source)) expect(out.text()).toContain("$ ");
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});
