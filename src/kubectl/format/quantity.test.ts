// resource.Quantity parsing and canonical String() of sums (kubectl describe node, Allocated resources).
import { describe, expect, it } from "vitest";
import { formatBytes, formatMilliCpu, parseQuantityValue } from "./quantity";

describe("quantity", () => {
  it("parses cpu and memory", () => {
    expect(parseQuantityValue("250m")).toBeCloseTo(0.25);
    expect(parseQuantityValue("2")).toBe(2);
    expect(parseQuantityValue("128Mi")).toBe(128 * 1024 * 1024);
    expect(parseQuantityValue("1G")).toBe(1e9);
    expect(parseQuantityValue("bogus")).toBeNaN();
  });
  it("prints canonical forms", () => {
    expect(formatMilliCpu(0)).toBe("0");
    expect(formatMilliCpu(350)).toBe("350m");
    expect(formatMilliCpu(2000)).toBe("2");
    expect(formatMilliCpu(1500)).toBe("1500m");
    expect(formatBytes(192 * 1024 * 1024, true)).toBe("192Mi");
    expect(formatBytes(0, true)).toBe("0");
    expect(formatBytes(1500000000, false)).toBe("1500M");
  });
});
