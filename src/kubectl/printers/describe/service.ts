/** `kubectl describe service` (describe.go describeService, formatEndpointSlices). */
import type { EndpointSlice, KubeEvent, Service } from "../../../sim/api/types";
import { formatLabels } from "../../format";
import { DescribeWriter, LEVEL_0 } from "./describeWriter";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./fields";

/** formatEndpointSlices for one service port name: ready `ip:port` addresses, first 3 then ` + N more...`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions.ready === false) continue;
        const addr = ep.addresses[0];
        if (!more) list.push(addr.includes(":") ? `[${addr}]:${port.port}` : `${addr}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export interface ServiceRelated {
  /** EndpointSlices labelled kubernetes.io/service-name=<service>. */
  endpointSlices: readonly EndpointSlice[];
  events?: readonly KubeEvent[];
}

export function describeService(svc: Service, related: ServiceRelated, now: number): string {
  const w = new DescribeWriter();
  const spec = svc.spec;
  w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
  const externalIPs = (spec as { externalIPs?: string[] }).externalIPs ?? [];
  if (externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${externalIPs.join(",")}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress
      .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? "")))
      .join(", ");
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
  }
  for (const sp of spec.ports ?? []) {
    const name = sp.name || "<unset>";
    const proto = sp.protocol ?? "TCP";
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(related.endpointSlices, sp.name ?? "")}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy)
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (related.events) describeEvents(w, related.events, now);
  return w.toString();
}
