import { describe, expect, it } from "vitest";
import type { Deployment, KubeEvent, KubeObject, Pod, ReplicaSet } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import { testContext } from "../framework/fakeCache";
import { DisruptionController } from "./disruptionController";
import { disruptionsAllowed, type Pdb } from "./disruptionBudget";
import { checkEviction } from "./evictionCheck";

const deploy: Deployment = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default", uid: "d-uid" }, spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [] } } } };
const rs: ReplicaSet = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-7c5ddbdf54", namespace: "default", uid: "rs-uid", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "d-uid", controller: true }] },
  spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [] } } },
};
function pod(name: string, ready: boolean, deleting = false): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels: { app: "web" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c5ddbdf54", uid: "rs-uid", controller: true }], ...(deleting ? { deletionTimestamp: "t" } : {}) },
    spec: { containers: [] },
    status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}
const pdb = (spec: Pdb["spec"]): Pdb => ({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web-pdb", namespace: "default", generation: 1, resourceVersion: "3" }, spec: { selector: { matchLabels: { app: "web" } }, ...spec } });
const pods = [pod("web-a", true), pod("web-b", true), pod("web-c", true), pod("web-d", false)];

describe("disruptionsAllowed", () => {
  it("counts ready pods over minAvailable, and ignores terminating ones", () => {
    expect(disruptionsAllowed(pdb({ minAvailable: 2 }), pods)).toBe(1);
    expect(disruptionsAllowed(pdb({ minAvailable: 2 }), [...pods.slice(0, 2), pod("web-c", true, true)])).toBe(0);
    expect(disruptionsAllowed(pdb({ minAvailable: 5 }), pods)).toBe(0);
  });
});

describe("DisruptionController", () => {
  const c = new DisruptionController();
  it("uses the Deployment's replicas for maxUnavailable and writes the status", () => {
    const plan = c.sync("default/web-pdb", testContext({ objects: [deploy, rs, pdb({ maxUnavailable: 1 }), ...pods] }));
    expect(plan.calls).toHaveLength(1);
    const body = plan.calls[0].request.body as Pdb;
    expect(plan.calls[0].request).toMatchObject({ verb: "update", resource: "poddisruptionbudgets", subresource: "status", name: "web-pdb" });
    expect(body.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 3, expectedPods: 4, disruptionsAllowed: 0, observedGeneration: 1 });
    expect(body.status?.conditions?.[0]).toMatchObject({ type: "DisruptionAllowed", status: "False", reason: "InsufficientPods" });
  });
  it("rounds a percentage minAvailable up over the expected scale", () => {
    const plan = c.sync("default/web-pdb", testContext({ objects: [deploy, rs, pdb({ minAvailable: "50%" }), ...pods] }));
    expect((plan.calls[0].request.body as Pdb).status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 1 });
  });
  it("records NoPods when nothing matches", () => {
    const plan = c.sync("default/web-pdb", testContext({ objects: [pdb({ minAvailable: 1 })], component: "controllermanager" }));
    expect(plan.calls[0].request.body).toMatchObject({ reason: "NoPods", message: "No matching pods found", source: { component: "controllermanager" } } satisfies Partial<KubeEvent>);
  });
  it("does not count a pod the eviction API just approved", () => {
    const withDisrupted: Pdb = { ...pdb({ minAvailable: 2 }), status: { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 4, observedGeneration: 1, disruptedPods: { "web-a": toTimestamp(10_000) } } };
    const plan = c.sync("default/web-pdb", testContext({ now: 20_000, objects: [withDisrupted, ...pods] as KubeObject[] }));
    expect((plan.calls[0].request.body as Pdb).status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0, disruptedPods: { "web-a": toTimestamp(10_000) } });
    expect(plan.requeueAfterMs).toBe(110_000);
  });
});

describe("checkEviction", () => {
  const withStatus = (allowed: number): Pdb => ({ ...pdb({ minAvailable: 3 }), status: { currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: allowed, expectedPods: 4, observedGeneration: 1 } });
  it("refuses with the real 429 when no disruption is allowed", () => {
    const r = checkEviction(withStatus(0), "web-a", 0);
    expect(r).toEqual({
      allowed: false,
      error: {
        apiVersion: "v1",
        kind: "Status",
        status: "Failure",
        code: 429,
        reason: "TooManyRequests",
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        details: { causes: [{ reason: "DisruptionBudget", message: "The disruption budget web-pdb needs 3 healthy pods and has 3 currently" }] },
      },
    });
  });
  it("uses one disruption up and records the pod", () => {
    const r = checkEviction(withStatus(1), "web-a", 5_000);
    expect(r.allowed && r.updated.status).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { "web-a": toTimestamp(5_000) } });
  });
});
