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
