import { describe, expect, it } from "vitest";
import type { KubeObject, Pod, ReplicaSet, Deployment } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { testContext } from "../framework";
import { syncGarbage } from "./garbageCollector";
import { OWNER_INDEX, ownerUids } from "./ownerGraph";

const ctxOf = (objects: KubeObject[]) => testContext({ objects, indexes: { [OWNER_INDEX]: ownerUids } });

const deploy: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: "d1" },
  spec: { selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [] } } },
};
const ref = (kind: string, name: string, uid: string) => ({ apiVersion: kind === "Deployment" || kind === "ReplicaSet" ? "apps/v1" : "v1", kind, name, uid, controller: true, blockOwnerDeletion: true });
const rs: ReplicaSet = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-7c5ddbdf54", namespace: "default", uid: "rs1", ownerReferences: [ref("Deployment", "web", "d1")] },
  spec: { selector: { matchLabels: { app: "web" } }, template: { spec: { containers: [] } } },
};
const pod = (name: string, extra: Partial<Pod["metadata"]> = {}): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `u-${name}`, ownerReferences: [ref("ReplicaSet", "web-7c5ddbdf54", "rs1")], ...extra },
  spec: { containers: [] },
});

describe("garbage collector", () => {
  it("leaves an object alone while its owner exists", () => {
    expect(syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([deploy, rs])).calls).toEqual([]);
  });

  it("deletes a dependent whose owner is gone (background propagation)", () => {
    const plan = syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([rs, pod("web-7c5ddbdf54-abcde")]));
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0].request).toEqual({ verb: "delete", resource: "replicasets", namespace: "default", name: "web-7c5ddbdf54", propagationPolicy: "Background" });
    expect(plan.calls[0].why).toBe(
      "The garbage collector saw that ReplicaSet web-7c5ddbdf54 belongs to Deployment web, which no longer exists, so it asks kube-apiserver to delete ReplicaSet web-7c5ddbdf54.",
    );
  });

  it("treats a same-named owner with another uid as gone", () => {
    const recreated = { ...deploy, metadata: { ...deploy.metadata, uid: "d2" } };
    expect(syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([recreated, rs])).calls[0].request.verb).toBe("delete");
  });

  it("waits while the owner is only terminating without foreground deletion", () => {
    const terminating = { ...deploy, metadata: { ...deploy.metadata, deletionTimestamp: toTimestamp(0) } };
    expect(syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([terminating, rs])).calls).toEqual([]);
  });

  it("foreground: deletes the owner's dependents first (foreground again if they own things)", () => {
    const owner = { ...deploy, metadata: { ...deploy.metadata, deletionTimestamp: toTimestamp(0), finalizers: ["foregroundDeletion"] } };
    const plan = syncGarbage("deployments|default/web", ctxOf([owner, rs, pod("web-7c5ddbdf54-abcde")]));
    expect(plan.calls.map((c) => [c.request.verb, c.request.name, c.request.propagationPolicy])).toEqual([["delete", "web-7c5ddbdf54", "Foreground"]]);
    expect(plan.calls[0].why).toBe("Deployment web is being deleted in the foreground, so the garbage collector deletes its dependents first, such as ReplicaSet web-7c5ddbdf54.");
  });

  it("foreground: waits for terminating dependents, then removes the finalizer", () => {
    const owner = { ...rs, metadata: { ...rs.metadata, deletionTimestamp: toTimestamp(0), finalizers: ["foregroundDeletion"] } };
    const dying = pod("web-7c5ddbdf54-abcde", { deletionTimestamp: toTimestamp(0) });
    expect(syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([deploy, owner, dying])).calls).toEqual([]);
    const done = syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([deploy, owner]));
    expect(done.calls[0].request).toEqual({
      verb: "patch",
      resource: "replicasets",
      namespace: "default",
      name: "web-7c5ddbdf54",
      patchType: "merge",
      body: { metadata: { finalizers: null } },
    });
  });

  it("orphan: removes the owner from dependents, then the orphan finalizer", () => {
    const owner = { ...rs, metadata: { ...rs.metadata, deletionTimestamp: toTimestamp(0), finalizers: ["orphan"] } };
    const plan = syncGarbage("replicasets|default/web-7c5ddbdf54", ctxOf([deploy, owner, pod("web-7c5ddbdf54-abcde")]));
    expect(plan.calls.map((c) => c.request)).toEqual([
      {
        verb: "patch",
        resource: "pods",
        namespace: "default",
        name: "web-7c5ddbdf54-abcde",
        patchType: "strategic",
        body: { metadata: { ownerReferences: [{ $patch: "delete", uid: "rs1" }], uid: "u-web-7c5ddbdf54-abcde" } },
      },
      { verb: "patch", resource: "replicasets", namespace: "default", name: "web-7c5ddbdf54", patchType: "merge", body: { metadata: { finalizers: null } } },
    ]);
  });

  it("with another owner still there, only removes the reference to the gone one", () => {
    const p = pod("shared", { ownerReferences: [ref("ReplicaSet", "web-7c5ddbdf54", "rs1"), { ...ref("Deployment", "gone", "dx"), controller: false }] });
    const plan = syncGarbage("pods|default/shared", ctxOf([rs, deploy, p]));
    expect(plan.calls[0].request.body).toEqual({ metadata: { ownerReferences: [{ $patch: "delete", uid: "dx" }], uid: "u-shared" } });
  });

  it("never deletes for owners of kinds it does not watch", () => {
    const p = pod("custom", { ownerReferences: [{ apiVersion: "example.com/v1", kind: "Widget", name: "w", uid: "w1" }] });
    expect(syncGarbage("pods|default/custom", ctxOf([p])).calls).toEqual([]);
  });

  it("finds cluster-scoped owners (a node's Lease)", () => {
    const lease: KubeObject = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "worker-1", namespace: "kube-node-lease", uid: "l1", ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "worker-1", uid: "n1" }] } };
    const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1", uid: "n1" } };
    expect(syncGarbage("leases|kube-node-lease/worker-1", ctxOf([node, lease])).calls).toEqual([]);
    expect(syncGarbage("leases|kube-node-lease/worker-1", ctxOf([lease])).calls[0].request.verb).toBe("delete");
  });
});
