import { describe, expect, it } from "vitest";
import { Rng } from "../../runtime";
import { defaultPlugins } from "./plugins";
import { makePodInfo } from "./podInfo";
import { ResultStore } from "./resultStore";
import { createScheduleContext, scheduleOne } from "./scheduleOne";
import { Snapshot } from "./snapshot";
import { makeNode, makePod } from "./testFixtures";

function results(n: number) {
  const snap = new Snapshot();
  for (let i = 0; i < 3; i++) snap.setNode(makeNode(`w-${i}`));
  const ctx = createScheduleContext(defaultPlugins(), new Rng(1));
  return Array.from({ length: n }, (_, i) => scheduleOne(makePodInfo(makePod(`p-${i}`)), snap, ctx));
}

describe("ResultStore", () => {
  it("keeps per-node detail only for the most recent attempts", () => {
    const store = new ResultStore(2, 10);
    for (const r of results(4)) store.record(r);
    expect(store.size).toBe(4);
    expect(store.get("default/p-0")?.detailed).toBe(false);
    expect(store.get("default/p-0")?.order).toEqual([]);
    expect(store.get("default/p-0")?.node).toMatch(/^w-/);
    expect(store.get("default/p-3")?.detailed).toBe(true);
    expect(store.get("default/p-3")?.scoredCount).toBe(3);
  });

  it("reuses a summarised result's score memory without touching the detailed ones", () => {
    const snap = new Snapshot();
    for (let i = 0; i < 3; i++) snap.setNode(makeNode(`w-${i}`));
    const ctx = createScheduleContext(defaultPlugins(), new Rng(1));
    const store = new ResultStore(3, 100);
    const copies = new Map<string, number[]>();
    // Enough attempts to fill several 256 KB slabs, each recorded as the scheduler does.
    for (let i = 0; i < 8000; i++) {
      const r = scheduleOne(makePodInfo(makePod(`p-${i}`, { cpu: `${(i % 7) * 100}m` })), snap, ctx);
      // Fresh arrays: skipped columns zero, totals the weighted sum.
      const n = r.scoredCount;
      r.scoreColumns.forEach((c, p) => {
        if (c.skipped) expect([...r.raw.subarray(p * n, p * n + n), ...r.normalized.subarray(p * n, p * n + n)].every((v) => v === 0)).toBe(true);
      });
      for (let k = 0; k < n; k++) expect(r.totals[k]).toBe(r.scoreColumns.reduce((sum, c, p) => sum + r.normalized[p * n + k] * c.weight, 0));
      store.record(r);
      copies.set(r.podKey, [...r.raw, ...r.normalized, ...r.totals]);
      if (i % 2 === 1) store.forget(`default/p-${i - 1}`);
    }
    const recent = store.recent(3).filter((r) => r.detailed);
    expect(recent.length).toBe(2);
    for (const r of recent) expect([...r.raw, ...r.normalized, ...r.totals]).toEqual(copies.get(r.podKey));
  });

  it("keeps one result per pod (the last attempt) and forgets the oldest beyond its cap", () => {
    const store = new ResultStore(2, 3);
    const rs = results(4);
    for (const r of rs) store.record(r);
    expect(store.get("default/p-0")).toBeUndefined();
    expect(store.recent(2).map((r) => r.podKey)).toEqual(["default/p-3", "default/p-2"]);
    store.forget("default/p-3");
    expect(store.get("default/p-3")).toBeUndefined();
  });
});
