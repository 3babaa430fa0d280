import { describe, expect, it } from "vitest";
import type { Pod, PodDisruptionBudget } from "../api/types";
import { createCluster } from "../cluster";
import { call, create, deployment, node, podsOf, readyOf, waitFor } from "./fixtures";

describe("cordon and drain, as the engine sees them (real profile)", () => {
  const c = createCluster({ seed: 101 });
  create(c, "deployments", deployment("web", 3));
  const pdb: PodDisruptionBudget = { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web-pdb", namespace: "default" }, spec: { minAvailable: 3, selector: { matchLabels: { app: "web" } } } };
  create(c, "poddisruptionbudgets", pdb);
  waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 120_000);
  c.advance(5_000);
  const onNode = () => podsOf(c, "web").find((p) => p.spec.nodeName === "worker-2" && !p.metadata.deletionTimestamp)!;
  const evict = (p: Pod) => call(c, { verb: "create", resource: "pods", subresource: "eviction", namespace: "default", name: p.metadata.name, body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: p.metadata.name, namespace: "default" } } });

  it("cordon sets spec.unschedulable and node-controller adds the unschedulable NoSchedule taint", () => {
    const res = call(c, { verb: "patch", resource: "nodes", name: "worker-2", patchType: "merge", body: { spec: { unschedulable: true } } });
    expect(res.ok).toBe(true);
    waitFor(c, () => (node(c, "worker-2")!.spec.taints ?? []).length > 0, 10_000, 100);
    expect(node(c, "worker-2")!.spec.unschedulable).toBe(true);
    expect(node(c, "worker-2")!.spec.taints!.map((t) => `${t.key}:${t.effect}`)).toEqual(["node.kubernetes.io/unschedulable:NoSchedule"]);
    // Pods already there keep running.
    expect(readyOf(onNode())?.status).toBe("True");
  });

  it("the eviction API refuses with 429 while the budget allows no disruption", () => {
    const res = evict(onNode());
    expect(res).toMatchObject({ ok: false, status: 429 });
    if (res.ok) return;
    expect(res.error.reason).toBe("TooManyRequests");
    expect(res.error.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(res.error.details?.causes?.[0]).toMatchObject({ reason: "DisruptionBudget", message: "The disruption budget web-pdb needs 3 healthy pods and has 3 currently" });
    expect(onNode().metadata.deletionTimestamp).toBeUndefined();
  });

  it("with room in the budget the pod is evicted gracefully and replaced on another node", () => {
    expect(call(c, { verb: "patch", resource: "poddisruptionbudgets", namespace: "default", name: "web-pdb", patchType: "merge", body: { spec: { minAvailable: 2 } } }).ok).toBe(true);
    c.advance(3_000);
    const victim = onNode();
    const res = evict(victim);
    expect(res).toMatchObject({ ok: true, status: 201 });
    waitFor(c, () => !podsOf(c, "web").some((p) => p.metadata.name === victim.metadata.name), 40_000, 100);
    waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 60_000);
    expect(podsOf(c, "web").every((p) => p.spec.nodeName !== "worker-2")).toBe(true);
  });

  it("DaemonSet pods stay on the cordoned node (they tolerate node.kubernetes.io/unschedulable)", () => {
    const proxy = c.list<Pod>("pods", "kube-system").find((p) => p.spec.nodeName === "worker-2" && p.metadata.name?.startsWith("kube-proxy-"))!;
    expect(proxy.spec.tolerations?.some((t) => t.key === "node.kubernetes.io/unschedulable" && t.effect === "NoSchedule")).toBe(true);
    c.advance(60_000);
    expect(readyOf(c.list<Pod>("pods", "kube-system").find((p) => p.metadata.name === proxy.metadata.name)!)?.status).toBe("True");
  });

  it("uncordon removes the taint and the node takes pods again", () => {
    expect(call(c, { verb: "patch", resource: "nodes", name: "worker-2", patchType: "merge", body: { spec: { unschedulable: null } } }).ok).toBe(true);
    waitFor(c, () => (node(c, "worker-2")!.spec.taints ?? []).length === 0, 10_000, 100);
    expect(node(c, "worker-2")!.spec.unschedulable).toBeFalsy();
  });
});
