import { describe, expect, it } from "vitest";
import type { KubeEvent, KubeObject, Node, Service } from "../../api/types";
import { Kernel } from "../../runtime";
import { testContext } from "../controllers/framework/fakeCache";
import { TracedCloudClient } from "./cloudClient";
import { CLOUD_NODE_MONITOR_KEY, CloudNodeLifecycleController } from "./cloudNodeLifecycleController";
import { SimulatedCloud } from "./cloudProvider";
import { LOAD_BALANCER_FINALIZER, ServiceController } from "./serviceController";

const svc = (extra: Partial<Service["metadata"]> = {}, status?: Service["status"]): Service => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default", uid: "1b4e28ba-2fa1-11d2-883f-0016d3cca427", ...extra },
  spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080, protocol: "TCP", nodePort: 31234 }] },
  ...(status ? { status } : {}),
});
const node = (name: string, ready: "True" | "False" | "Unknown", labels: Record<string, string> = {}): Node => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, uid: `${name}-uid`, labels },
  spec: {},
  status: { conditions: [{ type: "Ready", status: ready }] },
});
const nodes = [node("control-plane", "True", { "node.kubernetes.io/exclude-from-external-load-balancers": "" }), node("worker-1", "True"), node("worker-2", "True")];
const ctx = (objects: KubeObject[], component = "service-controller") => testContext({ objects, component });

describe("ServiceController with the simulated cloud", () => {
  it("adds the finalizer, ensures a load balancer, then writes the ingress IP and EnsuredLoadBalancer", () => {
    const kernel = new Kernel(7);
    const cloud = new SimulatedCloud();
    const client = new TracedCloudClient(kernel, cloud, { apiCallMs: [20, 20], loadBalancerProvisionMs: [30_000, 30_000], loadBalancerUpdateMs: [3_000, 3_000] });
    const enqueued: string[] = [];
    const c = new ServiceController(client, (k) => enqueued.push(k));

    const first = c.sync("default/web", ctx([svc(), ...nodes]));
    expect(first.calls[0].request).toEqual({ verb: "patch", resource: "services", namespace: "default", name: "web", patchType: "merge", body: { metadata: { finalizers: [LOAD_BALANCER_FINALIZER] } } });
    expect(first.calls[1].request.body).toMatchObject({ reason: "EnsuringLoadBalancer", message: "Ensuring load balancer", type: "Normal", source: { component: "service-controller" } } satisfies Partial<KubeEvent>);
    // While the cloud works, syncing again does nothing.
    expect(c.sync("default/web", ctx([svc({ finalizers: [LOAD_BALANCER_FINALIZER] }), ...nodes])).calls).toEqual([]);

    kernel.runUntil(29_000);
    expect(cloud.loadBalancer("default/web")).toBeUndefined();
    kernel.runUntil(31_000);
    expect(enqueued).toEqual(["default/web"]);
    const lb = cloud.loadBalancer("default/web");
    expect(lb).toEqual({ name: "a1b4e28ba2fa111d2883f0016d3cca42", service: "default/web", ip: "203.0.113.10", ports: [{ name: undefined, protocol: "TCP", port: 80, nodePort: 31234 }], nodes: ["worker-1", "worker-2"] });
    const cloudTrace = kernel.trace.events.filter((e) => e.kind === "cloud").map((e) => [e.from, e.to, e.verb]);
    expect(cloudTrace).toEqual([
      ["cloud-controller-manager", "cloud", "EnsureLoadBalancer"],
      ["cloud", "cloud-controller-manager", "EnsureLoadBalancer done"],
    ]);

    const done = c.sync("default/web", ctx([svc({ finalizers: [LOAD_BALANCER_FINALIZER] }), ...nodes]));
    expect(done.calls[0].request).toMatchObject({ verb: "patch", subresource: "status", body: { status: { loadBalancer: { ingress: [{ ip: "203.0.113.10", ipMode: "VIP" }] } } } });
    expect(done.calls[0].onSuccess?.[0].request.body).toMatchObject({ reason: "EnsuredLoadBalancer", message: "Ensured load balancer" });
    const steady = svc({ finalizers: [LOAD_BALANCER_FINALIZER] }, { loadBalancer: { ingress: [{ ip: "203.0.113.10", ipMode: "VIP" }] } });
    expect(c.sync("default/web", ctx([steady, ...nodes])).calls).toEqual([]);

    // A new node: backends are updated, then UpdatedLoadBalancer is reported.
    c.sync("default/web", ctx([steady, ...nodes, node("worker-3", "True")]));
    kernel.runUntil(40_000);
    expect(cloud.loadBalancer("default/web")?.nodes).toEqual(["worker-1", "worker-2", "worker-3"]);
    expect((c.sync("default/web", ctx([steady, ...nodes, node("worker-3", "True")])).calls[0].request.body as KubeEvent).message).toBe("Updated load balancer with new hosts");

    // Deleting the Service: the load balancer goes first, then the finalizer.
    const deleting = svc({ finalizers: [LOAD_BALANCER_FINALIZER], deletionTimestamp: "2026-01-01T09:10:00Z" }, steady.status);
    expect((c.sync("default/web", ctx([deleting, ...nodes])).calls[0].request.body as KubeEvent).reason).toBe("DeletingLoadBalancer");
    kernel.runUntil(50_000);
    expect(cloud.loadBalancers()).toEqual([]);
    const after = c.sync("default/web", ctx([deleting, ...nodes]));
    expect(after.calls.map((x) => (x.request.resource === "events" ? (x.request.body as KubeEvent).reason : x.request.body))).toEqual(["DeletedLoadBalancer", { metadata: { finalizers: [] } }]);
  });

  it("ignores ClusterIP Services", () => {
    const c = new ServiceController(new TracedCloudClient(new Kernel(1), new SimulatedCloud()), () => {});
    const clusterIP: Service = { ...svc(), spec: { ...svc().spec, type: "ClusterIP" } };
    expect(c.sync("default/web", ctx([clusterIP])).calls).toEqual([]);
  });
});

describe("CloudNodeLifecycleController", () => {
  it("deletes a NotReady node whose machine is gone, and leaves Ready nodes and existing machines alone", () => {
    const kernel = new Kernel(1);
    const cloud = new SimulatedCloud();
    for (const n of ["worker-1", "worker-2", "worker-3"]) cloud.addInstance(n, "10.0.0.1");
    cloud.removeInstance("worker-3");
    cloud.removeInstance("worker-1");
    const c = new CloudNodeLifecycleController(new TracedCloudClient(kernel, cloud));
    const plan = c.sync(CLOUD_NODE_MONITOR_KEY, ctx([node("worker-1", "True"), node("worker-2", "Unknown"), node("worker-3", "Unknown")], "cloud-node-lifecycle-controller"));
    expect(plan.resyncAfterMs).toBe(5_000);
    expect(plan.calls.map((x) => x.request.resource === "events" ? [(x.request.body as KubeEvent).reason, (x.request.body as KubeEvent).message] : [x.request.verb, x.request.name])).toEqual([
      ["DeletingNode", "Deleting node worker-3 because it does not exist in the cloud provider"],
      ["delete", "worker-3"],
    ]);
    expect(kernel.trace.events.map((e) => e.summary)).toEqual(["InstanceExists worker-2: true", "InstanceShutdown worker-2: false", "InstanceExists worker-3: false"]);
  });
});
