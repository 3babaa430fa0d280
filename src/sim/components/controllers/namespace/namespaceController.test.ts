import { describe, expect, it } from "vitest";
import type { ConfigMap, KubeObject, Namespace, Pod } from "../../../api";
import { toTimestamp } from "../../../runtime";
import { testContext } from "../framework";
import { syncNamespace } from "./namespaceController";

const ns = (terminating: boolean): Namespace => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name: "team-a", uid: "ns1", resourceVersion: "9", ...(terminating ? { deletionTimestamp: toTimestamp(0) } : {}) },
  spec: { finalizers: ["kubernetes"] },
  status: { phase: terminating ? "Terminating" : "Active" },
});
const pod = (name: string, terminating = false): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "team-a", ...(terminating ? { deletionTimestamp: toTimestamp(30_000) } : {}) },
  spec: { containers: [] },
});
const cm: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: "team-a" } };

describe("namespace controller", () => {
  it("ignores active namespaces", () => {
    expect(syncNamespace("team-a", testContext({ objects: [ns(false), pod("a")] })).calls).toEqual([]);
  });

  it("deletes everything in a terminating namespace, then lists its events to delete them", () => {
    const plan = syncNamespace("team-a", testContext({ objects: [ns(true), pod("a"), pod("b"), cm] }));
    expect(plan.execution).toBe("concurrent");
    expect(plan.calls.map((c) => `${c.request.verb} ${c.request.resource} ${c.request.name ?? ""}`.trim())).toEqual([
      "delete pods a",
      "delete pods b",
      "delete configmaps kube-root-ca.crt",
      "list events",
    ]);
    expect(plan.calls[0].why).toBe("Namespace team-a is being deleted, so the namespace controller deletes everything in it (2 Pods, 1 ConfigMap).");
    const follow = plan.calls[3].followUp?.({ ok: true, status: 200, items: [{ apiVersion: "v1", kind: "Event", metadata: { name: "a.1", namespace: "team-a" } } as KubeObject] });
    expect(follow?.map((c) => c.request)).toEqual([{ verb: "delete", resource: "events", namespace: "team-a", name: "a.1" }]);
  });

  it("waits for terminating pods without deleting them again", () => {
    expect(syncNamespace("team-a", testContext({ objects: [ns(true), pod("a", true)] })).calls).toEqual([]);
  });

  it("removes the kubernetes finalizer once empty", () => {
    const plan = syncNamespace("team-a", testContext({ objects: [ns(true)] }));
    expect(plan.calls[0].request).toMatchObject({ verb: "update", resource: "namespaces", name: "team-a", subresource: "finalize", resourceVersion: "9" });
    expect((plan.calls[0].request.body as Namespace).spec?.finalizers).toEqual([]);
    expect(plan.calls[0].why).toBe('Namespace team-a is empty now, so the namespace controller removes its "kubernetes" finalizer and kube-apiserver deletes the namespace.');
  });
});
