import { describe, expect, it } from "vitest";
import { createCluster } from "./cluster";
import { CONTROL_PLANE, planCluster } from "./clusterPlan";

describe("planCluster", () => {
  for (const workers of [3, 5]) {
    it(`names the same components and nodes as the booted cluster with ${workers} workers`, () => {
      const plan = planCluster(workers);
      const cluster = createCluster({ workers, seed: 1, traceRetention: 0 });
      const live = cluster.components();
      // Same boxes, same order, same names and roles; only whether they run differs (the plan: nothing yet).
      const shape = (c: { id: string; label: string; role: string; node?: string }) => ({ id: c.id, label: c.label, role: c.role, node: c.node });
      expect(plan.components.map(shape)).toEqual(live.map(shape));
      expect(live.every((c) => c.running)).toBe(true);
      const nodes = cluster.list("nodes").map((n) => n.metadata.name);
      expect(nodes.sort()).toEqual([plan.controlPlane, ...plan.workers].sort());
      expect(plan.controlPlane).toBe(CONTROL_PLANE);
      expect(plan.workers).toEqual(Array.from({ length: workers }, (_, i) => `worker-${i + 1}`));
    }, 60_000);
  }

  it("starts nothing: cluster components are not running in the plan, external parts are", () => {
    const plan = planCluster(1);
    expect(plan.components.filter((c) => c.running).map((c) => c.id)).toEqual(["kubectl", "registry", "cloud"]);
    expect(plan.components.find((c) => c.id === "kubelet@worker-1")?.label).toBe("kubelet on worker-1");
  });
});
