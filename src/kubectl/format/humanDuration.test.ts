// Boundaries follow k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration,
// ShortHumanDuration) and kubectl's translateTimestampSince (pkg/printers/internalversion/printers.go).
import { describe, expect, it } from "vitest";
import { humanDuration, shortHumanDuration, translateTimestampSince } from "./humanDuration";
import { toTimestamp } from "../../sim/runtime";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration", () => {
  it.each([
    [0, "0s"],
    [59 * s, "59s"],
    [60 * s, "60s"],
    [119 * s + 999, "119s"],
    [2 * m, "2m"],
    [2 * m + 5 * s, "2m5s"],
    [3 * m + 20 * s, "3m20s"],
    [9 * m + 59 * s, "9m59s"],
    [10 * m, "10m"],
    [10 * m + 59 * s, "10m"],
    [47 * m, "47m"],
    [179 * m, "179m"],
    [3 * h, "3h"],
    [3 * h + 5 * m, "3h5m"],
    [5 * h + 12 * m, "5h12m"],
    [7 * h + 59 * m + 59 * s, "7h59m"],
    [8 * h, "8h"],
    [30 * h, "30h"],
    [47 * h + 59 * m, "47h"],
    [48 * h, "2d"],
    [49 * h, "2d1h"],
    [3 * d + 4 * h, "3d4h"],
    [7 * d + 23 * h, "7d23h"],
    [8 * d, "8d"],
    [12 * d + 5 * h, "12d"],
    [729 * d, "729d"],
    [730 * d, "2y"],
    [730 * d + 45 * d, "2y45d"],
    [5 * 365 * d, "5y"],
    [8 * 365 * d, "8y"],
    [20 * 365 * d + 100 * d, "20y"],
  ])("%d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it("tolerates up to a second of clock skew, then says <invalid>", () => {
    expect(humanDuration(-500)).toBe("0s");
    expect(humanDuration(-1 * s)).toBe("0s");
    expect(humanDuration(-1999)).toBe("0s");
    expect(humanDuration(-2 * s)).toBe("<invalid>");
  });
});

describe("shortHumanDuration", () => {
  it.each([
    [0, "0s"],
    [59 * s, "59s"],
    [60 * s, "1m"],
    [59 * m + 59 * s, "59m"],
    [60 * m, "1h"],
    [23 * h + 59 * m, "23h"],
    [24 * h, "1d"],
    [364 * d, "364d"],
    [365 * d, "1y"],
    [-2 * s, "<invalid>"],
  ])("%d ms → %s", (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe("translateTimestampSince", () => {
  it("prints <unknown> for a missing timestamp", () => {
    expect(translateTimestampSince(undefined, 1000)).toBe("<unknown>");
    expect(translateTimestampSince("", 1000)).toBe("<unknown>");
  });
  it("measures from the virtual clock", () => {
    expect(translateTimestampSince(toTimestamp(0), 45 * s)).toBe("45s");
    expect(translateTimestampSince(toTimestamp(10 * s), 3 * m + 30 * s)).toBe("3m20s");
  });
  it("prints <invalid> for a timestamp in the future", () => {
    expect(translateTimestampSince(toTimestamp(10 * m), 0)).toBe("<invalid>");
  });
});
