import { describe, expect, it } from "vitest";
import { parseCliArgs, USAGE } from "./sim";

describe("sim CLI arguments", () => {
  it("reads options in both spellings and the script", () => {
    expect(parseCliArgs(["--seed", "7", "--profile=fast", "--workers", "5", "--trace", "t.jsonl", "demo.sh"])).toEqual({ seed: 7, profile: "fast", workers: 5, trace: "t.jsonl", script: "demo.sh" });
    expect(parseCliArgs(["-"])).toEqual({ seed: 1, profile: "real", workers: 3, script: "-" });
  });
  it("rejects what it does not understand", () => {
    expect(parseCliArgs(["--profile", "slow", "x"])).toBe("--profile must be real or fast");
    expect(parseCliArgs(["--seed", "abc", "x"])).toBe("--seed needs a non-negative integer");
    expect(parseCliArgs(["--bogus", "x"])).toBe("unknown option --bogus");
    expect(parseCliArgs([])).toBe("exactly one SCRIPT (a path or -) is required");
    expect(parseCliArgs(["--help"])).toBe(USAGE);
  });
});
