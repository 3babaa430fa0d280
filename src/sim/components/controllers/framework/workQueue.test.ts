import { describe, expect, it } from "vitest";
import { Kernel } from "../../../runtime";
import { WorkQueue } from "./workQueue";
import { ItemExponentialRateLimiter } from "./rateLimiter";

describe("WorkQueue", () => {
  it("stores a key once however often it is added", () => {
    const q = new WorkQueue(new Kernel(1));
    q.add("default/web");
    q.add("default/web");
    q.add("default/db");
    expect(q.length).toBe(2);
    expect(q.get()).toBe("default/web");
    expect(q.get()).toBe("default/db");
    expect(q.get()).toBeUndefined();
  });

  it("never hands out a key being processed; an add meanwhile queues it again at done", () => {
    const q = new WorkQueue(new Kernel(1));
    q.add("a");
    expect(q.get()).toBe("a");
    q.add("a");
    expect(q.length).toBe(0);
    q.done("a");
    expect(q.length).toBe(1);
    expect(q.get()).toBe("a");
    q.done("a");
    expect(q.length).toBe(0);
  });

  it("addAfter adds on the virtual clock, earliest delay wins", () => {
    const k = new Kernel(1);
    const q = new WorkQueue(k);
    q.addAfter("a", 100);
    q.addAfter("a", 50);
    q.addAfter("a", 200);
    k.runUntil(49);
    expect(q.length).toBe(0);
    k.runUntil(50);
    expect(q.length).toBe(1);
    k.runUntil(500);
    expect(q.length).toBe(1);
  });

  it("addRateLimited backs off 5 ms doubling per failure until forget", () => {
    const k = new Kernel(1);
    const q = new WorkQueue(k);
    expect([q.addRateLimited("a"), q.addRateLimited("b"), q.addRateLimited("a"), q.addRateLimited("a")]).toEqual([5, 5, 10, 20]);
    expect(q.numRequeues("a")).toBe(3);
    q.forget("a");
    expect(q.addRateLimited("a")).toBe(5);
  });

  it("caps the back-off at 1000 s", () => {
    const l = new ItemExponentialRateLimiter();
    let last = 0;
    for (let i = 0; i < 40; i++) last = l.when("x");
    expect(last).toBe(1_000_000);
  });

  it("drops everything on shutdown", () => {
    const k = new Kernel(1);
    const q = new WorkQueue(k);
    q.add("a");
    q.addAfter("b", 10);
    q.shutdown();
    q.add("c");
    k.runUntil(100);
    expect(q.length).toBe(0);
    expect(k.busy).toBe(false);
  });

  it("counts a key in flight until its done, through a shutdown", () => {
    const q = new WorkQueue(new Kernel(1));
    q.add("a");
    q.add("b");
    expect(q.get()).toBe("a");
    q.add("a");
    expect(q.inFlight).toBe(1);
    q.shutdown();
    expect(q.inFlight).toBe(1);
    q.done("a");
    expect([q.inFlight, q.length]).toEqual([0, 0]);
  });

  it("calls onReady when a key becomes available", () => {
    let ready = 0;
    const q = new WorkQueue(new Kernel(1), () => ready++);
    q.add("a");
    q.add("a");
    expect(ready).toBe(1);
  });
});
