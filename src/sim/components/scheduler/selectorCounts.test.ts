import { describe, expect, it } from "vitest";
import { Snapshot } from "./snapshot";
import { makeNode, makePod } from "./testFixtures";

describe("SelectorCountIndex", () => {
  it("answers a repeated selector with the same live counts, and rebuilds them after eviction", () => {
    const snap = new Snapshot();
    snap.setNode(makeNode("w"));
    const web = snap.spreadCounts("default", { matchLabels: { app: "web", tier: "1" } });
    expect(snap.spreadCounts("default", { matchLabels: { tier: "1", app: "web" } })).toBe(web);
    expect(snap.spreadCounts("default", { matchLabels: { app: "web" } })).not.toBe(web);
    expect(snap.spreadCounts("prod", { matchLabels: { app: "web", tier: "1" } })).not.toBe(web);
    expect(snap.spreadCounts("default", { matchLabels: { app: "web", tier: "1" } })).toBe(web);
    // 4,096 other selectors push it out; asking again builds fresh counts that see later pods.
    for (let i = 0; i < 4096; i++) snap.spreadCounts("default", { matchLabels: { app: `a-${i}` } });
    snap.addPod(makePod("p", { labels: { app: "web", tier: "1" } }), "w");
    const again = snap.spreadCounts("default", { matchLabels: { app: "web", tier: "1" } });
    expect(again).not.toBe(web);
    expect(again.count("w")).toBe(1);
  });
});
