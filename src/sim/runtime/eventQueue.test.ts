import { describe, expect, it } from "vitest";
import { EventQueue } from "./eventQueue";

describe("EventQueue", () => {
  it("pops by time, then priority, then insertion order", () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(20, 10, () => order.push("t20"));
    q.push(10, 20, () => order.push("t10-low"));
    q.push(10, 10, () => order.push("t10-a"));
    q.push(10, 10, () => order.push("t10-b"));
    q.push(5, 30, () => order.push("t5"));
    while (q.size) q.pop()!.run();
    expect(order).toEqual(["t5", "t10-a", "t10-b", "t10-low", "t20"]);
  });

  it("keeps heap order over many random pushes", () => {
    const q = new EventQueue();
    let x = 7;
    for (let i = 0; i < 1000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      q.push(x % 500, 0, () => {});
    }
    let last = -1;
    while (q.size) {
      const t = q.pop()!;
      expect(t.at).toBeGreaterThanOrEqual(last);
      last = t.at;
    }
  });
});
