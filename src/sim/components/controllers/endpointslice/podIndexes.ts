import type { EndpointSlice, KubeObject, Pod, Service } from "../../../api/types";

/** Pods by `namespace/key=value` for each label: candidate pods for a Service's selector without a full scan. */
export const POD_LABEL_INDEX = "endpointslice:podLabel";
/** Services by `namespace/key=value` for each selector entry: the Services that may select a pod. */
export const SERVICE_SELECTOR_INDEX = "endpointslice:serviceSelector";
/** EndpointSlices by `namespace/service-name`. */
export const SLICE_SERVICE_INDEX = "endpointslice:service";

const NO_KEYS: readonly string[] = [];
/** Objects are never changed in place and a pod's labels object survives status updates: compute once per labels object. */
const labelKeysCache = new WeakMap<object, { ns: string; keys: readonly string[] }>();

/** The pod's labels as `namespace/key=value` (a shared array: callers must not change it). */
export function podLabelKeys(obj: KubeObject): readonly string[] {
  const ns = obj.metadata.namespace ?? "";
  const labels = (obj as Pod).metadata.labels;
  if (!labels) return NO_KEYS;
  const hit = labelKeysCache.get(labels);
  if (hit && hit.ns === ns) return hit.keys;
  const keys = Object.entries(labels).map(([k, v]) => `${ns}/${k}=${v}`);
  labelKeysCache.set(labels, { ns, keys });
  return keys;
}

export function serviceSelectorKeys(obj: KubeObject): string[] {
  const ns = obj.metadata.namespace ?? "";
  const sel = (obj as Service).spec?.selector;
  if (!sel) return [];
  const entries = Object.entries(sel);
  // An empty selector selects every pod in the namespace.
  if (entries.length === 0) return [`${ns}/*`];
  return entries.map(([k, v]) => `${ns}/${k}=${v}`);
}

export function sliceServiceKeys(obj: KubeObject): string[] {
  const name = (obj as EndpointSlice).metadata.labels?.["kubernetes.io/service-name"];
  return name ? [`${obj.metadata.namespace ?? ""}/${name}`] : [];
}

export const ENDPOINTSLICE_INDEXES = {
  [POD_LABEL_INDEX]: podLabelKeys,
  [SERVICE_SELECTOR_INDEX]: serviceSelectorKeys,
  [SLICE_SERVICE_INDEX]: sliceServiceKeys,
};
