import type { EndpointSlice, Service } from "../../api/types";

export const CLUSTER_DOMAIN = "cluster.local";
export const DNS_SERVICE_IP = "10.96.0.10";

export interface DnsAnswer {
  rcode: "NOERROR" | "NXDOMAIN";
  /** The fully qualified name that matched (or the last one tried). */
  name: string;
  addresses: string[];
}

/** The search path a pod's /etc/resolv.conf carries (dnsPolicy ClusterFirst). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

export function resolvConf(namespace: string): string {
  return `search ${searchPath(namespace).join(" ")}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`;
}

/**
 * CoreDNS's kubernetes plugin, for A records: `<svc>.<ns>.svc.cluster.local` → the ClusterIP,
 * or the ready endpoints' addresses for a headless Service. Names with fewer than 5 dots go
 * through the search path first, as the resolver does with ndots:5.
 */
export function resolve(query: string, clientNamespace: string, services: (ns: string, name: string) => Service | undefined, slices: (ns: string, svc: string) => EndpointSlice[]): DnsAnswer {
  const q = query.replace(/\.$/, "");
  const candidates = q.split(".").length - 1 >= 5 || query.endsWith(".") ? [q] : [...searchPath(clientNamespace).map((s) => `${q}.${s}`), q];
  let last = candidates[candidates.length - 1];
  for (const fqdn of candidates) {
    last = fqdn;
    const m = new RegExp(`^([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc\\.${CLUSTER_DOMAIN.replace(".", "\\.")}$`).exec(fqdn);
    if (!m) continue;
    const svc = services(m[2], m[1]);
    if (!svc) continue;
    if (svc.spec.clusterIP === "None") {
      const addresses = slices(m[2], m[1]).flatMap((s) => s.endpoints.filter((e) => e.conditions.ready !== false).flatMap((e) => e.addresses)).sort();
      return { rcode: addresses.length ? "NOERROR" : "NXDOMAIN", name: fqdn, addresses };
    }
    if (svc.spec.clusterIP) return { rcode: "NOERROR", name: fqdn, addresses: [svc.spec.clusterIP] };
  }
  return { rcode: "NXDOMAIN", name: last, addresses: [] };
}

/** What `nslookup NAME` prints inside a pod. */
export function formatNslookup(query: string, answer: DnsAnswer | "timeout"): string {
  if (answer === "timeout") return ";; connection timed out; no servers could be reached\n\n";
  const head = `Server:\t\t${DNS_SERVICE_IP}\nAddress:\t${DNS_SERVICE_IP}#53\n\n`;
  if (answer.rcode === "NXDOMAIN") return `${head}** server can't find ${query}: NXDOMAIN\n\n`;
  return head + answer.addresses.map((a) => `Name:\t${answer.name}\nAddress: ${a}\n`).join("") + "\n";
}
