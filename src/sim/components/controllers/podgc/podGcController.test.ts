import { describe, expect, it } from "vitest";
import type { KubeObject, Node, Pod } from "../../../api/types";
import { testContext } from "../framework/fakeCache";
import { POD_GC_KEY, PodGcController } from "./podGcController";

const pod = (name: string, nodeName?: string, deleting = false): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", ...(deleting ? { deletionTimestamp: "2026-01-01T09:00:00Z" } : {}) },
  spec: { nodeName, containers: [{ name: "c", image: "nginx" }] },
  status: { phase: nodeName ? "Running" : "Pending", conditions: [{ type: "Ready", status: "True" }] },
});
const worker1: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" }, spec: {} };
const ctx = (now: number, objects: KubeObject[]) => testContext({ now, objects });

describe("PodGcController", () => {
  it("force-deletes pods of a node that has been gone for the 40 s quarantine", () => {
    const c = new PodGcController();
    const objects = [worker1, pod("web-a", "worker-1"), pod("web-b", "worker-3")];
    expect(c.sync(POD_GC_KEY, ctx(20_000, objects))).toEqual({ calls: [], execution: "concurrent", resyncAfterMs: 20_000 });
    expect(c.sync(POD_GC_KEY, ctx(40_000, objects)).calls).toEqual([]);
    const plan = c.sync(POD_GC_KEY, ctx(60_000, objects));
    expect(plan.calls.map((x) => [x.request.verb, x.request.name, x.request.gracePeriodSeconds])).toEqual([
      ["patch", "web-b", undefined],
      ["delete", "web-b", 0],
    ]);
    expect((plan.calls[0].request.body as { status: Pod["status"] }).status).toMatchObject({ phase: "Failed", conditions: [{ type: "Ready" }, { type: "DisruptionTarget", reason: "DeletionByPodGC", message: "PodGC: node no longer exists" }] });
  });

  it("forgets a node that came back, and force-deletes terminating pods that were never scheduled", () => {
    const c = new PodGcController();
    c.sync(POD_GC_KEY, ctx(0, [pod("web-b", "worker-3")]));
    c.sync(POD_GC_KEY, ctx(20_000, [{ ...worker1, metadata: { name: "worker-3" } }, pod("web-b", "worker-3")]));
    expect(c.sync(POD_GC_KEY, ctx(45_000, [pod("web-b", "worker-3")])).calls).toEqual([]);
    const plan = c.sync(POD_GC_KEY, ctx(50_000, [pod("pending", undefined, true)]));
    expect(plan.calls.map((x) => [x.request.verb, x.request.name, x.request.gracePeriodSeconds])).toEqual([["delete", "pending", 0]]);
  });
});
