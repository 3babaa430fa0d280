import type { EndpointSlice, Pod, Service } from "../../../api/types";
import { keyFor, keyOf } from "../framework/keys";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { EndpointSliceController } from "./endpointSliceController";
import { POD_LABEL_INDEX, podLabelKeys, SERVICE_SELECTOR_INDEX, serviceSelectorKeys, SLICE_SERVICE_INDEX, sliceServiceKeys } from "./podIndexes";
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from "./sliceReconciler";

function readyOf(p: Pod): string | undefined {
  return p.status?.conditions?.find((c) => c.type === "Ready")?.status;
}

/** Pod changes an EndpointSlice can show: address, labels, readiness, termination, node. */
function endpointRelevant(a: Pod, b: Pod): boolean {
  return (
    a.status?.podIP !== b.status?.podIP ||
    readyOf(a) !== readyOf(b) ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    a.spec.nodeName !== b.spec.nodeName ||
    a.status?.phase !== b.status?.phase ||
    (a.metadata.labels !== b.metadata.labels && JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {}))
  );
}

function sameLabelKeys(a: Pod, b: Pod): boolean {
  const ka = podLabelKeys(a);
  const kb = podLabelKeys(b);
  return ka === kb || (ka.length === kb.length && ka.every((k, i) => k === kb[i]));
}

/** kube-controller-manager's "endpointslice" controller. */
export const endpointSliceControllerDefinition: ControllerDefinition = {
  name: "endpointslice",
  create(setup) {
    const runner = setup.run(new EndpointSliceController(), { workers: setup.config.concurrentServiceEndpointSyncs ?? 5 });
    const services = setup.informer<Service>("services");
    const pods = setup.informer<Pod>("pods");
    const slices = setup.informer<EndpointSlice>("endpointslices");
    setup.informer("nodes");
    pods.addIndex(POD_LABEL_INDEX, podLabelKeys, (p) => p.metadata.labels);
    services.addIndex(SERVICE_SELECTOR_INDEX, serviceSelectorKeys);
    slices.addIndex(SLICE_SERVICE_INDEX, sliceServiceKeys);

    /** Adds the Services whose selector may match this pod (by any of its labels, or an empty selector); the set is made on the first one. */
    const servicesFor = (pod: Pod, into: Set<string> | undefined): Set<string> | undefined => {
      const ns = pod.metadata.namespace ?? "";
      for (const k of podLabelKeys(pod)) for (const s of services.byIndex(SERVICE_SELECTOR_INDEX, k)) (into ??= new Set()).add(keyOf(s));
      for (const s of services.byIndex(SERVICE_SELECTOR_INDEX, `${ns}/*`)) (into ??= new Set()).add(keyOf(s));
      return into;
    };
    /** Enqueues the Services of the pod (and of its previous version, unless its labels were the same: the same Services, in the same order). */
    const enqueuePod = (p: Pod, old?: Pod) => {
      const keys = servicesFor(p, old && !sameLabelKeys(old, p) ? servicesFor(old, undefined) : undefined);
      if (keys) for (const k of keys) runner.enqueue(k);
    };

    services.addHandler({
      add: (s) => runner.enqueue(keyOf(s)),
      update: (_, s) => runner.enqueue(keyOf(s)),
      delete: (s) => runner.expectations.delete(keyOf(s)),
    });
    pods.addHandler({
      add: (p) => enqueuePod(p),
      update: (old, p) => {
        if (endpointRelevant(old, p)) enqueuePod(p, old);
      },
      delete: (p) => enqueuePod(p),
    });
    const sliceOwner = (s: EndpointSlice) => {
      const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
      return svc && s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME ? keyFor(s.metadata.namespace, svc) : undefined;
    };
    slices.addHandler({
      add: (s) => {
        const key = sliceOwner(s);
        if (!key) return;
        runner.expectations.creationObserved(key);
        runner.enqueue(key);
      },
      update: (_, s) => {
        const key = sliceOwner(s);
        if (key) runner.enqueue(key);
      },
      delete: (s) => {
        const key = sliceOwner(s);
        if (key) runner.enqueue(key);
      },
    });
  },
};
