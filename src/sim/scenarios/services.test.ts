import { describe, expect, it } from "vitest";
import type { Service } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { RequestResult } from "../dataPath";
import { iptablesSave } from "../components/proxy";
import { call, create, deployment, events, pod, podsOf, readyOf, service, waitFor } from "./fixtures";

const svc = (c: ClusterImpl, name: string) => c.list<Service>("services", "default").find((s) => s.metadata.name === name)!;

function curl(c: ClusterImpl, url: string, from?: string): RequestResult {
  let out: RequestResult | undefined;
  c.sendRequest({ ...(from ? { from: { namespace: "default", pod: from } } : {}), url }, (r) => (out = r));
  while (!out && c.step()) {
    /* until curl prints */
  }
  return out!;
}

describe("Services on the default cluster (real profile)", () => {
  const c = createCluster({ seed: 91 });
  create(c, "deployments", deployment("web", 3));
  create(c, "services", service("web"));
  create(c, "pods", pod("client", { nodeName: "worker-3", containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "infinity"] }] }));
  waitFor(c, () => podsOf(c, "web").filter((p) => readyOf(p)?.status === "True").length === 3, 120_000);
  c.advance(2_000);

  it("ClusterIP: allocated from 10.96.0.0/12, programmed on every node, and traffic reaches the pods", () => {
    const ip = svc(c, "web").spec.clusterIP!;
    const [a, b] = ip.split(".").map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    const save = iptablesSave(c.machines.get("worker-1")!.proxy.rules);
    expect(save).toContain(`-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-`);
    const served = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = curl(c, "http://web", "client");
      expect(r.status).toBe(200);
      served.add(r.servedBy!);
    }
    expect(served.size).toBe(3);
  });

  it("LoadBalancer: EXTERNAL-IP pending, EnsuringLoadBalancer → EnsuredLoadBalancer, then traffic from outside", () => {
    const front = service("front", "LoadBalancer");
    front.spec.selector = { app: "web" };
    const createdAt = c.now();
    create(c, "services", front);
    c.advance(2_000);
    expect(svc(c, "front").status?.loadBalancer?.ingress ?? []).toEqual([]);
    expect(events(c, "default").filter((e) => e.involvedObject.name === "front").map((e) => `${e.reason}: ${e.message}`)).toEqual(["EnsuringLoadBalancer: Ensuring load balancer"]);
    const readyAt = waitFor(c, () => (svc(c, "front").status?.loadBalancer?.ingress ?? []).length > 0, 60_000, 100);
    expect(readyAt - createdAt).toBeGreaterThanOrEqual(20_000);
    expect(readyAt - createdAt).toBeLessThanOrEqual(41_000);
    expect(events(c, "default").filter((e) => e.involvedObject.name === "front").map((e) => `${e.reason}: ${e.message}`)).toEqual(["EnsuringLoadBalancer: Ensuring load balancer", "EnsuredLoadBalancer: Ensured load balancer"]);
    const ip = svc(c, "front").status!.loadBalancer!.ingress![0].ip!;
    expect(ip).toBe("203.0.113.10");
    const r = curl(c, `http://${ip}/`);
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.hops.map((h) => h.to).slice(0, 2)).toEqual(["cloud", expect.stringMatching(/^kube-proxy@worker-\d$/)]);
  });

  it("NodePort: allocated in 30000–32767; a taken port is rejected with the real message", () => {
    const np = svc(c, "front").spec.ports![0].nodePort!;
    expect(np).toBeGreaterThanOrEqual(30000);
    expect(np).toBeLessThanOrEqual(32767);
    const clash = service("clash", "NodePort");
    clash.spec.ports![0].nodePort = np;
    const res = call(c, { verb: "create", resource: "services", namespace: "default", body: clash });
    expect(res.ok).toBe(false);
    expect(res.ok ? "" : res.error.message).toBe(`Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: ${np}: provided port is already allocated`);
    expect(curl(c, `http://192.168.49.3:${np}`)).toMatchObject({ ok: true, status: 200 });
  });

  it("headless: the name resolves to the ready pods' IPs", () => {
    const headless = service("web-headless");
    headless.spec.selector = { app: "web" };
    headless.spec.clusterIP = "None";
    create(c, "services", headless);
    c.advance(3_000);
    const answer = c.coredns.lookup("web-headless", "default");
    expect(answer).not.toBe("timeout");
    const ips = podsOf(c, "web").map((p) => p.status!.podIP!).sort();
    expect(answer === "timeout" ? [] : answer.addresses).toEqual(ips);
    const r = curl(c, "http://web-headless", "client");
    expect(r.status).toBe(200);
    expect(r.hops[2].what).toMatch(/^GET \/ → 10\.244\.\d+\.\d+:80$/);
  });

  it("traffic leaves a dead node: once it is NotReady, requests only reach live pods, also through the load balancer", () => {
    const dead = podsOf(c, "web").find((p) => p.spec.nodeName === "worker-1")!;
    c.inject({ type: "node-stop", node: "worker-1" });
    waitFor(c, () => podsOf(c, "web").find((p) => p.metadata.name === dead.metadata.name && readyOf(p)?.status === "False") !== undefined, 120_000, 500);
    c.advance(3_000);
    const ip = svc(c, "front").status!.loadBalancer!.ingress![0].ip!;
    for (let i = 0; i < 8; i++) {
      const inside = curl(c, "http://web", "client");
      expect(inside).toMatchObject({ ok: true, status: 200 });
      expect(inside.servedBy).not.toBe(`default/${dead.metadata.name}`);
      const outside = curl(c, `http://${ip}`);
      expect(outside).toMatchObject({ ok: true, status: 200 });
      expect(outside.hops[1].to).not.toBe("kube-proxy@worker-1");
    }
  });
});
