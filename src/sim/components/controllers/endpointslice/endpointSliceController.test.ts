import { describe, expect, it } from "vitest";
import type { EndpointSlice, Node, Pod, Service } from "../../../api/types";
import { testContext } from "../framework/fakeCache";
import { EndpointSliceController } from "./endpointSliceController";
import { ENDPOINTSLICE_INDEXES } from "./podIndexes";
import { reconcileSlices } from "./sliceReconciler";

const svc: Service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default", uid: "svc-uid", labels: { app: "web" } },
  spec: { selector: { app: "web" }, clusterIP: "10.96.12.34", ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
};
function pod(name: string, ip: string, opts: { ready?: boolean; node?: string; deleting?: boolean; labels?: Record<string, string> } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `${name}-uid`, labels: opts.labels ?? { app: "web" }, ...(opts.deleting ? { deletionTimestamp: "2026-01-01T09:05:00Z" } : {}) },
    spec: { nodeName: opts.node ?? "worker-1", containers: [{ name: "nginx", image: "nginx", ports: [{ name: "http", containerPort: 8080 }] }] },
    status: { phase: "Running", podIP: ip, conditions: [{ type: "Ready", status: opts.ready === false ? "False" : "True" }] },
  };
}
const nodes: Node[] = [
  { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1", labels: { "topology.kubernetes.io/zone": "zone-a" } }, spec: {} },
  { apiVersion: "v1", kind: "Node", metadata: { name: "worker-2", labels: { "topology.kubernetes.io/zone": "zone-b" } }, spec: {} },
];
const c = new EndpointSliceController();
const ctx = (objects: (Pod | Service | Node | EndpointSlice)[]) => testContext({ objects: [...nodes, ...objects], indexes: ENDPOINTSLICE_INDEXES });

describe("EndpointSliceController", () => {
  it("creates a labelled, owned IPv4 slice with ready/serving/terminating conditions and named ports resolved", () => {
    const plan = c.sync("default/web", ctx([svc, pod("web-a", "10.244.1.5"), pod("web-b", "10.244.2.7", { node: "worker-2", ready: false }), pod("web-c", "10.244.1.9", { deleting: true }), pod("other", "10.244.1.6", { labels: { app: "db" } })]));
    expect(plan.calls).toHaveLength(1);
    const s = plan.calls[0].request.body as EndpointSlice;
    expect(plan.calls[0].request).toMatchObject({ verb: "create", resource: "endpointslices", namespace: "default" });
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({ app: "web", "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Service", name: "web", uid: "svc-uid", controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe("IPv4");
    expect(s.ports).toEqual([{ name: "http", port: 8080, protocol: "TCP" }]);
    expect(s.endpoints).toEqual([
      { addresses: ["10.244.1.5"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "worker-1", zone: "zone-a", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: "web-a-uid" } },
      { addresses: ["10.244.2.7"], conditions: { ready: false, serving: false, terminating: false }, nodeName: "worker-2", zone: "zone-b", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: "web-b-uid" } },
      { addresses: ["10.244.1.9"], conditions: { ready: false, serving: true, terminating: true }, nodeName: "worker-1", zone: "zone-a", targetRef: { kind: "Pod", namespace: "default", name: "web-c", uid: "web-c-uid" } },
    ]);
    expect(plan.expectations).toEqual({ key: "default/web", creates: 1 });
  });

  it("updates the slice in place when a pod turns unready, and does nothing when nothing changed", () => {
    const first = c.sync("default/web", ctx([svc, pod("web-a", "10.244.1.5")])).calls[0].request.body as EndpointSlice;
    const stored = { ...first, metadata: { ...first.metadata, resourceVersion: "42" } };
    expect(c.sync("default/web", ctx([svc, stored, pod("web-a", "10.244.1.5")])).calls).toEqual([]);
    const plan = c.sync("default/web", ctx([svc, stored, pod("web-a", "10.244.1.5", { ready: false })]));
    expect(plan.calls[0].request).toMatchObject({ verb: "update", name: first.metadata.name, resourceVersion: "42" });
    expect((plan.calls[0].request.body as EndpointSlice).endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it("leaves Services without a selector (such as kubernetes) alone", () => {
    const kubernetes: Service = { apiVersion: "v1", kind: "Service", metadata: { name: "kubernetes", namespace: "default" }, spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, targetPort: 6443 }] } };
    expect(c.sync("default/kubernetes", ctx([kubernetes])).calls).toEqual([]);
  });

  it("keeps one empty placeholder slice when no pod is selected", () => {
    const plan = c.sync("default/web", ctx([svc]));
    const s = plan.calls[0].request.body as EndpointSlice;
    expect(s.endpoints).toEqual([]);
    expect(s.ports).toBeUndefined();
  });
});

describe("reconcileSlices", () => {
  it("puts at most 100 endpoints in a slice and fills existing slices before creating new ones", () => {
    const eps = Array.from({ length: 250 }, (_, i) => ({ addresses: [`10.244.0.${i}`], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: "Pod", name: `p${i}`, uid: `u${i}` } }));
    const ports = [{ name: "http", port: 80, protocol: "TCP" }];
    let n = 0;
    const created = reconcileSlices(svc, [{ ports, endpoints: eps }], [], () => `web-${n++}`).create;
    expect(created.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    // One pod goes, two come: the gap is filled in place, the rest go to the slice with room.
    const existing = created.map((s) => ({ ...s, metadata: { ...s.metadata, resourceVersion: "1" } }));
    const next = [...eps.slice(1), { ...eps[0], addresses: ["10.244.9.1"], targetRef: { kind: "Pod", name: "new1", uid: "n1" } }, { ...eps[0], addresses: ["10.244.9.2"], targetRef: { kind: "Pod", name: "new2", uid: "n2" } }];
    const changes = reconcileSlices(svc, [{ ports, endpoints: next }], existing, () => "never");
    expect(changes.create).toEqual([]);
    expect(changes.update.map((s) => [s.metadata.name, s.endpoints.length])).toEqual([
      ["web-0", 100],
      ["web-2", 51],
    ]);
  });
});
