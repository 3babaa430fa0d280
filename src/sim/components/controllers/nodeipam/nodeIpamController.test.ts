import { describe, expect, it } from "vitest";
import type { Node } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import { testContext } from "../framework/fakeCache";
import { CidrSet } from "./cidrSet";
import { ALLOCATE_KEY, NodeIpamController } from "./nodeIpamController";

const node = (name: string, createdAt: number, podCIDR?: string): Node => ({ apiVersion: "v1", kind: "Node", metadata: { name, creationTimestamp: toTimestamp(createdAt) }, spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {} });

describe("NodeIpamController", () => {
  it("gives nodes without a range the next /24 in order of creation", () => {
    const c = new NodeIpamController();
    const plan = c.sync(ALLOCATE_KEY, testContext({ objects: [node("worker-10", 3000), node("control-plane", 0, "10.244.0.0/24"), node("worker-2", 2000), node("worker-1", 1000)] }));
    expect(plan.calls.map((x) => [x.request.name, x.request.body])).toEqual([
      ["worker-1", { spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] } }],
      ["worker-2", { spec: { podCIDR: "10.244.2.0/24", podCIDRs: ["10.244.2.0/24"] } }],
      ["worker-10", { spec: { podCIDR: "10.244.3.0/24", podCIDRs: ["10.244.3.0/24"] } }],
    ]);
    // A second pass before the informer shows the patch sends the same range again, not a new one.
    const again = c.sync(ALLOCATE_KEY, testContext({ objects: [node("worker-1", 1000)] }));
    expect(again.calls.map((x) => x.request.body)).toEqual([{ spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] } }]);
  });

  it("records CIDRNotAvailable when the range is full", () => {
    const c = new NodeIpamController("10.244.0.0/23", 24);
    const plan = c.sync(ALLOCATE_KEY, testContext({ objects: [node("a", 0), node("b", 1), node("c", 2)], component: "cidrAllocator" }));
    expect(plan.calls.map((x) => x.request.resource)).toEqual(["nodes", "nodes", "events"]);
    expect(plan.calls[2].request.body).toMatchObject({ reason: "CIDRNotAvailable", message: "Node c status is now: CIDRNotAvailable" });
  });
});

describe("CidrSet", () => {
  it("does not reuse a released range at once", () => {
    const s = new CidrSet("10.244.0.0/16", 24);
    expect([s.allocateNext(), s.allocateNext()]).toEqual(["10.244.0.0/24", "10.244.1.0/24"]);
    s.release("10.244.0.0/24");
    expect(s.allocateNext()).toBe("10.244.2.0/24");
    expect(new CidrSet("10.0.0.0/14", 24).cidrAt(300)).toBe("10.1.44.0/24");
  });
});
