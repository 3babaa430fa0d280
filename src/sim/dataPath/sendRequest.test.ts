import { describe, expect, it } from "vitest";
import type { Pod, Service } from "../api/types";
import { createCluster, type ClusterImpl } from "../cluster";
import type { TraceEvent } from "../runtime/trace";
import { call, create, deployment, pod, podsOf, service } from "../scenarios/fixtures";
import { formatCurl, type RequestOptions, type RequestResult } from "./index";

const CLIENT = { namespace: "default", pod: "client" };

/** A cluster with nginx behind a ClusterIP and a LoadBalancer Service, and a curl pod to send from. */
function setup(seed = 11) {
  const c = createCluster({ seed });
  create(c, "deployments", deployment("web", 3));
  create(c, "services", service("web"));
  const front = service("front", "LoadBalancer");
  front.spec.selector = { app: "web" };
  create(c, "services", front);
  create(c, "services", service("empty"));
  create(c, "pods", pod("client", { containers: [{ name: "curl", image: "curlimages/curl:8.14.1", command: ["sleep", "3600"] }] }));
  c.advance(60_000);
  return c;
}

function send(c: ClusterImpl, opts: RequestOptions): RequestResult {
  let out: RequestResult | undefined;
  c.sendRequest(opts, (r) => (out = r));
  c.settle(120_000);
  if (!out) throw new Error("no result");
  return out;
}

const svc = (c: ClusterImpl, name: string) => c.list<Service>("services", "default").find((s) => s.metadata.name === name)!;

