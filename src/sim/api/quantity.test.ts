import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  QUANTITY_FORMAT_ERROR,
  QuantityError,
  canonicalQuantity,
  compareQuantities,
  formatBytes,
  formatCpuMillis,
  parseBytes,
  parseCpuMillis,
  parseQuantity,
  parseQuantityExact,
} from "./quantity";

// Expected values from k8s.io/apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse,
// TestQuantityString) and the ErrFormatWrong message in quantity.go.
describe("parsing", () => {
  it("reads CPU in millicores exactly", () => {
    expect(parseCpuMillis("100m")).toBe(100);
    expect(parseCpuMillis("0.1")).toBe(100);
    expect(parseCpuMillis("1.5")).toBe(1500);
    expect(parseCpuMillis("2")).toBe(2000);
    expect(parseCpuMillis(2)).toBe(2000);
    expect(parseCpuMillis("250u")).toBe(1); // MilliValue rounds up
  });

  it("reads memory in bytes", () => {
    expect(parseBytes("128Mi")).toBe(134217728);
    expect(parseBytes("1G")).toBe(1e9);
    expect(parseBytes("1e3")).toBe(1000);
    expect(parseBytes("500")).toBe(500);
    expect(parseBytes("1.5Gi")).toBe(1610612736);
    expect(parseBytes("16Gi")).toBe(17179869184);
  });

  it("returns undefined or throws the apiserver's message for malformed input", () => {
    expect(parseQuantity("abc")).toBeUndefined();
    expect(parseQuantity("1Xi")).toBeUndefined();
    expect(parseQuantity("")).toBeUndefined();
    expect(parseQuantity("0.5")).toBe(0.5);
    expect(() => parseCpuMillis("one")).toThrow(QuantityError);
    expect(() => parseBytes("12 Mi")).toThrow(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(QUANTITY_FORMAT_ERROR).toContain("^([+-]?[0-9.]+)");
  });
});

describe("canonical formatting (Quantity.String)", () => {
  it.each([
    ["1.5", "1500m"],
    ["0.5", "500m"],
    ["2", "2"],
    ["100m", "100m"],
    ["1000m", "1"],
    ["1000", "1k"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["16Gi", "16Gi"],
    ["1e3", "1e3"],
    ["1G", "1G"],
    ["0", "0"],
    ["512", "512"],
  ])("%s → %s", (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it("formats millicores and bytes like kubectl describe", () => {
    expect(formatCpuMillis(1500)).toBe("1500m");
    expect(formatCpuMillis(2000)).toBe("2");
    expect(formatCpuMillis(0)).toBe("0");
    expect(formatBytes(17179869184)).toBe("16Gi");
    expect(formatBytes(134217728)).toBe("128Mi");
    expect(formatBytes(1000)).toBe("1k"); // below 1024 BinarySI falls back to DecimalSI
    expect(formatBytes(1500)).toBe("1500");
  });

  it("compares exactly", () => {
    const q = (s: string) => parseQuantityExact(s)!;
    expect(compareQuantities(q("1"), q("1000m"))).toBe(0);
    expect(compareQuantities(q("500m"), q("1"))).toBe(-1);
    expect(compareQuantities(q("1Gi"), q("1G"))).toBe(1);
  });
});


describe("properties", () => {
  it("formatCpuMillis and parseCpuMillis round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (m) => parseCpuMillis(formatCpuMillis(m)) === m));
  });
  it("canonical forms are stable and keep their value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom("", "m", "k", "Ki", "Mi", "Gi", "M", "G"), (n, suffix) => {
        const s = `${n}${suffix}`;
        const c = canonicalQuantity(s);
        expect(canonicalQuantity(c)).toBe(c);
        expect(compareQuantities(parseQuantityExact(c)!, parseQuantityExact(s)!)).toBe(0);
      }),
    );
  });
});
