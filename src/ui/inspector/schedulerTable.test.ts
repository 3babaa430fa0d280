import { describe, expect, it } from "vitest";
import { createCluster } from "../../sim";
import { describeResult } from "../../sim/components/scheduler";
import { schedulerTable } from "./schedulerTable";

describe("schedulerTable", () => {
  it("lays out a real attempt: the control plane fails TaintToleration, the chosen node has the best total", () => {
    const cluster = createCluster({ workers: 2, seed: 3, profile: "fast" });
    cluster.request({ verb: "create", resource: "pods", namespace: "default", body: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } }, () => {});
    cluster.settle(30_000);
    const result = cluster.scheduler.resultFor("default", "p");
    expect(result?.node).toMatch(/^worker-/);
    const t = schedulerTable(result!, describeResult(result!));
    expect(new Set(t.nodes)).toEqual(new Set(["control-plane", "worker-1", "worker-2"]));
    expect(t.nodes[0]).toBe(t.chosen);
    const cp = t.nodes.indexOf("control-plane");
    const taint = t.filterRows.find((r) => r.plugin === "TaintToleration")!;
    expect(taint.cells[cp]).toEqual({ result: "fail", reason: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }" });
    expect(t.totals[cp]).toBeNull();
    const chosen = t.nodes.indexOf(t.chosen!);
    const best = Math.max(...t.totals.filter((x): x is number => x !== null));
    expect(t.totals[chosen]).toBe(best);
    expect(t.scoreRows.find((r) => r.plugin === "TaintToleration")?.weight).toBe(3);
  });
});