describe("sendRequest: a request through DNS, kube-proxy rules and a pod", () => {
  const c = setup();
  const trace: TraceEvent[] = [];
  c.subscribe((e) => trace.push(e));

  it("resolves a Service name through CoreDNS and reaches a pod behind its ClusterIP", () => {
    const r = send(c, { from: CLIENT, url: "http://web" });
    expect(r.ok).toBe(true);
    expect(r.status).toBe(200);
    expect(r.body).toContain("<title>Welcome to nginx!</title>");
    expect(formatCurl(r)).toBe(r.body);
    const web = svc(c, "web");
    expect(r.hops.map((h) => h.kind)).toEqual(["dns", "dns", "traffic", "traffic", "traffic"]);
    expect(r.hops[0]).toMatchObject({ to: "coredns", what: "DNS A? web" });
    expect(r.hops[1].what).toBe(`web.default.svc.cluster.local. A ${web.spec.clusterIP}`);
    const clientNode = c.list<Pod>("pods", "default").find((p) => p.metadata.name === "client")!.spec.nodeName!;
    expect(r.hops[2]).toMatchObject({ from: `pods:${clientNode}`, to: `kube-proxy@${clientNode}` });
    expect(r.hops[2].what).toMatch(new RegExp(`^${web.spec.clusterIP!.replace(/\./g, "\\.")}:80 → KUBE-SVC-[A-Z2-7]{16}$`));
    // Every hop is a traced message of kind dns or traffic.
    const traced = trace.filter((e) => e.kind === "dns" || e.kind === "traffic");
    expect(traced.map((e) => e.summary)).toEqual(r.hops.map((h) => h.what));
    expect(traced.every((e) => e.narration.length > 0)).toBe(true);
  });

  it("leaves nginx's access line in the serving pod's logs (kubectl logs)", () => {
    const r = send(c, { from: CLIENT, url: "http://web/hello" });
    expect(r.status).toBe(404);
    const [ns, name] = r.servedBy!.split("/");
    const res = call(c, { verb: "get", resource: "pods", subresource: "log", namespace: ns, name, body: { container: "nginx" } });
    expect(res.ok).toBe(true);
    const log = res.ok ? (res.object as unknown as { log: string }).log : "";
    const clientIP = c.list<Pod>("pods", "default").find((p) => p.metadata.name === "client")!.status!.podIP!;
    expect(log).toMatch(new RegExp(`${clientIP.replace(/\./g, "\\.")} - - \\[01/Jan/2026:09:\\d\\d:\\d\\d \\+0000\\] "GET /hello HTTP/1\\.1" 404 153 "-" "curl/8\\.14\\.1" "-"`));
  });

  it("fails to resolve unknown names, and cluster names from outside", () => {
    const r = send(c, { from: CLIENT, url: "http://nope" });
    expect(r).toMatchObject({ ok: false, exitCode: 6, error: "curl: (6) Could not resolve host: nope" });
    expect(r.hops[1].what).toBe("nope: NXDOMAIN");
    expect(formatCurl(r)).toBe("curl: (6) Could not resolve host: nope\n");
    expect(send(c, { url: "http://web" })).toMatchObject({ ok: false, exitCode: 6, error: "curl: (6) Could not resolve host: web", hops: [] });
  });

  it("reaches pods directly by IP; a closed port is refused", () => {
    const target = podsOf(c, "web")[0];
    const ip = target.status!.podIP!;
    const ok = send(c, { from: CLIENT, url: `http://${ip}` });
    expect(ok).toMatchObject({ ok: true, status: 200, servedBy: `default/${target.metadata.name}` });
    expect(ok.hops[0]).toMatchObject({ to: `pods:${target.spec.nodeName}`, what: `GET / → ${ip}:80` });
    const refused = send(c, { from: CLIENT, url: `http://${ip}:8080` });
    expect(refused.error).toMatch(new RegExp(`^curl: \\(7\\) Failed to connect to ${ip.replace(/\./g, "\\.")} port 8080 after \\d+ ms: Couldn't connect to server$`));
  });

  it("rejects connections to a Service without endpoints", () => {
    const r = send(c, { from: CLIENT, url: "http://empty" });
    expect(r.exitCode).toBe(7);
    expect(r.error).toMatch(/^curl: \(7\) Failed to connect to empty port 80 after \d+ ms: Couldn't connect to server$/);
  });

  it("serves outside clients through a NodePort and the cloud load balancer", () => {
    const front = svc(c, "front");
    const lbIP = front.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(lbIP).toBe("203.0.113.10");
    const viaLb = send(c, { url: `http://${lbIP}` });
    expect(viaLb).toMatchObject({ ok: true, status: 200 });
    expect(viaLb.hops[0]).toMatchObject({ from: "client", to: "cloud", what: "203.0.113.10:80" });
    expect(viaLb.hops[1].what).toMatch(new RegExp(`^→ worker-\\d:${front.spec.ports![0].nodePort}$`));
    const nodePort = front.spec.ports![0].nodePort!;
    const viaNode = send(c, { url: `http://192.168.49.4:${nodePort}/` });
    expect(viaNode).toMatchObject({ ok: true, status: 200 });
    expect(viaNode.hops[0]).toMatchObject({ from: "client", to: "kube-proxy@worker-2" });
  });

  it("times out on addresses that are not routable from outside", () => {
    const r = send(c, { url: `http://${svc(c, "web").spec.clusterIP}` });
    expect(r).toMatchObject({ ok: false, exitCode: 28, elapsedMs: 10_000 });
    expect(r.error).toBe(`curl: (28) Failed to connect to ${svc(c, "web").spec.clusterIP} port 80 after 10000 ms: Timeout was reached`);
  });

  it("rejects a malformed URL and a source pod that does not exist", () => {
    expect(send(c, { from: CLIENT, url: "ftp://web" })).toMatchObject({ exitCode: 3, error: "curl: (3) URL rejected: Malformed input to a URL function" });
    expect(() => c.sendRequest({ from: { namespace: "default", pod: "ghost" }, url: "http://web" }, () => {})).toThrow('pods "ghost" not found');
  });

  it("cannot resolve anything while CoreDNS is down: two queries, 5 s apart, then curl gives up", () => {
    c.inject({ type: "component-stop", component: "coredns" });
    const r = send(c, { from: CLIENT, url: "http://web" });
    expect(r).toMatchObject({ ok: false, exitCode: 6, error: "curl: (6) Could not resolve host: web" });
    expect(r.hops.map((h) => h.what)).toEqual(["DNS A? web", "DNS A? web"]);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(10_000);
    expect(r.elapsedMs).toBeLessThan(10_100);
    c.inject({ type: "component-start", component: "coredns" });
    c.advance(5_000);
    expect(send(c, { from: CLIENT, url: "http://web" }).status).toBe(200);
  });

  it("is deterministic: same seed, same path", () => {
    const a = setup(21);
    const b = setup(21);
    const paths = (x: ClusterImpl) => [1, 2, 3, 4].map(() => send(x, { from: CLIENT, url: "http://web" }).hops.map((h) => `${h.from}>${h.to}:${h.what}`).join("|"));
    expect(paths(a)).toEqual(paths(b));
  });
});
