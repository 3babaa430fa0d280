import { describe, expect, it } from "vitest";
import { Backoff, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, crashLoopWaitingMessage, backOffRestartingMessage, podDescriptor } from "./backoff";

describe("Backoff", () => {
  it("doubles from 10 s to a 300 s cap", () => {
    const b = new Backoff();
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      seen.push(b.next("k", t, t));
      t += b.get("k") + 1000;
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(BACKOFF_INITIAL_MS).toBe(10_000);
    expect(BACKOFF_MAX_MS).toBe(300_000);
  });

  it("counts a crash loop from the container's finish time", () => {
    const b = new Backoff();
    // first crash: not in back-off yet (the kubelet restarts at once), then records 10 s
    expect(b.isInBackOffSince("c", 1000, 1000)).toBe(false);
    b.next("c", 1000, 1000);
    // second crash at 3 s: waits until 13 s
    expect(b.isInBackOffSince("c", 3000, 3000)).toBe(true);
    expect(b.remainingSince("c", 3000, 5000)).toBe(8000);
    expect(b.isInBackOffSince("c", 3000, 13_000)).toBe(false);
  });

  it("starts over after running quietly for twice the cap (10 min)", () => {
    const b = new Backoff();
    b.next("c", 0, 0);
    b.next("c", 20_000, 20_000);
    expect(b.get("c")).toBe(20_000);
    const later = 20_000 + 600_001;
    expect(b.isInBackOffSince("c", later, later)).toBe(false);
    expect(b.next("c", later, later)).toBe(10_000);
  });

  it("counts image pull back-off from the last failure", () => {
    const b = new Backoff();
    b.next("img", 0, 0);
    expect(b.isInBackOffSinceUpdate("img", 9_999)).toBe(true);
    expect(b.remainingSinceUpdate("img", 4_000)).toBe(6_000);
    expect(b.isInBackOffSinceUpdate("img", 10_000)).toBe(false);
    b.gc(700_000);
    expect(b.size).toBe(0);
  });

  it("words the messages like the kubelet", () => {
    const pod = podDescriptor("crash", "default", "2973d420-da17-4e8a-81b3-536b16d6abc8");
    expect(backOffRestartingMessage("app", pod)).toBe("Back-off restarting failed container app in pod crash_default(2973d420-da17-4e8a-81b3-536b16d6abc8)");
    expect(crashLoopWaitingMessage(300_000, "app", pod)).toBe("back-off 5m0s restarting failed container=app pod=crash_default(2973d420-da17-4e8a-81b3-536b16d6abc8)");
    expect(crashLoopWaitingMessage(40_000, "app", pod)).toMatch(/^back-off 40s /);
  });
});
