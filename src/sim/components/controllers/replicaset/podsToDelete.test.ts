import { describe, expect, it } from "vitest";
import type { Pod } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { podsToDelete } from "./podsToDelete";

function pod(name: string, o: { node?: string; phase?: "Pending" | "Running"; readyAt?: number; createdAt?: number; restarts?: number; cost?: string } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: name,
      creationTimestamp: toTimestamp(o.createdAt ?? 0),
      ...(o.cost ? { annotations: { "controller.kubernetes.io/pod-deletion-cost": o.cost } } : {}),
    },
    spec: { containers: [], nodeName: o.node },
    status: {
      phase: o.phase ?? "Pending",
      conditions: o.readyAt !== undefined ? [{ type: "Ready", status: "True", lastTransitionTime: toTimestamp(o.readyAt) }] : [],
      containerStatuses: [{ name: "c", image: "i", imageID: "", ready: o.readyAt !== undefined, restartCount: o.restarts ?? 0, state: {}, lastState: {} }],
    },
  };
}

const now = 10_000_000;
const names = (ps: Pod[]) => ps.map((p) => p.metadata.name);

describe("podsToDelete (ActivePodsWithRanks)", () => {
  it("prefers unscheduled, then pending, then not ready", () => {
    const pods = [pod("ready", { node: "a", phase: "Running", readyAt: 0 }), pod("notready", { node: "b", phase: "Running" }), pod("pending", { node: "c" }), pod("unscheduled")];
    expect(names(podsToDelete(pods, pods, 3, now))).toEqual(["unscheduled", "pending", "notready"]);
  });

  it("prefers the lower pod-deletion-cost, then pods doubled up on a node", () => {
    const pods = [pod("alone", { node: "a", phase: "Running", readyAt: 0 }), pod("double1", { node: "b", phase: "Running", readyAt: 0 }), pod("double2", { node: "b", phase: "Running", readyAt: 0 })];
    expect(names(podsToDelete(pods, pods, 1, now))[0]).toMatch(/^double/);
    pods[0].metadata.annotations = { "controller.kubernetes.io/pod-deletion-cost": "-5" };
    expect(names(podsToDelete(pods, pods, 1, now))).toEqual(["alone"]);
  });

  it("prefers the pod ready for less time, then more restarts, then the newer one", () => {
    const readyLong = pod("long", { node: "a", phase: "Running", readyAt: 0 });
    const readyShort = pod("short", { node: "b", phase: "Running", readyAt: now - 1000 });
    expect(names(podsToDelete([readyLong, readyShort], [], 1, now))).toEqual(["short"]);
    const calm = pod("calm", { node: "a", phase: "Running", readyAt: 0 });
    const crashy = pod("crashy", { node: "b", phase: "Running", readyAt: 0, restarts: 4 });
    expect(names(podsToDelete([calm, crashy], [], 1, now))).toEqual(["crashy"]);
    const old = pod("old", { node: "a", createdAt: 0 });
    const young = pod("young", { node: "b", createdAt: now - 1000 });
    expect(names(podsToDelete([old, young], [], 1, now))).toEqual(["young"]);
  });

  it("returns them all when every pod goes", () => {
    const pods = [pod("a"), pod("b")];
    expect(names(podsToDelete(pods, pods, 5, now))).toEqual(["a", "b"]);
  });
});
