import { describe, expect, it } from "vitest";
import type { KubeEvent, KubeObject, Node, Pod } from "../../../api/types";
import { testContext } from "../framework/fakeCache";
import { TaintEvictionController } from "./taintEvictionController";

const defaults = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists" as const, effect: "NoExecute" as const, tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists" as const, effect: "NoExecute" as const, tolerationSeconds: 300 },
];
function pod(name: string, tolerations = defaults): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `${name}-uid` },
    spec: { nodeName: "worker-1", tolerations, containers: [{ name: "nginx", image: "nginx" }] },
    status: { phase: "Running", conditions: [{ type: "Ready", status: "False" }] },
  };
}
const tainted: Node = { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" }, spec: { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: "2026-01-01T09:01:10Z" }] } };
const healed: Node = { ...tainted, spec: { taints: [] } };
const ctx = (now: number, objects: KubeObject[]) => testContext({ now, objects, component: "taint-eviction-controller" });

describe("TaintEvictionController", () => {
  it("waits the 300 s toleration, then marks the pod and deletes it", () => {
    const c = new TaintEvictionController();
    const p = pod("web-7c5ddbdf54-x7k2p");
    const first = c.sync("default/web-7c5ddbdf54-x7k2p", ctx(70_000, [tainted, p]));
    expect(first).toEqual({ calls: [], requeueAfterMs: 300_000 });
    // An earlier wake-up (another node update) keeps the original deadline.
    expect(c.sync("default/web-7c5ddbdf54-x7k2p", ctx(100_000, [tainted, p])).requeueAfterMs).toBe(270_000);
    const due = c.sync("default/web-7c5ddbdf54-x7k2p", ctx(370_000, [tainted, p]));
    const event = due.calls[0].request.body as KubeEvent;
    expect(event).toMatchObject({ reason: "TaintManagerEviction", type: "Normal", message: "Marking for deletion Pod default/web-7c5ddbdf54-x7k2p", source: { component: "taint-eviction-controller" } });
    expect(due.calls[1].request).toMatchObject({ verb: "patch", subresource: "status", name: "web-7c5ddbdf54-x7k2p" });
    expect((due.calls[1].request.body as { status: Pod["status"] }).status?.conditions?.[1]).toMatchObject({ type: "DisruptionTarget", status: "True", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint" });
    expect(due.calls[2].request).toEqual({ verb: "delete", resource: "pods", namespace: "default", name: "web-7c5ddbdf54-x7k2p" });
    expect(due.calls[2].why).toContain("toleration of node.kubernetes.io/unreachable:NoExecute has run out");
  });

  it("evicts at once a pod that does not tolerate the taint", () => {
    const c = new TaintEvictionController();
    const plan = c.sync("default/batch", ctx(70_000, [tainted, pod("batch", [])]));
    expect(plan.calls.map((x) => x.request.verb)).toEqual(["create", "patch", "delete"]);
  });

  it("never evicts a pod that tolerates forever", () => {
    const c = new TaintEvictionController();
    const ds = pod("kube-proxy-abcde", [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" }] as typeof defaults);
    expect(c.sync("default/kube-proxy-abcde", ctx(70_000, [tainted, ds]))).toEqual({ calls: [] });
  });

  it("cancels the eviction when the taint goes, with the real event", () => {
    const c = new TaintEvictionController();
    const p = pod("web-1");
    c.sync("default/web-1", ctx(70_000, [tainted, p]));
    const plan = c.sync("default/web-1", ctx(90_000, [healed, p]));
    expect((plan.calls[0].request.body as KubeEvent).message).toBe("Cancelling deletion of Pod default/web-1");
    expect(c.pending().size).toBe(0);
    expect(c.sync("default/web-1", ctx(400_000, [healed, p])).calls).toEqual([]);
  });
});
