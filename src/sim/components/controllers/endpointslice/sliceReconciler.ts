import type { Endpoint, EndpointSlice, Service } from "../../../api/types";
import type { SlicePort } from "./podToEndpoint";

export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
export const LABEL_HEADLESS = "service.kubernetes.io/headless";
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** Endpoints that share one set of ports, as one group of slices. */
export interface EndpointGroup {
  ports: SlicePort[];
  endpoints: Endpoint[];
}

export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

export const portsKey = (ports: readonly SlicePort[] | undefined): string =>
  JSON.stringify((ports ?? []).map((p) => [p.name ?? "", p.port ?? 0, p.protocol ?? "TCP"]).sort());

const endpointKey = (ep: Endpoint): string => ep.targetRef?.uid ?? `${ep.targetRef?.namespace}/${ep.targetRef?.name}`;

/** The labels every managed slice carries: the Service's own, plus service-name and managed-by. */
export function sliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = { ...service.metadata.labels, [LABEL_SERVICE_NAME]: service.metadata.name ?? "", [LABEL_MANAGED_BY]: CONTROLLER_NAME };
  if (service.spec.clusterIP === "None") labels[LABEL_HEADLESS] = "";
  return labels;
}

function newSlice(service: Service, name: string, ports: SlicePort[] | undefined, endpoints: Endpoint[]): EndpointSlice {
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name,
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      labels: sliceLabels(service),
      ownerReferences: [{ apiVersion: "v1", kind: "Service", name: service.metadata.name ?? "", uid: service.metadata.uid ?? "", controller: true, blockOwnerDeletion: true }],
    },
    addressType: "IPv4",
    endpoints,
  };
  if (ports) slice.ports = ports;
  return slice;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The endpointslice reconciler, simplified but stable: an endpoint stays in the slice it is
 * in (updated in place), removed endpoints leave, new ones fill slices with room (at most
 * `max` per slice) before new slices are made; slices left empty are deleted, and a Service
 * with no endpoints at all keeps one empty placeholder slice.
 */
export function reconcileSlices(service: Service, groups: readonly EndpointGroup[], existing: readonly EndpointSlice[], newName: () => string, max = MAX_ENDPOINTS_PER_SLICE): SliceChanges {
  const changes: SliceChanges = { create: [], update: [], delete: [] };
  const labels = sliceLabels(service);
  const total = groups.reduce((n, g) => n + g.endpoints.length, 0);

  if (total === 0) {
    // One placeholder: no ports, no endpoints.
    const keep = existing.find((s) => s.endpoints.length === 0 && !s.ports) ?? existing[0];
    for (const s of existing) if (s !== keep) changes.delete.push(s);
    if (!keep) changes.create.push(newSlice(service, newName(), undefined, []));
    else if (keep.endpoints.length > 0 || keep.ports || !same(keep.metadata.labels, labels)) {
      const { ports: _ports, ...rest } = keep;
      changes.update.push({ ...rest, metadata: { ...keep.metadata, labels }, endpoints: [] });
    }
    return changes;
  }

  const byPorts = new Map<string, EndpointGroup>();
  for (const g of groups) if (g.endpoints.length > 0) byPorts.set(portsKey(g.ports), g);

  for (const [key, group] of byPorts) {
    const want = new Map(group.endpoints.map((e) => [endpointKey(e), e]));
    const slices = existing.filter((s) => s.ports && portsKey(s.ports) === key);
    const placed = new Set<string>();
    const kept: { slice: EndpointSlice; endpoints: Endpoint[] }[] = [];
    for (const s of slices) {
      const endpoints: Endpoint[] = [];
      for (const ep of s.endpoints) {
        const k = endpointKey(ep);
        const next = want.get(k);
        if (next && !placed.has(k)) {
          endpoints.push(next);
          placed.add(k);
        }
      }
      kept.push({ slice: s, endpoints });
    }
    const unplaced = group.endpoints.filter((e) => !placed.has(endpointKey(e)));
    for (const k of kept) {
      while (unplaced.length > 0 && k.endpoints.length < max) k.endpoints.push(unplaced.shift() as Endpoint);
    }
    for (const k of kept) {
      if (k.endpoints.length === 0) changes.delete.push(k.slice);
      else if (!same(k.endpoints, k.slice.endpoints) || !same(k.slice.metadata.labels, labels) || !same(k.slice.ports, group.ports)) {
        changes.update.push({ ...k.slice, metadata: { ...k.slice.metadata, labels }, ports: group.ports, endpoints: k.endpoints });
      }
    }
    while (unplaced.length > 0) changes.create.push(newSlice(service, newName(), group.ports, unplaced.splice(0, max)));
  }
  // Slices whose port set no longer exists (or old placeholders) go.
  for (const s of existing) if (!s.ports || !byPorts.has(portsKey(s.ports))) changes.delete.push(s);
  return changes;
}
