import { describe, expect, it } from "vitest";
import type { DaemonSet, Node, Pod } from "../../../api/types";
import { testContext } from "../framework/fakeCache";
import { DaemonSetController } from "./daemonSetController";
import { revisionHash } from "./revisionHash";

function ds(extra: Partial<DaemonSet["spec"]> = {}): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system", uid: "ds-uid", generation: 1, resourceVersion: "7" },
    spec: {
      selector: { matchLabels: { "k8s-app": "kube-proxy" } },
      template: { metadata: { labels: { "k8s-app": "kube-proxy" } }, spec: { containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.34.0" }], hostNetwork: true } },
      ...extra,
    },
  };
}
function node(name: string, taints: Node["spec"]["taints"] = [], labels: Record<string, string> = {}): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name, ...labels } }, spec: { taints } };
}
function pod(name: string, nodeName: string, hash: string, ready = true): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "kube-system",
      uid: `${name}-uid`,
      creationTimestamp: "2026-01-01T09:00:00Z",
      labels: { "k8s-app": "kube-proxy", "controller-revision-hash": hash },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "DaemonSet", name: "kube-proxy", uid: "ds-uid", controller: true }],
    },
    spec: { containers: [{ name: "kube-proxy", image: "x" }], nodeName },
    status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}
const controlPlaneTaint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };
const c = new DaemonSetController();

describe("DaemonSetController", () => {
  it("creates one pod per eligible node, pinned by node affinity, with the daemon tolerations", () => {
    const d = ds();
    const nodes = [node("control-plane", [controlPlaneTaint]), node("worker-1"), node("worker-2", [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }])];
    const plan = c.sync("kube-system/kube-proxy", testContext({ objects: [d, ...nodes], component: "daemonset-controller" }));
    const creates = plan.calls.filter((x) => x.request.verb === "create" && x.request.resource === "pods");
    expect(creates).toHaveLength(2); // not on the tainted control plane; the cordoned worker still gets one
    const p = creates[0].request.body as Pod;
    expect(p.metadata.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.generateName).toBe("kube-proxy-");
    expect(p.metadata.labels).toEqual({ "k8s-app": "kube-proxy", "controller-revision-hash": revisionHash(d.spec.template), "pod-template-generation": "1" });
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "DaemonSet", name: "kube-proxy", uid: "ds-uid", controller: true, blockOwnerDeletion: true }]);
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["worker-1"] }] }],
    });
    expect(p.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
      "node.kubernetes.io/network-unavailable:NoSchedule",
    ]);
    const event = creates[0].onSuccess?.[0].request.body as { reason: string; message: string; source: { component: string } };
    expect(event).toMatchObject({ reason: "SuccessfulCreate", message: `Created pod: ${p.metadata.name}`, source: { component: "daemonset-controller" } });
    expect(plan.expectations).toEqual({ key: "kube-system/kube-proxy", creates: 2, deletes: [] });
    const status = plan.calls.find((x) => x.request.subresource === "status")?.request.body as DaemonSet;
    expect(status.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 0, numberReady: 0, numberMisscheduled: 0, numberUnavailable: 2 });
    expect(plan.calls[0].request.resource).toBe("controllerrevisions");
  });

  it("deletes a pod whose node gained an untolerated NoExecute taint, and counts it misscheduled", () => {
    const d = ds();
    const h = revisionHash(d.spec.template);
    const nodes = [node("worker-1", [{ key: "dedicated", value: "db", effect: "NoExecute" }])];
    const plan = c.sync("kube-system/kube-proxy", testContext({ objects: [d, ...nodes, pod("kube-proxy-aaaaa", "worker-1", h)] }));
    const del = plan.calls.find((x) => x.request.verb === "delete");
    expect(del?.request).toMatchObject({ resource: "pods", namespace: "kube-system", name: "kube-proxy-aaaaa" });
    expect((del?.onSuccess?.[0].request.body as { message: string }).message).toBe("Deleted pod: kube-proxy-aaaaa");
    const status = (plan.calls.find((x) => x.request.subresource === "status")?.request.body as DaemonSet).status;
    expect(status).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 1 });
  });

  it("only reports status while earlier creates are still on their way", () => {
    const d = ds();
    const ctx = testContext({ objects: [d, node("worker-1")], expectations: { satisfied: () => false } });
    const plan = c.sync("kube-system/kube-proxy", ctx);
    expect(plan.calls.filter((x) => x.request.resource === "pods")).toHaveLength(0);
  });

  it("rolls out a new template one node at a time (maxUnavailable 1)", () => {
    const d = ds();
    const nodes = [node("worker-1"), node("worker-2"), node("worker-3")];
    const old = [pod("kube-proxy-a", "worker-1", "oldhash"), pod("kube-proxy-b", "worker-2", "oldhash"), pod("kube-proxy-c", "worker-3", "oldhash")];
    const plan = c.sync("kube-system/kube-proxy", testContext({ objects: [d, ...nodes, ...old] }));
    const deletes = plan.calls.filter((x) => x.request.verb === "delete");
    expect(deletes.map((x) => x.request.name)).toEqual(["kube-proxy-a"]);
    expect(deletes[0].why).toContain("rolling update");
  });

  it("replaces an unavailable old pod even when the budget is used up, and reports a steady state with no calls", () => {
    const d = ds();
    const h = revisionHash(d.spec.template);
    const nodes = [node("worker-1"), node("worker-2")];
    const pods = [pod("kube-proxy-a", "worker-1", h, false), pod("kube-proxy-b", "worker-2", "oldhash", false)];
    const plan = c.sync("kube-system/kube-proxy", testContext({ objects: [d, ...nodes, ...pods] }));
    expect(plan.calls.filter((x) => x.request.verb === "delete").map((x) => x.request.name)).toEqual(["kube-proxy-b"]);

    const steady = { ...d, status: { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberUnavailable: 0 } };
    const cr = { apiVersion: "apps/v1" as const, kind: "ControllerRevision" as const, revision: 1, metadata: { name: `kube-proxy-${h}`, namespace: "kube-system", labels: { "controller-revision-hash": h }, ownerReferences: [{ apiVersion: "apps/v1", kind: "DaemonSet", name: "kube-proxy", uid: "ds-uid", controller: true }] } };
    expect(c.sync("kube-system/kube-proxy", testContext({ objects: [steady, cr, node("worker-1"), pod("kube-proxy-a", "worker-1", h)] })).calls).toEqual([]);
  });

  it("deletes a pod still waiting for a node that no longer exists, and leaves the pending pod of a live node alone", () => {
    const d = ds();
    const h = revisionHash(d.spec.template);
    const pinned = (name: string, target: string): Pod => {
      const p = pod(name, "", h, false);
      delete p.spec.nodeName;
      p.status = { phase: "Pending" };
      p.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [target] }] }] } } };
      return p;
    };
    const plan = c.sync("kube-system/kube-proxy", testContext({ objects: [d, node("worker-1"), pinned("kube-proxy-gone", "worker-9"), pinned("kube-proxy-wait", "worker-1")] }));
    expect(plan.calls.filter((x) => x.request.verb === "create" && x.request.resource === "pods")).toEqual([]);
    const deletes = plan.calls.filter((x) => x.request.verb === "delete");
    expect(deletes.map((x) => x.request.name)).toEqual(["kube-proxy-gone"]);
    expect(deletes[0].why).toContain("no longer exists");
    const status = plan.calls.find((x) => x.request.subresource === "status")?.request.body as DaemonSet;
    expect(status.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0, numberReady: 0 });
  });
});

