import { describe, expect, it } from "vitest";
import { SchedulingQueue, eventMayHelp } from "./schedulingQueue";
import { makePod } from "./testFixtures";

function setup() {
  let now = 0;
  const q = new SchedulingQueue({ now: () => now });
  return { q, tick: (ms: number) => (now += ms), at: () => now };
}

describe("SchedulingQueue", () => {
  it("pops by priority, then first come first served", () => {
    const { q, tick } = setup();
    q.add(makePod("a"));
    tick(1);
    q.add(makePod("b", { spec: { priority: 1000 } }));
    tick(1);
    q.add(makePod("c"));
    expect([q.pop()?.key, q.pop()?.key, q.pop()?.key, q.pop()]).toEqual(["default/b", "default/a", "default/c", undefined]);
  });

  it("backs off 1 s, doubling per attempt, capped at 10 s", () => {
    const { q } = setup();
    expect([1, 2, 3, 4, 5, 6].map((n) => q.backoffDuration(n))).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it("parks unschedulable pods until an event that may help them", () => {
    const { q, tick } = setup();
    q.add(makePod("big"));
    q.pop();
    q.addUnschedulable("default/big", ["NodeResourcesFit"]);
    expect(q.pop()).toBeUndefined();
    // A new pod elsewhere does not free resources.
    expect(q.onEvent("AssignedPodAdd")).toBe(0);
    tick(5000);
    // A deleted pod may.
    expect(q.onEvent("AssignedPodDelete")).toBe(1);
    expect(q.pop()?.key).toBe("default/big");
  });

  it("moves a still-backing-off pod to backoffQ, released by flush when it expires", () => {
    const { q, tick } = setup();
    let now = 0;
    const strict = new SchedulingQueue({ now: () => now, popFromBackoffQ: false });
    strict.add(makePod("p"));
    strict.pop(); // attempt 1 → backoff 1 s
    strict.addUnschedulable("default/p", ["TaintToleration"]);
    now = 200;
    strict.onEvent("NodeTaintChange");
    expect(strict.get("default/p")?.where).toBe("backoff");
    expect(strict.nextBackoffExpiry()).toBe(1000);
    expect(strict.pop()).toBeUndefined();
    now = 1000;
    strict.flush();
    expect(strict.pop()?.key).toBe("default/p");
    // With SchedulerPopFromBackoffQ (the default) an idle queue does not wait.
    q.add(makePod("x"));
    q.pop();
    q.addUnschedulable("default/x", ["TaintToleration"]);
    tick(100);
    q.onEvent("NodeTaintChange");
    expect(q.pop()?.key).toBe("default/x");
  });

  it("retries a pod whose helpful event arrived during its own cycle", () => {
    const { q } = setup();
    q.add(makePod("p"));
    q.pop();
    q.onEvent("NodeAdd"); // while in flight
    q.addUnschedulable("default/p", ["NodeResourcesFit"]);
    expect(q.get("default/p")?.where).not.toBe("unschedulable");
  });

  it("flushes pods parked for 5 minutes", () => {
    const { q, tick } = setup();
    q.add(makePod("p"));
    q.pop();
    q.addUnschedulable("default/p", ["NodeAffinity"]);
    expect(q.nextUnschedulableTimeout()).toBe(300_000);
    tick(299_999);
    q.flush();
    expect(q.pop()).toBeUndefined();
    tick(1);
    q.flush();
    expect(q.pop()?.attempts).toBe(2);
  });

  it("retries an unschedulable pod when its spec changes, not when its status does", () => {
    const { q, tick } = setup();
    const pod = makePod("p");
    q.add(pod);
    q.pop();
    q.addUnschedulable("default/p", ["NodeAffinity"]);
    tick(20_000);
    q.update({ ...pod, status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] } });
    expect(q.pop()).toBeUndefined();
    q.update({ ...pod, spec: { ...pod.spec, nodeSelector: { disktype: "ssd" } } });
    expect(q.pop()?.key).toBe("default/p");
  });

  it("forgets deleted and bound pods", () => {
    const { q } = setup();
    q.add(makePod("a"));
    q.add(makePod("b"));
    q.delete("default/a");
    const b = q.pop();
    q.done(b?.key ?? "");
    expect(q.has("default/b")).toBe(false);
    expect(q.pop()).toBeUndefined();
  });

  it("maps events to the plugins they may help", () => {
    expect(eventMayHelp("NodeAdd", new Set(["NodePorts"]))).toBe(true);
    expect(eventMayHelp("NodeLabelChange", new Set(["NodeAffinity"]))).toBe(true);
    expect(eventMayHelp("NodeLabelChange", new Set(["NodeResourcesFit"]))).toBe(false);
    expect(eventMayHelp("AssignedPodDelete", new Set(["NodePorts"]))).toBe(true);
  });
});
