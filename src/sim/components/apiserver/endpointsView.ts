import type { EndpointAddress, EndpointSlice, Endpoints, KubeObject } from "../../api/types";
import type { EtcdStore } from "../etcd";

/**
 * core/v1 Endpoints, deprecated since v1.33, served as a read-only view of each Service's
 * EndpointSlices (what the endpoints controller would have mirrored): ready addresses,
 * not-ready addresses, and the ports.
 */
export function endpointsView(store: EtcdStore, namespace: string | undefined): Endpoints[] {
  const prefix = namespace ? `/registry/endpointslices/${namespace}/` : "/registry/endpointslices/";
  const byService = new Map<string, EndpointSlice[]>();
  for (const e of store.range(prefix)) {
    const slice = e.value as EndpointSlice;
    const svc = slice.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc) continue;
    const key = `${slice.metadata.namespace}/${svc}`;
    byService.set(key, [...(byService.get(key) ?? []), slice]);
  }
  const out: Endpoints[] = [];
  for (const [key, slices] of [...byService].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [ns, name] = key.split("/");
    const svc = store.get(`/registry/services/specs/${ns}/${name}`)?.value as KubeObject | undefined;
    if (!svc) continue;
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const s of slices) {
      for (const ep of s.endpoints) {
        for (const ip of ep.addresses) {
          const addr: EndpointAddress = { ip, ...(ep.nodeName ? { nodeName: ep.nodeName } : {}), ...(ep.targetRef ? { targetRef: ep.targetRef } : {}) };
          (ep.conditions.ready !== false ? ready : notReady).push(addr);
        }
      }
    }
    const ports = (slices[0].ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port ?? 0, protocol: p.protocol ?? "TCP" }));
    const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined;
    out.push({
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name, namespace: ns, creationTimestamp: svc.metadata.creationTimestamp, labels: svc.metadata.labels, resourceVersion: slices[0].metadata.resourceVersion, uid: svc.metadata.uid },
      ...(subsets ? { subsets } : {}),
    } as Endpoints);
  }
  return out;
}
