import type { ClusterImpl } from "../cluster";
import type { NodeMachine } from "../nodeMachine";
import { PROFILES, draw } from "../profiles";
import type { Timer } from "../runtime/kernel";
import type { ComponentId } from "../runtime/trace";
import { DNS_SERVICE_IP } from "../components/dns";
import { pickEndpoint, type ProxyServicePort } from "../components/proxy";
import { CURL_EXIT, curlErrors } from "./curlOutput";
import { listener, machineByNodeIP, originOf, podEndpoint, reachable, type Origin } from "./network";
import { isIPv4, parseUrl, type ParsedUrl } from "./url";
import { OUTSIDE_CLIENT, podsOf, type Hop, type RequestOptions, type RequestResult } from "./types";

/** curl's default when the user gives none would be minutes; the simulator's `curl` uses --connect-timeout 10. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** resolv.conf defaults: `timeout:5 attempts:2`. */
export const RESOLVER_TIMEOUT_MS = 5_000;
export const RESOLVER_ATTEMPTS = 2;
export const CURL_USER_AGENT = "curl/8.14.1";

/**
 * Sends one HTTP GET through the simulated data path, as `curl URL` run in a pod (or on a
 * machine outside the cluster) would: name → CoreDNS (through the kube-dns Service) → ClusterIP
 * → the source node's kube-proxy rules → an endpoint's pod on its node; NodePort and cloud
 * load balancer addresses from outside; pod IPs directly. Every packet is a traced message;
 * `cb` runs when curl would print. Throws an Error (user-facing) if the source pod is not running.
 */
export function sendRequest(c: ClusterImpl, opts: RequestOptions, cb: (r: RequestResult) => void): void {
  const origin = originOf(c, opts.from);
  new Journey(c, origin, opts, cb).start();
}

class Journey {
  private readonly hops: Hop[] = [];
  private readonly started: number;
  private readonly originId: ComponentId;
  private done = false;
  private connectTimer: Timer | undefined;
  private url: ParsedUrl | undefined;

  constructor(
    private readonly c: ClusterImpl,
    private readonly origin: Origin,
    private readonly opts: RequestOptions,
    private readonly cb: (r: RequestResult) => void,
  ) {
    this.started = c.kernel.now;
    this.originId = origin.node ? podsOf(origin.node.name) : OUTSIDE_CLIENT;
  }

  start(): void {
    const url = parseUrl(this.opts.url);
    this.url = url;
    if (!url) return this.later(0, () => this.fail(CURL_EXIT.malformedUrl, curlErrors.malformedUrl()));
    if (isIPv4(url.host)) return this.connect(url.host);
    if (url.host === "localhost" && this.origin.podName) return this.connect(this.origin.ip);
    // Outside the cluster nobody knows cluster names.
    if (!this.origin.node) return this.later(1, () => this.fail(CURL_EXIT.couldNotResolveHost, curlErrors.couldNotResolve(url.host)));
    this.resolve(this.origin.node, url.host, 1);
  }

  // ---- DNS: the query goes to the kube-dns ClusterIP, through this node's rules, to a CoreDNS pod ----

  private resolve(node: NodeMachine, name: string, attempt: number): void {
    const host = this.url!.host;
    const dns = node.proxy.rules.services.find((s) => s.clusterIP === DNS_SERVICE_IP && s.port === 53 && s.protocol === "UDP");
    const ep = dns ? pickEndpoint(dns, this.c.kernel.rng.next()) : undefined;
    const server = ep?.nodeName ? this.c.machines.get(ep.nodeName) : undefined;
    const answers = ep !== undefined && this.c.coredns.running && (!server || reachable(node, server));
    this.send("dns", this.originId, "coredns", `DNS A? ${name}`, `The pod asks the cluster DNS (${DNS_SERVICE_IP}, the kube-dns Service) for ${name}; kube-proxy's rules on ${node.name} send the query to ${ep ? `CoreDNS at ${ep.ip}` : "no CoreDNS pod at all"}.`, this.latency(node.name, ep?.nodeName), () => {
      const answer = answers ? this.c.coredns.lookup(name, this.origin.namespace) : "timeout";
      if (answer === "timeout") {
        // No reply: the resolver waits out its timeout, then tries again.
        this.later(RESOLVER_TIMEOUT_MS, () => {
          if (attempt < RESOLVER_ATTEMPTS) this.resolve(node, name, attempt + 1);
          else this.fail(CURL_EXIT.couldNotResolveHost, curlErrors.couldNotResolve(host));
        });
        return;
      }
      const text = answer.rcode === "NOERROR" ? `${answer.name}. A ${answer.addresses.join(", ")}` : `${name}: NXDOMAIN`;
      const narration = answer.rcode === "NOERROR" ? `CoreDNS answers from its watched Services: ${answer.name} is ${answer.addresses[0]}.` : `CoreDNS knows no Service called ${name} in the search path: NXDOMAIN.`;
      this.send("dns", "coredns", this.originId, text, narration, this.latency(ep?.nodeName, node.name), () => {
        if (answer.rcode !== "NOERROR" || !answer.addresses.length) return this.fail(CURL_EXIT.couldNotResolveHost, curlErrors.couldNotResolve(host));
        this.connect(answer.addresses[0]);
      });
    });
  }

