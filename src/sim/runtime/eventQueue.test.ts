import { describe, expect, it } from "vitest";
import { EventQueue, runTask } from "./eventQueue";

function runNext(q: EventQueue): void {
  const t = q.pop()!;
  runTask(t);
}

describe("EventQueue", () => {
  it("pops by time, then priority, then insertion order", () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(20, 10, () => order.push("t20"));
    q.push(10, 20, () => order.push("t10-low"));
    q.push(10, 10, () => order.push("t10-a"));
    q.push(10, 10, () => order.push("t10-b"));
    q.push(5, 30, () => order.push("t5"));
    while (q.size) runNext(q);
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

  it("matches a sort by (time, priority, insertion) with pops interleaved and growth past its first arrays", () => {
    const q = new EventQueue();
    const pending: { at: number; priority: number; seq: number }[] = [];
    const popped: number[] = [];
    const expected: number[] = [];
    let x = 11;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    let seq = 0;
    for (let i = 0; i < 5000; i++) {
      const at = next() % 300;
      const priority = [0, 10, 20, 30][next() % 4];
      const mine = seq++;
      q.push(at, priority, () => popped.push(mine));
      pending.push({ at, priority, seq: mine });
      if (next() % 3 === 0) {
        pending.sort((a, b) => a.at - b.at || a.priority - b.priority || a.seq - b.seq);
        expected.push(pending.shift()!.seq);
        runNext(q);
      }
    }
    pending.sort((a, b) => a.at - b.at || a.priority - b.priority || a.seq - b.seq);
    for (const t of pending) expected.push(t.seq);
    while (q.size) runNext(q);
    expect(popped).toEqual(expected);
  });
});

