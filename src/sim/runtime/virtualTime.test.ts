import { describe, expect, it } from "vitest";
import { fromTimestamp, toMicroTimestamp, toTimestamp } from "./virtualTime";

describe("virtual time", () => {
  it("starts at 2026-01-01T09:00:00Z and truncates to whole seconds", () => {
    expect(toTimestamp(0)).toBe("2026-01-01T09:00:00Z");
    expect(toTimestamp(65_999)).toBe("2026-01-01T09:01:05Z");
    expect(toTimestamp(15 * 3600_000 + 1000)).toBe("2026-01-02T00:00:01Z");
    expect(toTimestamp(59 * 86400_000)).toBe("2026-03-01T09:00:00Z");
  });

  it("formats micro timestamps and parses both back", () => {
    expect(toMicroTimestamp(1234.5)).toBe("2026-01-01T09:00:01.234500Z");
    expect(fromTimestamp("2026-01-01T09:00:01.234500Z")).toBeCloseTo(1234.5, 6);
    expect(fromTimestamp(toTimestamp(90_000))).toBe(90_000);
    expect(fromTimestamp("nope")).toBeNaN();
  });
});
