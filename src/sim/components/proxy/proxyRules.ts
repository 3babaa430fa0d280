import type { EndpointSlice, Service } from "../../api/types";

export type ProxyMode = "iptables" | "ipvs";

export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  /** KUBE-SEP-… (iptables mode). */
  chain: string;
}

export interface ProxyServicePort {
  /** `default/web:http` — kube-proxy's ServicePortName. */
  name: string;
  namespace: string;
  service: string;
  portName: string;
  clusterIP: string;
  port: number;
  protocol: string;
  nodePort?: number;
  loadBalancerIPs: string[];
  /** KUBE-SVC-… (iptables mode). */
  chain: string;
  endpoints: ProxyEndpoint[];
}

/** The rules one kube-proxy has programmed on its node. */
export interface ProxyRules {
  mode: ProxyMode;
  services: ProxyServicePort[];
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * kube-proxy names chains with base32(sha256(servicePortName + protocol [+ endpoint]))[:16].
 * We keep the shape with a 64-bit FNV-1a digest: same input, same chain name, every run.
 */
export function chainName(prefix: "KUBE-SVC-" | "KUBE-SEP-" | "KUBE-EXT-" | "KUBE-FW-", input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  let out = "";
  let bits = h1;
  for (let i = 0; i < 16; i++) {
    if (i === 6) bits = h2;
    out += BASE32[bits & 31];
    bits >>>= 5;
  }
  return prefix + out;
}

/** Services × EndpointSlices → the rules kube-proxy programs (only ready endpoints carry traffic). */
export function computeRules(mode: ProxyMode, services: Service[], slices: EndpointSlice[]): ProxyRules {
  const byService = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc) continue;
    const key = `${s.metadata.namespace}/${svc}`;
    const list = byService.get(key);
    if (list) list.push(s);
    else byService.set(key, [s]);
  }
  const out: ProxyServicePort[] = [];
  for (const svc of services) {
    const clusterIP = svc.spec.clusterIP;
    if (!clusterIP || clusterIP === "None" || svc.spec.type === "ExternalName") continue;
    const ns = svc.metadata.namespace ?? "default";
    const svcName = svc.metadata.name ?? "";
    const ports = svc.spec.ports;
    if (!ports?.length) continue;
    const svcSlices = byService.get(`${ns}/${svcName}`);
    const ingress = svc.status?.loadBalancer?.ingress;
    for (const p of ports) {
      const protocol = p.protocol ?? "TCP";
      const portName = p.name ?? "";
      const name = portName ? `${ns}/${svcName}:${portName}` : `${ns}/${svcName}`;
      const endpoints: ProxyEndpoint[] = [];
      if (svcSlices) {
        for (const slice of svcSlices) {
          const port = slicePort(slice, portName, protocol);
          if (!port) continue;
          for (const e of slice.endpoints) {
            const ready = e.conditions.ready !== false;
            for (const ip of e.addresses) endpoints.push({ ip, port, nodeName: e.nodeName, ready, chain: chainName("KUBE-SEP-", `${name}${protocol}${ip}:${port}`) });
          }
        }
      }
      if (endpoints.length > 1) endpoints.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
      const loadBalancerIPs: string[] = [];
      if (ingress) for (const i of ingress) if (i.ip) loadBalancerIPs.push(i.ip);
      out.push({
        name,
        namespace: ns,
        service: svcName,
        portName,
        clusterIP,
        port: p.port,
        protocol,
        nodePort: p.nodePort,
        loadBalancerIPs,
        chain: chainName("KUBE-SVC-", name + protocol),
        endpoints,
      });
    }
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { mode, services: out };
}

/** The slice's port number for a service port (by name and protocol), or undefined. */
function slicePort(slice: EndpointSlice, portName: string, protocol: string): number | undefined {
  const ports = slice.ports;
  if (!ports) return undefined;
  for (const x of ports) if ((x.name ?? "") === portName && (x.protocol ?? "TCP") === protocol) return x.port ?? undefined;
  return undefined;
}

/** Picks the endpoint a new connection goes to, as iptables' `statistic --mode random` would. */
export function pickEndpoint(sp: ProxyServicePort, random: number): ProxyEndpoint | undefined {
  const ready = sp.endpoints.filter((e) => e.ready);
  if (!ready.length) return undefined;
  return ready[Math.min(ready.length - 1, Math.floor(random * ready.length))];
}
