import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../api/types";
import { createCluster } from "../cluster";
import { create, deployment, events, node, pod, podsOf, readyOf, waitFor } from "./fixtures";

describe("a worker's machine is deleted in the cloud (real profile)", () => {
  const c = createCluster({ seed: 61 });
  create(c, "deployments", deployment("web", 3));
  waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 120_000);
  const victim = podsOf(c, "web").find((p) => p.spec.nodeName === "worker-1")!;
  const removedAt = c.now();
  c.inject({ type: "node-remove", node: "worker-1" });

  it("goes Unknown, then cloud-controller-manager deletes its Node object", () => {
    const unknownAt = waitFor(c, () => readyOf(node(c, "worker-1")!)?.status === "Unknown", 120_000, 100);
    expect(unknownAt - removedAt).toBeGreaterThanOrEqual(40_000);
    const goneAt = waitFor(c, () => node(c, "worker-1") === undefined, 60_000, 100);
    expect(goneAt - unknownAt).toBeLessThanOrEqual(10_000);
    const ev = events(c).find((e) => e.involvedObject.name === "worker-1" && e.reason === "DeletingNode");
    expect(ev?.message).toBe("Deleting node worker-1 because it does not exist in the cloud provider");
    expect(c.list<Node>("nodes").map((n) => n.metadata.name).sort()).toEqual(["control-plane", "worker-2", "worker-3"]);
  });

  it("pod GC deletes the pods bound to the vanished node; the ReplicaSet replaces them elsewhere", () => {
    waitFor(c, () => !c.list<Pod>("pods").some((p) => p.spec.nodeName === "worker-1"), 120_000, 500);
    expect(podsOf(c, "web").some((p) => p.metadata.name === victim.metadata.name)).toBe(false);
    waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 60_000);
    for (const p of podsOf(c, "web")) expect(["worker-2", "worker-3"]).toContain(p.spec.nodeName);
  });
});

describe("sim node add (real profile)", () => {
  const c = createCluster({ seed: 62 });
  const msg = c.inject({ type: "node-add" });

  it("joins a new worker that registers, turns Ready and takes pods", () => {
    expect(msg).toBe("node worker-4 added");
    waitFor(c, () => readyOf(node(c, "worker-4") ?? {})?.status === "True", 30_000, 100);
    const n = node(c, "worker-4")!;
    expect(n.spec.taints ?? []).toEqual([]);
    expect(n.status?.addresses?.find((a) => a.type === "InternalIP")?.address).toBe("192.168.49.6");
    create(c, "pods", pod("pinned", { nodeSelector: { "kubernetes.io/hostname": "worker-4" }, containers: [{ name: "nginx", image: "nginx:1.27" }] }));
    waitFor(c, () => readyOf(c.list<Pod>("pods", "default").find((p) => p.metadata.name === "pinned")!)?.status === "True", 60_000);
    const p = c.list<Pod>("pods", "default").find((x) => x.metadata.name === "pinned")!;
    expect(p.spec.nodeName).toBe("worker-4");
    expect(events(c, "default").map((e) => e.message)).toContain("Successfully assigned default/pinned to worker-4");
    // DaemonSets follow: kube-proxy runs there too.
    waitFor(c, () => c.list<Pod>("pods", "kube-system").some((x) => x.spec.nodeName === "worker-4" && x.metadata.name?.startsWith("kube-proxy-") && readyOf(x)?.status === "True"), 60_000);
    expect(() => c.inject({ type: "node-add", node: "worker-4" })).toThrow('node "worker-4" already exists');
  });
});
