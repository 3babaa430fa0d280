import { describe, expect, it } from "vitest";
import { Kernel } from "./kernel";

describe("Kernel", () => {
  it("delivers messages after their latency and records them in the trace", () => {
    const k = new Kernel(1);
    const seen: number[] = [];
    k.send(5, () => ({ from: "kubectl", to: "kube-apiserver", kind: "request", summary: "POST pods", narration: "x" }), () => seen.push(k.now));
    k.after(3, () => seen.push(k.now));
    k.runUntil(10);
    expect(seen).toEqual([3, 5]);
    expect(k.now).toBe(10);
    expect(k.trace.events).toHaveLength(1);
    expect(k.trace.events[0]).toMatchObject({ seq: 0, at: 0, arrives: 5, from: "kubectl", to: "kube-apiserver" });
  });

  it("counts only foreground work as busy and honours cancel", () => {
    const k = new Kernel(1);
    k.after(1000, () => {}, { background: true });
    expect(k.busy).toBe(false);
    const t = k.after(10, () => {
      throw new Error("cancelled task ran");
    });
    expect(k.busy).toBe(true);
    t.cancel();
    expect(k.busy).toBe(false);
    k.runUntil(2000);
  });

  it("skips building trace input when nobody reads the trace", () => {
    const k = new Kernel(1, 0);
    let built = 0;
    k.send(1, () => {
      built++;
      return { from: "a", to: "b", kind: "request", summary: "", narration: "" };
    }, () => {});
    k.step();
    expect(built).toBe(0);
  });
});

describe("Channel", () => {
  it("keeps messages in send order whatever their latency", async () => {
    const { Channel } = await import("./channel");
    const k = new Kernel(1);
    const ch = new Channel(k);
    const got: string[] = [];
    ch.send(10, null, () => got.push("first"));
    ch.send(2, null, () => got.push("second"));
    k.runUntil(100);
    expect(got).toEqual(["first", "second"]);
  });

  it("hands sendTo's argument to the receiver, in send order", async () => {
    const { Channel } = await import("./channel");
    const k = new Kernel(1);
    const ch = new Channel(k);
    const got: string[] = [];
    const receive = (s: string) => got.push(s);
    ch.sendTo(10, null, receive, "first");
    ch.sendTo(2, null, receive, "second");
    k.runUntil(100);
    expect(got).toEqual(["first", "second"]);
  });
});
