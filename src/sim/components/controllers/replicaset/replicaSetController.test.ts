import { describe, expect, it } from "vitest";
import type { KubeEvent, Pod, ReplicaSet } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { ControllerExpectations, testContext } from "../framework";
import { syncReplicaSet } from "./replicaSetController";

const labels = { app: "web", "pod-template-hash": "7c5ddbdf54" };

function rs(replicas: number, extra: Partial<ReplicaSet["metadata"]> = {}): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-7c5ddbdf54", namespace: "default", uid: "rs-uid", generation: 1, resourceVersion: "10", ...extra },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
    },
  };
}

let n = 0;
function pod(name: string, opts: { node?: string; phase?: "Pending" | "Running"; readyAt?: number; createdAt?: number; terminating?: boolean } = {}): Pod {
  n++;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: `pod-${n}`,
      labels,
      creationTimestamp: toTimestamp(opts.createdAt ?? 0),
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c5ddbdf54", uid: "rs-uid", controller: true, blockOwnerDeletion: true }],
      ...(opts.terminating ? { deletionTimestamp: toTimestamp(1) } : {}),
    },
    spec: { containers: [{ name: "nginx", image: "nginx:1.27" }], nodeName: opts.node },
    status: {
      phase: opts.phase ?? "Pending",
      conditions: opts.readyAt !== undefined ? [{ type: "Ready", status: "True", lastTransitionTime: toTimestamp(opts.readyAt) }] : [],
    },
  };
}

