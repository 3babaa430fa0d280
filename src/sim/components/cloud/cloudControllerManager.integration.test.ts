import { describe, expect, it } from "vitest";
import type { KubeEvent, Node, Service } from "../../api/types";
import { PROFILES } from "../../profiles";
import { apiHarness } from "../apiserver/testHarness";
import { ApiClientImpl } from "../client";
import { CloudControllerManager } from "./cloudControllerManager";
import { SimulatedCloud } from "./cloudProvider";

const node = (name: string, ready: "True" | "Unknown"): Node => ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec: {}, status: { conditions: [{ type: "Ready", status: ready }] } });

describe("cloud-controller-manager against kube-apiserver", () => {
  it("provisions a LoadBalancer Service (EXTERNAL-IP pending, then 203.0.113.10) and deletes the Node of a vanished machine", () => {
    const h = apiHarness(5);
    const { kernel, call } = h;
    for (const n of [node("worker-1", "True"), node("worker-2", "Unknown")]) call({ verb: "create", resource: "nodes", body: n });
    const cloud = new SimulatedCloud();
    cloud.addInstance("worker-1", "10.0.0.11");
    cloud.addInstance("worker-2", "10.0.0.12");
    const client = new ApiClientImpl("cloud-controller-manager", kernel, h.apiserver, PROFILES.real);
    const ccm = new CloudControllerManager({ kernel, client, cloud, profile: PROFILES.real });
    const t0 = kernel.now;
    ccm.start();
    call({ verb: "create", resource: "services", namespace: "default", body: { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80 }] } } satisfies Service });
    const svc = () => {
      const r = call({ verb: "get", resource: "services", namespace: "default", name: "web" });
      return (r.ok ? r.object : undefined) as Service;
    };
    kernel.runUntil(t0 + 5_000);
    expect(svc().metadata.finalizers).toEqual(["service.kubernetes.io/load-balancer-cleanup"]);
    expect(svc().status?.loadBalancer?.ingress ?? []).toEqual([]);
    kernel.runUntil(t0 + 45_000);
    expect(svc().status?.loadBalancer?.ingress).toEqual([{ ip: "203.0.113.10", ipMode: "VIP" }]);
    const events = () => {
      const r = call({ verb: "list", resource: "events", namespace: "default" });
      return (r.ok ? (r.items ?? []) : []) as unknown as KubeEvent[];
    };
    expect(events().filter((e) => e.involvedObject.kind === "Service").map((e) => [e.reason, e.message, e.source.component])).toEqual([
      ["EnsuringLoadBalancer", "Ensuring load balancer", "service-controller"],
      ["EnsuredLoadBalancer", "Ensured load balancer", "service-controller"],
    ]);
    expect(cloud.loadBalancer("default/web")?.nodes).toEqual(["worker-1", "worker-2"]);

    // The machine behind the NotReady worker-2 is deleted in the cloud.
    cloud.removeInstance("worker-2");
    kernel.runUntil(t0 + 55_000);
    expect(call({ verb: "get", resource: "nodes", name: "worker-2" })).toMatchObject({ ok: false, status: 404 });
    expect(events().some((e) => e.reason === "DeletingNode" && e.message === "Deleting node worker-2 because it does not exist in the cloud provider")).toBe(true);
    kernel.runUntil(t0 + 70_000);
    expect(cloud.loadBalancer("default/web")?.nodes).toEqual(["worker-1"]);
    expect(kernel.trace.events.some((e) => e.kind === "cloud" && e.from === "cloud-controller-manager" && e.to === "cloud" && e.verb === "EnsureLoadBalancer")).toBe(true);
    ccm.stop();
  });
});