  // ---- TCP connect: where does the destination IP lead from here? ----

  private connect(ip: string): void {
    const url = this.url!;
    this.connectTimer = this.c.kernel.after(this.opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, () => {
      this.connectTimer = undefined;
      this.fail(CURL_EXIT.operationTimedOut, curlErrors.timeout(url.host, url.port, this.c.kernel.now - this.started));
    });
    const node = this.origin.node;
    if (node) {
      const svc = node.proxy.rules.services.find((s) => (s.clusterIP === ip || s.loadBalancerIPs.includes(ip)) && s.port === url.port && s.protocol === "TCP");
      if (svc) {
        const how = svc.clusterIP === ip ? `ClusterIP ${ip}:${url.port}` : `load balancer IP ${ip}:${url.port} (kube-proxy short-circuits it inside the cluster)`;
        return this.send("traffic", this.originId, node.proxy.id, `${ip}:${url.port} → ${svc.chain}`, `The connection to ${how} hits the iptables rules kube-proxy programmed on ${node.name}: KUBE-SERVICES → ${svc.chain} (${svc.name}).`, 0, () => this.toEndpoint(node, svc, this.origin.ip));
      }
      if (node.proxy.rules.services.some((s) => s.clusterIP === ip)) return; // a ClusterIP on a port no Service serves: nothing answers
    }
    const lb = this.c.cloud.loadBalancers().find((l) => l.ip === ip);
    if (lb) return this.viaLoadBalancer(lb.ip, lb.nodes, lb.ports.find((p) => p.port === url.port && p.protocol === "TCP")?.nodePort);
    const nodeTarget = machineByNodeIP(this.c, ip);
    if (nodeTarget) {
      return this.send("traffic", this.originId, nodeTarget.proxy.id, `${ip}:${url.port}`, `The connection goes to node ${nodeTarget.name} at ${ip}:${url.port}; that node's kube-proxy rules handle NodePorts.`, this.latency(node?.name, nodeTarget.name), () => {
        if (reachable(node, nodeTarget)) this.viaNodePort(nodeTarget);
      });
    }
    if (!node) return; // ClusterIPs and pod IPs are not routable from outside the cluster
    const target = podEndpoint(this.c, ip);
    if (target) return this.toPod(node, ip, url.port, this.origin.ip, this.originId);
  }

  private viaLoadBalancer(ip: string, backends: readonly string[], nodePort: number | undefined): void {
    const url = this.url!;
    // The cloud's health checks leave out nodes whose kube-proxy does not answer.
    const healthy = backends.map((n) => this.c.machines.get(n)).filter((m): m is NodeMachine => m !== undefined && m.state === "running" && m.proxy.running);
    this.send("traffic", this.originId, "cloud", `${ip}:${url.port}`, `The connection reaches the cloud load balancer ${ip}:${url.port}, which forwards to one of its ${healthy.length} healthy backend nodes.`, this.latency(undefined, "cloud"), () => {
      if (!healthy.length || nodePort === undefined) return;
      const target = this.c.kernel.rng.pick(healthy);
      this.send("traffic", "cloud", target.proxy.id, `→ ${target.name}:${nodePort}`, `The load balancer sends it to ${target.name} (${target.spec.internalIP}) on NodePort ${nodePort}.`, this.latency(undefined, target.name), () => {
        if (reachable(undefined, target)) this.viaNodePort(target, nodePort);
      });
    });
  }

