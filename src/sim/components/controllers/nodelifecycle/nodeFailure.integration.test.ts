import { describe, expect, it } from "vitest";
import type { EndpointSlice, KubeEvent, Lease, Node, Pod, Service } from "../../../api/types";
import { fromTimestamp, toMicroTimestamp, toTimestamp } from "../../../runtime";
import { PROFILES } from "../../../profiles";
import { apiHarness } from "../../apiserver/testHarness";
import { ApiClientImpl, SharedInformerFactory } from "../../client";
import { endpointSliceControllerDefinition } from "../endpointslice";
import { KubeControllerManager } from "../framework";
import { taintEvictionControllerDefinition } from "../tainteviction";
import { nodeLifecycleControllerDefinition } from "./nodeLifecycleDefinition";

function node(name: string, zone: string): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, "topology.kubernetes.io/zone": zone } },
    spec: { podCIDR: "10.244.1.0/24" },
    status: { conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: toTimestamp(0), lastTransitionTime: toTimestamp(0) }] },
  };
}
const lease = (name: string, at: number): Lease => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name, namespace: "kube-node-lease" }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: toMicroTimestamp(at) } });

/**
 * kube-apiserver + etcd + kube-controller-manager (node lifecycle, taint eviction, EndpointSlice)
 * with a hand-driven "kubelet": worker-2 renews its Lease, worker-1 goes silent at t=0.
 */
describe("a node that stops heartbeating (real profile)", () => {
  it("goes Unknown after the 50 s grace period, is tainted, loses its endpoints and its pods are evicted 300 s later", () => {
    const h = apiHarness(3);
    const { kernel, call } = h;
    for (const n of [node("worker-1", "zone-a"), node("worker-2", "zone-b")]) call({ verb: "create", resource: "nodes", body: n });
    for (const n of ["worker-1", "worker-2"]) call({ verb: "create", resource: "leases", namespace: "kube-node-lease", body: lease(n, 0) });
    call({ verb: "create", resource: "services", namespace: "default", body: { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 80 }] } } satisfies Service });
    for (const [pod, nodeName, ip] of [["web-1", "worker-1", "10.244.1.5"], ["web-2", "worker-2", "10.244.2.5"]]) {
      const created = call({ verb: "create", resource: "pods", namespace: "default", body: { apiVersion: "v1", kind: "Pod", metadata: { name: pod, namespace: "default", labels: { app: "web" } }, spec: { nodeName, containers: [{ name: "nginx", image: "nginx" }] } } satisfies Pod });
      const p = (created.ok ? created.object : undefined) as Pod;
      call({ verb: "update", resource: "pods", subresource: "status", namespace: "default", name: pod, body: { ...p, status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: "True" }] } } });
    }
    const kcmClient = new ApiClientImpl("kube-controller-manager", kernel, h.apiserver, PROFILES.real);
    const kcm = new KubeControllerManager({ kernel, client: kcmClient, newInformerFactory: () => new SharedInformerFactory(kcmClient), controllers: [nodeLifecycleControllerDefinition, taintEvictionControllerDefinition, endpointSliceControllerDefinition], config: {} });
    const t0 = kernel.now;
    kcm.start();
    // worker-2's kubelet renews its Lease every 10 s.
    const renew = () => {
      call({ verb: "update", resource: "leases", namespace: "kube-node-lease", name: "worker-2", body: { ...lease("worker-2", kernel.now), metadata: { name: "worker-2", namespace: "kube-node-lease" } } });
      kernel.after(10_000, renew, { background: true });
    };
    kernel.after(10_000, renew, { background: true });

    const list = <T,>(resource: string, namespace: string): T[] => {
      const r = call({ verb: "list", resource, namespace });
      return (r.ok ? (r.items ?? []) : []) as unknown as T[];
    };
    const get = <T,>(resource: string, name: string, namespace?: string) => {
      const r = call({ verb: "get", resource, name, namespace });
      return (r.ok ? r.object : undefined) as T;
    };
    const ready = (n: Node) => n.status?.conditions?.find((c) => c.type === "Ready");

    kernel.runUntil(t0 + 45_000);
    expect(ready(get<Node>("nodes", "worker-1"))?.status).toBe("True");
    const slices = () => list<EndpointSlice>("endpointslices", "default");
    expect(slices()[0].endpoints.map((e) => [e.targetRef?.name, e.conditions.ready])).toEqual([["web-1", true], ["web-2", true]]);

    kernel.runUntil(t0 + 60_000);
    const w1 = get<Node>("nodes", "worker-1");
    expect(ready(w1)).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(ready(get<Node>("nodes", "worker-2"))?.status).toBe("True");
    expect(get<Pod>("pods", "web-1", "default").status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
    expect(slices()[0].endpoints.map((e) => [e.targetRef?.name, e.conditions.ready])).toEqual([["web-1", false], ["web-2", true]]);

    kernel.runUntil(t0 + 70_000);
    const taints = get<Node>("nodes", "worker-1").spec.taints ?? [];
    expect(taints.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"]);
    const events = () => list<KubeEvent>("events", "default");
    expect(events().map((e) => `${e.involvedObject.name} ${e.reason}: ${e.message}`)).toEqual(
      expect.arrayContaining(["worker-1 NodeNotReady: Node worker-1 status is now: NodeNotReady", "web-1 NodeNotReady: Node is not ready"]),
    );

    // The eviction comes 300 s (the default toleration) after the NoExecute taint, not before.
    const taintedAt = fromTimestamp(taints.find((t) => t.effect === "NoExecute")?.timeAdded ?? "");
    expect(taintedAt).toBeGreaterThan(t0 + 50_000);
    kernel.runUntil(taintedAt + 299_000);
    expect(get<Pod>("pods", "web-1", "default").metadata.deletionTimestamp).toBeUndefined();
    kernel.runUntil(taintedAt + 301_000);
    const evicted = get<Pod>("pods", "web-1", "default");
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status?.conditions?.find((c) => c.type === "DisruptionTarget")).toMatchObject({ reason: "DeletionByTaintManager" });
    expect(events().some((e) => e.reason === "TaintManagerEviction" && e.message === "Marking for deletion Pod default/web-1")).toBe(true);
    expect(get<Pod>("pods", "web-2", "default").metadata.deletionTimestamp).toBeUndefined();
  });
});
