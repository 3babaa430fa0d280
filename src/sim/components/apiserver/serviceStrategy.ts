import type { Service, StatusCause } from "../../api/types";
import { ServiceAllocator } from "./ipAllocator";

/**
 * ClusterIP and NodePort allocation, as the Service REST storage does it: requested values are
 * reserved or rejected with the real field errors; missing ones are allocated.
 */
export function allocateServiceAddresses(svc: Service, alloc: ServiceAllocator, old?: Service): Service | StatusCause[] {
  const spec = { ...svc.spec };
  const causes: StatusCause[] = [];
  const reservedIps: string[] = [];
  const reservedPorts: number[] = [];
  if (spec.type !== "ExternalName") {
    const requested = spec.clusterIP ?? old?.spec.clusterIP;
    if (old?.spec.clusterIP) {
      spec.clusterIP = old.spec.clusterIP;
    } else if (requested === "None") {
      spec.clusterIP = "None";
    } else if (requested) {
      if (!ServiceAllocator.inRange(requested)) {
        causes.push({ reason: "FieldValueInvalid", field: "spec.clusterIPs", message: `Invalid value: []string{"${requested}"}: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is 10.96.0.0/12` });
      } else if (!alloc.reserveIp(requested)) {
        causes.push({ reason: "FieldValueInvalid", field: "spec.clusterIPs", message: `Invalid value: []string{"${requested}"}: failed to allocate IP ${requested}: provided IP is already allocated` });
      } else reservedIps.push(requested);
    } else {
      spec.clusterIP = alloc.allocateIp();
      reservedIps.push(spec.clusterIP);
    }
    if (spec.clusterIP && !causes.length) spec.clusterIPs = [spec.clusterIP];
  }
  const wantsNodePorts = spec.type === "NodePort" || spec.type === "LoadBalancer";
  spec.ports = (spec.ports ?? []).map((p, i) => {
    if (!wantsNodePorts) {
      const { nodePort: _drop, ...rest } = p;
      return rest;
    }
    const previous = old?.spec.ports?.find((o) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"))?.nodePort;
    if (p.nodePort && p.nodePort === previous) return p;
    if (p.nodePort) {
      if (p.nodePort < 30000 || p.nodePort > 32767) {
        causes.push({ reason: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is 30000-32767` });
      } else if (!alloc.reservePort(p.nodePort)) {
        causes.push({ reason: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` });
      } else reservedPorts.push(p.nodePort);
      return p;
    }
    if (previous) return { ...p, nodePort: previous };
    const nodePort = alloc.allocatePort();
    reservedPorts.push(nodePort);
    return { ...p, nodePort };
  });
  if (causes.length) {
    reservedIps.forEach((ip) => alloc.releaseIp(ip));
    reservedPorts.forEach((p) => alloc.releasePort(p));
    return causes;
  }
  const next: Service = { ...svc, spec };
  if (spec.type === "LoadBalancer" && !next.status) next.status = { loadBalancer: {} };
  if (!next.status) next.status = { loadBalancer: {} };
  return next;
}

export function releaseServiceAddresses(svc: Service, alloc: ServiceAllocator): void {
  if (svc.spec.clusterIP && svc.spec.clusterIP !== "None") alloc.releaseIp(svc.spec.clusterIP);
  for (const p of svc.spec.ports ?? []) if (p.nodePort) alloc.releasePort(p.nodePort);
}
