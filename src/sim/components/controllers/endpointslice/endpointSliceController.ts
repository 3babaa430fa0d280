import type { EndpointSlice, Node, Pod, Service } from "../../../api/types";
import { splitKey } from "../framework/keys";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { POD_LABEL_INDEX, SLICE_SERVICE_INDEX } from "./podIndexes";
import { endpointPorts, podToEndpoint, shouldPodBeInEndpoints } from "./podToEndpoint";
import { CONTROLLER_NAME, LABEL_MANAGED_BY, portsKey, reconcileSlices, type EndpointGroup } from "./sliceReconciler";

const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

function describeSlice(s: EndpointSlice): string {
  const ready = s.endpoints.filter((e) => e.conditions.ready).length;
  return `${s.endpoints.length} endpoint${s.endpoints.length === 1 ? "" : "s"} (${ready} ready)`;
}

/**
 * The EndpointSlice controller (endpointslice-controller): keeps the EndpointSlices of every
 * Service with a selector in step with the pods it selects. Services without a selector
 * (like `kubernetes`, whose slice kube-apiserver writes) are left alone.
 */
export class EndpointSliceController implements Reconciler {
  readonly name = "endpointslice-controller";

  sync(key: string, ctx: ReconcileContext): Plan {
    const { namespace, name } = splitKey(key);
    const service = ctx.lister<Service>("services").get(namespace, name);
    if (!service || !service.spec.selector || service.metadata.deletionTimestamp) return NOTHING;
    if (service.spec.type === "ExternalName") return NOTHING;
    // Slices it just created are not in the cache yet: wait for them rather than create twice.
    if (!ctx.expectations.satisfied(key)) return NOTHING;
    const selector = service.spec.selector;
    const pods = ctx.lister<Pod>("pods");
    const nodes = ctx.lister<Node>("nodes");
    const first = Object.entries(selector)[0];
    const candidates = first ? pods.byIndex(POD_LABEL_INDEX, `${namespace}/${first[0]}=${first[1]}`) : pods.list(namespace);

    const groups = new Map<string, EndpointGroup>();
    const sorted = candidates.filter((p) => selects(selector, p.metadata.labels) && shouldPodBeInEndpoints(p));
    sorted.sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
    for (const pod of sorted) {
      const ports = endpointPorts(pod, service);
      const k = portsKey(ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { ports, endpoints: [] }));
      g.endpoints.push(podToEndpoint(pod, pod.spec.nodeName ? nodes.get(undefined, pod.spec.nodeName) : undefined));
    }

    const existing = ctx
      .lister<EndpointSlice>("endpointslices")
      .byIndex(SLICE_SERVICE_INDEX, `${namespace}/${name}`)
      .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && !s.metadata.deletionTimestamp);
    const changes = reconcileSlices(service, [...groups.values()], existing, () => `${name}-${ctx.rng.string(SUFFIX_ALPHABET, 5)}`);

    const calls: PlannedCall[] = [];
    for (const s of changes.create) {
      calls.push({
        request: { verb: "create", resource: "endpointslices", namespace, body: s },
        why:
          s.endpoints.length === 0
            ? `Service ${name} selects no running pods yet, so endpointslice-controller creates an empty EndpointSlice ${s.metadata.name} for it.`
            : `Service ${name} selects pods not listed in any of its EndpointSlices, so endpointslice-controller creates ${s.metadata.name} with ${describeSlice(s)}.`,
      });
    }
    for (const s of changes.update) {
      calls.push({
        request: { verb: "update", resource: "endpointslices", namespace, name: s.metadata.name, body: s, resourceVersion: s.metadata.resourceVersion },
        why: `The pods behind Service ${name} changed (came, went, or turned ready or unready), so endpointslice-controller updates EndpointSlice ${s.metadata.name} to ${describeSlice(s)}.`,
      });
    }
    for (const s of changes.delete) {
      calls.push({
        request: { verb: "delete", resource: "endpointslices", namespace, name: s.metadata.name },
        why: `EndpointSlice ${s.metadata.name} is no longer needed for Service ${name}, so endpointslice-controller deletes it.`,
        okStatuses: [404],
      });
    }
    if (calls.length === 0) return NOTHING;
    return { calls, execution: "concurrent", ...(changes.create.length > 0 ? { expectations: { key, creates: changes.create.length } } : {}) };
  }
}
