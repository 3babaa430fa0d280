import { describe, expect, it } from "vitest";
import type { KubeEvent, KubeObject, Lease, Node, Pod } from "../../../api/types";
import { toMicroTimestamp, toTimestamp } from "../../../runtime";
import { testContext } from "../framework/fakeCache";
import type { Plan } from "../framework/plan";
import { MONITOR_KEY, NodeLifecycleController, nodeKey } from "./nodeLifecycleController";

function node(name: string, zone: string, ready: "True" | "False" | "Unknown", heartbeat: number, taints: Node["spec"]["taints"] = []): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `${name}-uid`, resourceVersion: "5", creationTimestamp: toTimestamp(0), labels: { "topology.kubernetes.io/zone": zone } },
    spec: { taints },
    status: {
      conditions: [
        ready === "Unknown"
          ? { type: "Ready", status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastHeartbeatTime: toTimestamp(heartbeat), lastTransitionTime: toTimestamp(61_000) }
          : { type: "Ready", status: ready, reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: toTimestamp(heartbeat), lastTransitionTime: toTimestamp(0) },
      ],
    },
  };
}
const lease = (name: string, renew: number): Lease => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name, namespace: "kube-node-lease" }, spec: { renewTime: toMicroTimestamp(renew) } });
const web: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-7c5ddbdf54-x7k2p", namespace: "default", uid: "pod-uid", resourceVersion: "9" },
  spec: { nodeName: "worker-1", containers: [{ name: "nginx", image: "nginx" }] },
  status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
};
const events = (plan: Plan) => plan.calls.filter((c) => c.request.resource === "events").map((c) => c.request.body as KubeEvent);
const ctx = (now: number, objects: KubeObject[]) => testContext({ now, objects, component: "node-controller" });

describe("NodeLifecycleController", () => {
  it("takes a silent node to Unknown after 50 s, marks its pods not ready, then taints it unreachable:NoExecute", () => {
    const c = new NodeLifecycleController();
    const healthy = [node("worker-1", "zone-a", "True", 10_000), node("worker-2", "zone-b", "True", 10_000)];
    const leases = [lease("worker-1", 10_000), lease("worker-2", 10_000)];
    const first = c.sync(MONITOR_KEY, ctx(10_000, [...healthy, ...leases, web]));
    expect(events(first).map((e) => e.message)).toEqual(["Node worker-1 event: Registered Node worker-1 in Controller", "Node worker-2 event: Registered Node worker-2 in Controller"]);
    expect(first.resyncAfterMs).toBe(5_000);

    // worker-2 keeps renewing its Lease; worker-1 has gone silent.
    const quiet = c.sync(MONITOR_KEY, ctx(60_000, [...healthy, lease("worker-1", 10_000), lease("worker-2", 60_000), web]));
    expect(quiet.calls).toEqual([]);
    const down = c.sync(MONITOR_KEY, ctx(65_000, [...healthy, lease("worker-1", 10_000), lease("worker-2", 60_000), web]));
    const status = down.calls.find((x) => x.request.resource === "nodes" && x.request.subresource === "status");
    expect(status?.request.name).toBe("worker-1");
    expect((status?.request.body as Node).status?.conditions?.[0]).toMatchObject({ type: "Ready", status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(events(down).map((e) => [e.involvedObject.kind, e.type, e.reason, e.message, e.source.component])).toEqual([
      ["Node", "Normal", "NodeNotReady", "Node worker-1 status is now: NodeNotReady", "node-controller"],
    ]);
    const podUpdate = down.calls.find((x) => x.request.resource === "pods");
    expect(podUpdate?.request).toMatchObject({ verb: "update", subresource: "status", name: "web-7c5ddbdf54-x7k2p" });
    expect((podUpdate?.request.body as Pod).status?.conditions?.[0]).toMatchObject({ type: "Ready", status: "False" });
    expect((podUpdate?.onSuccess?.[0].request.body as KubeEvent)).toMatchObject({ type: "Warning", reason: "NodeNotReady", message: "Node is not ready" });
    expect(down.calls.some((x) => x.request.verb === "patch")).toBe(false); // NoExecute waits for the next pass

    const unknown = node("worker-1", "zone-a", "Unknown", 10_000);
    const next = c.sync(MONITOR_KEY, ctx(70_000, [unknown, healthy[1], lease("worker-1", 10_000), lease("worker-2", 70_000), web]));
    const taint = next.calls.find((x) => x.request.verb === "patch");
    expect(taint?.request).toMatchObject({ resource: "nodes", name: "worker-1", patchType: "merge" });
    expect(taint?.request.body).toEqual({ spec: { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: toTimestamp(70_000) }] } });
  });

  it("adds the NoSchedule taint as soon as the node object says Unknown", () => {
    const c = new NodeLifecycleController();
    const plan = c.sync(nodeKey("worker-1"), ctx(65_000, [node("worker-1", "zone-a", "Unknown", 10_000)]));
    expect(plan.calls[0].request.body).toEqual({ spec: { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: toTimestamp(65_000) }] } });
  });

  it("removes the NoExecute taint when the node is Ready again", () => {
    const c = new NodeLifecycleController();
    const back = node("worker-1", "zone-a", "True", 400_000, [
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: "t" },
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: "t" },
    ]);
    const plan = c.sync(MONITOR_KEY, ctx(400_000, [back, node("worker-2", "zone-b", "True", 400_000)]));
    const patch = plan.calls.find((x) => x.request.verb === "patch");
    expect(patch?.request.body).toEqual({ spec: { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: "t" }] } });
  });

  it("taints nothing when every node is down (full disruption)", () => {
    const c = new NodeLifecycleController();
    c.sync(MONITOR_KEY, ctx(10_000, [node("worker-1", "zone-a", "True", 10_000), node("worker-2", "zone-b", "True", 10_000)]));
    const allDown = [node("worker-1", "zone-a", "Unknown", 10_000), node("worker-2", "zone-b", "Unknown", 10_000)];
    c.sync(MONITOR_KEY, ctx(70_000, allDown));
    const plan = c.sync(MONITOR_KEY, ctx(75_000, allDown));
    expect(plan.calls.filter((x) => x.request.verb === "patch")).toEqual([]);
  });
});