  /** On the receiving node: KUBE-NODEPORTS → the Service's chain, source NATed to the node (externalTrafficPolicy Cluster). */
  private viaNodePort(node: NodeMachine, port = this.url!.port): void {
    const svc = node.proxy.rules.services.find((s) => s.nodePort === port && s.protocol === "TCP");
    if (!svc) return this.refuse(node.proxy.id); // nothing listens on that port: RST
    this.toEndpoint(node, svc, node.spec.internalIP);
  }

  /** The Service chain picks an endpoint at random (`statistic --mode random`); no endpoint: REJECT. */
  private toEndpoint(node: NodeMachine, svc: ProxyServicePort, clientIp: string): void {
    const ep = pickEndpoint(svc, this.c.kernel.rng.next());
    if (!ep) return this.refuse(node.proxy.id);
    this.toPod(node, ep.ip, ep.port, clientIp, node.proxy.id, ep.chain);
  }

  private toPod(node: NodeMachine, ip: string, port: number, clientIp: string, from: ComponentId, chain?: string): void {
    const url = this.url!;
    const target = podEndpoint(this.c, ip);
    const to = target ? podsOf(target.machine.name) : from;
    const via = chain ? ` via ${chain}` : "";
    const narration = target ? `The packet is DNATed${via} to pod ${target.namespace}/${target.pod} at ${ip}:${port} on ${target.machine.name}.` : `The packet is sent${via} to ${ip}:${port}, but no pod holds that address any more.`;
    this.send("traffic", from, to, `GET ${url.path} → ${ip}:${port}`, narration, this.latency(node.name, target?.machine.name), () => {
      if (!target || !reachable(node, target.machine)) return; // silence: the connect times out
      const proc = listener(target.machine, target.podUid, target.sandboxId, port);
      const out = proc ? proc.http({ method: "GET", path: url.path, port, clientIp, userAgent: CURL_USER_AGENT, host: url.hostHeader }) : { kind: "refused" as const };
      if (out.kind === "refused") return this.refuse(to);
      if (out.kind === "eof") return this.finish({ ok: false, exitCode: CURL_EXIT.emptyReply, error: curlErrors.emptyReply() });
      this.send("traffic", to, this.originId, `HTTP/1.1 ${out.status}`, `Pod ${target.namespace}/${target.pod} answers ${out.status} (${out.bytes} bytes); the reply retraces the connection back to the client.`, this.latency(target.machine.name, this.origin.node?.name), () => {
        this.finish({ ok: true, exitCode: 0, status: out.status, body: out.body, servedBy: `${target.namespace}/${target.pod}` });
      });
    });
  }

  /** A RST or ICMP port-unreachable comes back: curl gives up at once. */
  private refuse(from: ComponentId): void {
    const url = this.url!;
    this.send("traffic", from, this.originId, "connection refused", `Nothing accepts connections on port ${url.port} there, so the client gets a reset.`, 1, () => {
      this.fail(CURL_EXIT.couldNotConnect, curlErrors.refused(url.host, url.port, this.c.kernel.now - this.started));
    });
  }

  // ---- plumbing ----

  /** Same node: the packet never leaves the machine; otherwise one network hop. */
  private latency(a: string | undefined, b: string | undefined): number {
    if (a !== undefined && a === b) return 0;
    return draw(this.c.kernel.rng, PROFILES[this.c.profile].network.hopMs);
  }

  private send(kind: "dns" | "traffic", from: ComponentId, to: ComponentId, what: string, narration: string, latency: number, deliver: () => void): void {
    if (this.done) return;
    this.hops.push({ from, to, what, kind });
    const pod = this.origin.podName;
    this.c.kernel.send(latency, () => ({ from, to, kind, verb: kind === "dns" ? "query" : "GET", summary: what, narration, ...(pod ? { resource: "pods", namespace: this.origin.namespace, name: pod } : {}) }), () => {
      if (!this.done) deliver();
    });
  }

  private later(ms: number, fn: () => void): void {
    this.c.kernel.after(ms, () => {
      if (!this.done) fn();
    });
  }

  private fail(exitCode: number, error: string): void {
    this.finish({ ok: false, exitCode, error });
  }

  private finish(r: Omit<RequestResult, "hops" | "elapsedMs">): void {
    if (this.done) return;
    this.done = true;
    this.connectTimer?.cancel();
    this.cb({ ...r, elapsedMs: this.c.kernel.now - this.started, hops: this.hops });
  }
}