describe("ReplicaSet controller sync", () => {
  it("creates the missing pods in slow-start batches, named <rs>-<5 chars>, owned by the ReplicaSet", () => {
    const ctx = testContext({ objects: [rs(3)], seed: 7 });
    const plan = syncReplicaSet("default/web-7c5ddbdf54", ctx);
    expect(plan.execution).toBe("slowStart");
    expect(plan.expectations).toEqual({ key: "default/web-7c5ddbdf54", creates: 3 });
    expect(plan.calls).toHaveLength(3);
    const created = plan.calls.map((c) => c.request.body as Pod);
    for (const p of created) {
      expect(p.metadata.name).toMatch(/^web-7c5ddbdf54-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe("web-7c5ddbdf54-");
      expect(p.metadata.labels).toEqual(labels);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c5ddbdf54", uid: "rs-uid", controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.spec.containers[0].image).toBe("nginx:1.27");
    }
    expect(plan.calls[0].why).toBe("The ReplicaSet controller saw web-7c5ddbdf54 wants 3 pods and has 0, so it asks kube-apiserver to create 3.");
    const ev = plan.calls[0].onSuccess?.[0].request.body as KubeEvent;
    expect([ev.reason, ev.message, ev.source.component]).toEqual(["SuccessfulCreate", `Created pod: ${created[0].metadata.name}`, "test-controller"]);
    // The first status says 0 replicas and the observed generation.
    expect(plan.after?.[0].request).toMatchObject({ verb: "update", resource: "replicasets", subresource: "status", resourceVersion: "10" });
    expect((plan.after?.[0].request.body as ReplicaSet).status).toEqual({ replicas: 0, observedGeneration: 1 });
  });

  it("gives the same names for the same seed", () => {
    const names = (seed: number) => syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects: [rs(2)], seed })).calls.map((c) => (c.request.body as Pod).metadata.name);
    expect(names(3)).toEqual(names(3));
    expect(names(3)).not.toEqual(names(4));
  });

  it("does nothing while its creates are still in flight (expectations)", () => {
    const exp = new ControllerExpectations(() => 0);
    exp.expectCreations("default/web-7c5ddbdf54", 3);
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects: [rs(3), pod("web-7c5ddbdf54-aaaaa")], expectations: exp }));
    expect(plan.calls).toEqual([]);
  });

  it("replaces a terminating pod at once: it does not count as active", () => {
    const objects = [rs(2, { generation: 1 }), pod("web-7c5ddbdf54-aaaaa", { node: "worker-1", phase: "Running", readyAt: 1 }), pod("web-7c5ddbdf54-bbbbb", { terminating: true })];
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects, now: 10_000 }));
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0].why).toBe("The ReplicaSet controller saw web-7c5ddbdf54 wants 2 pods and has 1, so it asks kube-apiserver to create 1.");
  });

  it("deletes surplus pods, least far along first, with SuccessfulDelete events", () => {
    const objects = [
      rs(2),
      pod("web-7c5ddbdf54-ready", { node: "worker-1", phase: "Running", readyAt: 5_000 }),
      pod("web-7c5ddbdf54-pendg", { node: "worker-2", phase: "Pending" }),
      pod("web-7c5ddbdf54-unsch"),
      pod("web-7c5ddbdf54-runnr", { node: "worker-3", phase: "Running" }),
    ];
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects, now: 60_000 }));
    expect(plan.execution).toBe("concurrent");
    expect(plan.calls.map((c) => `${c.request.verb} ${c.request.name}`)).toEqual(["delete web-7c5ddbdf54-unsch", "delete web-7c5ddbdf54-pendg"]);
    expect(plan.expectations).toEqual({ key: "default/web-7c5ddbdf54", deletes: ["default/web-7c5ddbdf54-unsch", "default/web-7c5ddbdf54-pendg"] });
    expect(plan.calls[0].okStatuses).toEqual([404]);
    const ev = plan.calls[0].onSuccess?.[0].request.body as KubeEvent;
    expect(ev.message).toBe("Deleted pod: web-7c5ddbdf54-unsch");
  });

  it("records ready and available replicas, and comes back when minReadySeconds pass", () => {
    const r = rs(2);
    r.spec.minReadySeconds = 10;
    r.status = { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 0, observedGeneration: 1 };
    const objects = [r, pod("web-7c5ddbdf54-aaaaa", { node: "w1", phase: "Running", readyAt: 1_000 }), pod("web-7c5ddbdf54-bbbbb", { node: "w2", phase: "Running", readyAt: 8_000 })];
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects, now: 12_000 }));
    expect(plan.calls).toEqual([]);
    const status = (plan.after?.[0].request.body as ReplicaSet).status;
    expect(status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
    expect(plan.after?.[0].why).toBe("The ReplicaSet controller records that web-7c5ddbdf54 has 2 of 2 pods, 2 ready and 1 available.");
    // Pod b became ready at 8 s: available once 18 s have passed.
    expect(plan.requeueAfterMs).toBe(18_001 - 12_000);
  });

  it("sends no status update when nothing changed", () => {
    const r = rs(1);
    r.status = { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 };
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects: [r, pod("web-7c5ddbdf54-aaaaa", { node: "w1", phase: "Running", readyAt: 0 })], now: 5_000 }));
    expect(plan).toEqual({ calls: [] });
  });

  it("lets go of a pod relabelled out of its selector, then replaces it", () => {
    const relabelled = pod("web-7c5ddbdf54-debug", { node: "w1", phase: "Running", readyAt: 0 });
    relabelled.metadata.labels = { app: "debug" };
    const objects = [rs(2), pod("web-7c5ddbdf54-aaaaa", { node: "w2", phase: "Running", readyAt: 0 }), relabelled];
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects, now: 5_000 }));
    expect(plan.calls.map((c) => c.request)).toEqual([
      {
        verb: "patch",
        resource: "pods",
        namespace: "default",
        name: "web-7c5ddbdf54-debug",
        patchType: "strategic",
        body: { metadata: { ownerReferences: [{ $patch: "delete", uid: "rs-uid" }], uid: relabelled.metadata.uid } },
      },
    ]);
    const released = { ...relabelled, metadata: { ...relabelled.metadata, ownerReferences: [] } };
    const next = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects: [objects[0], objects[1], released], now: 5_100 }));
    expect(next.calls.map((c) => c.request.verb)).toEqual(["create"]);
  });

  it("ignores a ReplicaSet that no longer exists", () => {
    expect(syncReplicaSet("default/gone", testContext()).calls).toEqual([]);
  });

  it("does not manage replicas of a ReplicaSet being deleted", () => {
    const plan = syncReplicaSet("default/web-7c5ddbdf54", testContext({ objects: [rs(3, { deletionTimestamp: toTimestamp(0) })] }));
    expect(plan.calls).toEqual([]);
  });
});
