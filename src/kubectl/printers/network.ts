/** Services, EndpointSlices and core/v1 Endpoints (printers.go printService, printEndpointSlice, printEndpoints). */
import type { EndpointSlice, KubeObject, Service } from "../../sim/api/types";
import { formatLabels, translateTimestampSince } from "../format";
import { AGE, NAME, type TableDef } from "./tableDef";

/** Printed by kube-apiserver v1.33+ (as a warning header) for any request to v1 Endpoints. */
export const ENDPOINTS_DEPRECATION_WARNING =
  "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice";

/** core/v1 Endpoints, the legacy object `kubectl get endpoints` prints (not in the sim's types). */
export interface Endpoints extends KubeObject {
  kind: "Endpoints";
  subsets?: {
    addresses?: { ip: string; nodeName?: string }[];
    notReadyAddresses?: { ip: string; nodeName?: string }[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const seen = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) seen.add(ing.ip);
    else if (ing.hostname) seen.add(ing.hostname);
  }
  let r = [...seen].join(",");
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + "...";
  return r;
}

/** printers.go getServiceExternalIP (called with wide=true by printService). */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = (svc.spec as { externalIPs?: string[] }).externalIPs ?? [];
  switch (svc.spec.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerStatus(svc, true);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb.length > 0 ? lb : "<pending>";
    }
    case "ExternalName":
      return svc.spec.externalName ?? "";
    default:
      return "<unknown>";
  }
}

/** printers.go makePortString: `80/TCP`, `80:31234/TCP`, joined by ",". */
export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) =>
      p.nodePort && p.nodePort > 0
        ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}`
        : `${p.port}/${p.protocol ?? "TCP"}`,
    )
    .join(",");
}

export const serviceTable: TableDef<Service> = {
  columns: [
    NAME,
    { name: "Type" },
    { name: "Cluster-IP" },
    { name: "External-IP" },
    { name: "Port(s)" },
    AGE,
    { name: "Selector", wide: true },
  ],
  row(svc, now) {
    const clusterIP = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP;
    return [
      svc.metadata.name ?? "",
      svc.spec.type ?? "",
      clusterIP || "<none>",
      serviceExternalIP(svc),
      servicePorts(svc) || "<none>",
      translateTimestampSince(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec.selector),
    ];
  },
};

/** printers.go listWithMoreString: first 3, then ` + N more...`; `<unset>` when empty. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

export function formatDiscoveryPorts(ports: EndpointSlice["ports"]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < max)
      list.push(p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : "*");
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

export function formatDiscoveryEndpoints(endpoints: EndpointSlice["endpoints"]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of endpoints ?? []) {
    for (const addr of ep.addresses) {
      if (list.length < max) list.push(addr);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

export const endpointSliceTable: TableDef<EndpointSlice> = {
  columns: [NAME, { name: "AddressType" }, { name: "Ports" }, { name: "Endpoints" }, AGE],
  row(eps, now) {
    return [
      eps.metadata.name ?? "",
      eps.addressType,
      formatDiscoveryPorts(eps.ports),
      formatDiscoveryEndpoints(eps.endpoints),
      translateTimestampSince(eps.metadata.creationTimestamp, now),
    ];
  },
};

/** printers.go formatEndpoints (ports = nil: every port). */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip.includes(":") ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsTable: TableDef<Endpoints> = {
  columns: [NAME, { name: "Endpoints" }, AGE],
  row(ep, now) {
    return [
      ep.metadata.name ?? "",
      formatEndpoints(ep),
      translateTimestampSince(ep.metadata.creationTimestamp, now),
    ];
  },
};
