// The example scripts under examples/ and their transcripts (the README quotes one): a change
// in what the simulated cluster prints shows up here first.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "./run";

const dir = join(__dirname, "..", "..", "..", "examples");
const scripts = readdirSync(dir).filter((f) => f.endsWith(".sh"));

describe("example scripts print their recorded transcripts", () => {
  it("has examples", () => expect(scripts.length).toBeGreaterThan(0));
  for (const file of scripts) {
    it(file, async () => {
      const r = await runScenario(readFileSync(join(dir, file), "utf8"), { seed: 1 });
      expect(r.code).toBe(0);
      expect(r.transcript).toBe(readFileSync(join(dir, file.replace(/\.sh$/, ".out")), "utf8"));
    });
  }
});
