// Go's time.ParseDuration / Duration.String (sleep lines, --timeout, sim time).
import { describe, expect, it } from "vitest";
import { formatGoDuration, parseGoDuration } from "./duration";

describe("Go durations", () => {
  it("parses Go's syntax", () => {
    expect(parseGoDuration("500ms")).toBe(500);
    expect(parseGoDuration("10s")).toBe(10000);
    expect(parseGoDuration("1m30s")).toBe(90000);
    expect(parseGoDuration("2h")).toBe(7200000);
    expect(parseGoDuration("1.5h")).toBe(5400000);
    expect(parseGoDuration("0")).toBe(0);
    expect(parseGoDuration("1h2m3.5s")).toBe(3723500);
  });
  it("rejects what Go rejects", () => {
    for (const bad of ["", "10", "s", "1x", "1m30", "ten seconds", "."]) expect(parseGoDuration(bad)).toBeNull();
  });
  it("formats like Duration.String()", () => {
    expect(formatGoDuration(90250)).toBe("1m30.25s");
    expect(formatGoDuration(7200000)).toBe("2h0m0s");
    expect(formatGoDuration(500)).toBe("500ms");
    expect(formatGoDuration(0)).toBe("0s");
    expect(formatGoDuration(1000)).toBe("1s");
    expect(formatGoDuration(61001)).toBe("1m1.001s");
  });
});
