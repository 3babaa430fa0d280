import { describe, expect, it } from "vitest";
import type { Taint, Toleration } from "../../../api/types";
import { decideEviction } from "./evictionDecision";
import { matchingTolerations, minTolerationMs, toleratesTaint } from "./tolerations";

const unreachable: Taint = { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: "2026-01-01T09:00:50Z" };
const notReady: Taint = { key: "node.kubernetes.io/not-ready", effect: "NoExecute" };
// What the DefaultTolerationSeconds admission plugin adds to every pod.
const defaults: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

describe("toleration matching", () => {
  it("follows ToleratesTaint: Exists with no key matches everything, Equal compares values", () => {
    expect(toleratesTaint({ operator: "Exists" }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: "a", operator: "Equal", value: "x", effect: "NoSchedule" }, { key: "a", value: "x", effect: "NoSchedule" })).toBe(true);
    expect(toleratesTaint({ key: "a", value: "y" }, { key: "a", value: "x", effect: "NoSchedule" })).toBe(false);
    expect(toleratesTaint({ key: "a", operator: "Exists", effect: "NoSchedule" }, { key: "a", effect: "NoExecute" })).toBe(false);
  });
  it("returns the first matching toleration per taint, or nothing when one is untolerated", () => {
    expect(matchingTolerations([unreachable], defaults)).toEqual({ allTolerated: true, used: [defaults[1]] });
    expect(matchingTolerations([unreachable, { key: "x", effect: "NoExecute" }], defaults)).toEqual({ allTolerated: false, used: [] });
  });
  it("takes the smallest tolerationSeconds; forever is -1", () => {
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }])).toBe(60000);
    expect(minTolerationMs([{ operator: "Exists" }])).toBe(-1);
    expect(minTolerationMs([{ tolerationSeconds: 0 }])).toBe(0);
  });
});

describe("decideEviction", () => {
  it("evicts at once when a NoExecute taint is not tolerated", () => {
    expect(decideEviction([notReady], [], 1000, undefined)).toEqual({ kind: "evict", at: 1000, createdAt: 1000 });
  });
  it("evicts 300 s later with the default tolerations", () => {
    expect(decideEviction([unreachable], defaults, 50000, undefined)).toEqual({ kind: "evict", at: 350000, createdAt: 50000 });
  });
  it("keeps an eviction scheduled earlier", () => {
    expect(decideEviction([unreachable], defaults, 60000, { createdAt: 50000, at: 350000 })).toEqual({ kind: "evict", at: 350000, createdAt: 50000 });
  });
  it("never evicts pods that tolerate forever (DaemonSet pods)", () => {
    expect(decideEviction([unreachable], [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" }], 0, undefined)).toEqual({ kind: "none" });
  });
  it("does nothing once the taints are gone", () => {
    expect(decideEviction([], defaults, 0, { createdAt: 0, at: 300000 })).toEqual({ kind: "none" });
  });
});
