import { describe, expect, it } from "vitest";
import type { Lease, Node, Pod } from "../../../api/types";
import { toMicroTimestamp, toTimestamp } from "../../../runtime";
import { markPodNotReady } from "./markPodNotReady";
import { checkNodeHealth } from "./nodeHealth";
import { reconcileNoScheduleTaints } from "./nodeTaints";
import { computeZoneState } from "./zoneState";

const GRACE = 50_000;
const STARTUP = 60_000;

function node(heartbeat: number, status: "True" | "False" | "Unknown" = "True"): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "worker-1", creationTimestamp: toTimestamp(0) },
    spec: {},
    status: {
      conditions: [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", lastHeartbeatTime: toTimestamp(heartbeat), lastTransitionTime: toTimestamp(0) },
        { type: "Ready", status, reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: toTimestamp(heartbeat), lastTransitionTime: toTimestamp(0) },
      ],
    },
  };
}
function lease(renew: number): Lease {
  return { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "worker-1", namespace: "kube-node-lease" }, spec: { renewTime: toMicroTimestamp(renew), leaseDurationSeconds: 40 } };
}

describe("checkNodeHealth", () => {
  it("keeps a node whose Lease is renewed healthy even when its status heartbeat is old", () => {
    let h = checkNodeHealth(node(10_000), lease(10_000), undefined, 10_000, GRACE, STARTUP).health;
    h = checkNodeHealth(node(10_000), lease(60_000), h, 65_000, GRACE, STARTUP).health;
    const r = checkNodeHealth(node(10_000), lease(60_000), h, 100_000, GRACE, STARTUP);
    expect(r.updatedNode).toBeUndefined();
  });

  it("turns every condition Unknown after the grace period with the real reason and message", () => {
    const h = checkNodeHealth(node(10_000), lease(10_000), undefined, 10_000, GRACE, STARTUP).health;
    // 50 s later exactly: not yet (the check is now > probe + grace).
    expect(checkNodeHealth(node(10_000), lease(10_000), h, 60_000, GRACE, STARTUP).updatedNode).toBeUndefined();
    const r = checkNodeHealth(node(10_000), lease(10_000), h, 60_001, GRACE, STARTUP);
    expect(r.observedReady.status).toBe("True");
    expect(r.currentReady).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    const conds = r.updatedNode?.status?.conditions ?? [];
    expect(conds.map((c) => [c.type, c.status])).toEqual([
      ["MemoryPressure", "Unknown"],
      ["Ready", "Unknown"],
      ["DiskPressure", "Unknown"],
      ["PIDPressure", "Unknown"],
    ]);
    expect(conds[2]).toMatchObject({ reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status." });
    // The next pass sees the Unknown node it wrote and changes nothing.
    const again = checkNodeHealth(r.updatedNode as Node, lease(10_000), r.health, 65_000, GRACE, STARTUP);
    expect(again.updatedNode).toBeUndefined();
    expect(again.observedReady.status).toBe("Unknown");
  });

  it("gives a node that never posted status the startup grace period", () => {
    const fresh: Node = { ...node(0), status: {} };
    expect(checkNodeHealth(fresh, undefined, undefined, 59_000, GRACE, STARTUP).updatedNode).toBeUndefined();
    expect(checkNodeHealth(fresh, undefined, undefined, 61_000, GRACE, STARTUP).currentReady?.reason).toBe("NodeStatusNeverUpdated");
  });
});

describe("reconcileNoScheduleTaints", () => {
  it("mirrors Ready=Unknown and spec.unschedulable as NoSchedule taints", () => {
    const n = node(0, "Unknown");
    n.spec.unschedulable = true;
    const r = reconcileNoScheduleTaints(n, "2026-01-01T09:01:00Z");
    expect(r?.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: "2026-01-01T09:01:00Z" },
      { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: "2026-01-01T09:01:00Z" },
    ]);
  });
  it("removes them when the node is Ready and uncordoned, leaving other taints alone", () => {
    const n = node(0, "True");
    n.spec.taints = [
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
      { key: "dedicated", value: "db", effect: "NoSchedule" },
    ];
    expect(reconcileNoScheduleTaints(n, "x")?.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
      { key: "dedicated", value: "db", effect: "NoSchedule" },
    ]);
    expect(reconcileNoScheduleTaints(node(0), "x")).toBeUndefined();
  });
});

describe("computeZoneState", () => {
  it("is a full disruption when no node is Ready", () => {
    expect(computeZoneState([{ type: "Ready", status: "Unknown" }], 0.55).state).toBe("FullDisruption");
    expect(computeZoneState([{ type: "Ready", status: "Unknown" }, { type: "Ready", status: "True" }], 0.55).state).toBe("Normal");
    const four = [{ type: "Ready", status: "False" }, { type: "Ready", status: "False" }, { type: "Ready", status: "False" }, { type: "Ready", status: "True" }] as const;
    expect(computeZoneState(four, 0.55).state).toBe("PartialDisruption");
  });
});

describe("markPodNotReady", () => {
  it("turns Ready False and leaves ContainersReady alone", () => {
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-1", namespace: "default" },
      spec: { containers: [{ name: "nginx", image: "nginx" }], nodeName: "worker-1" },
      status: { phase: "Running", conditions: [{ type: "ContainersReady", status: "True" }, { type: "Ready", status: "True", lastTransitionTime: "t0" }] },
    };
    const out = markPodNotReady(pod, "t1");
    expect(out?.status?.conditions).toEqual([{ type: "ContainersReady", status: "True" }, { type: "Ready", status: "False", lastTransitionTime: "t1" }]);
    expect(out?.status?.phase).toBe("Running");
    expect(markPodNotReady(out as Pod, "t2")).toBeUndefined();
  });
});
