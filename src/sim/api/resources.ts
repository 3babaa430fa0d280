// The resource registry: what kube-apiserver's discovery document says about every kind we
// serve, and how kubectl resolves the names users type (`po`, `deploy`, `deployments.apps`).

export interface ResourceInfo {
  kind: string;
  /** Plural, lower case: the REST path segment (`pods`, `deployments`). */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  /** API group; "" for the core group. */
  group: string;
  version: string;
  /** `v1`, `apps/v1`, `discovery.k8s.io/v1` … */
  apiVersion: string;
  namespaced: boolean;
  /** etcd key prefix without a trailing slash (`/registry/pods`). */
  etcdPrefix: string;
  /** Served read-only (a view derived from other objects, such as v1 Endpoints). */
  readOnly?: boolean;
  /** Deprecation warning kubectl prints when the resource is used. */
  warning?: string;
  /** Discovery categories (`kubectl get all`). */
  categories?: readonly string[];
}

function r(
  kind: string,
  resource: string,
  shortNames: string[],
  group: string,
  namespaced: boolean,
  etcdPrefix: string,
  extra: Partial<ResourceInfo> = {},
): ResourceInfo {
  const version = "v1";
  return {
    kind,
    resource,
    singular: kind.toLowerCase(),
    shortNames,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    namespaced,
    etcdPrefix,
    ...extra,
  };
}

/**
 * Every served resource, in the order `kubectl api-resources` prints them (core group first,
 * then groups alphabetically; resources alphabetically within a group).
 * etcd prefixes follow kube-apiserver's storage: nodes live under `minions`, services under
 * `services/specs` and v1 Endpoints under `services/endpoints`.
 */
export const RESOURCES: readonly ResourceInfo[] = [
  r("ConfigMap", "configmaps", ["cm"], "", true, "/registry/configmaps"),
  r("Endpoints", "endpoints", ["ep"], "", true, "/registry/services/endpoints", {
    singular: "endpoints",
    readOnly: true,
    warning: "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
  }),
  r("Event", "events", ["ev"], "", true, "/registry/events"),
  r("Namespace", "namespaces", ["ns"], "", false, "/registry/namespaces"),
  r("Node", "nodes", ["no"], "", false, "/registry/minions"),
  r("Pod", "pods", ["po"], "", true, "/registry/pods", { categories: ["all"] }),
  r("Secret", "secrets", [], "", true, "/registry/secrets"),
  r("ServiceAccount", "serviceaccounts", ["sa"], "", true, "/registry/serviceaccounts"),
  r("Service", "services", ["svc"], "", true, "/registry/services/specs", { categories: ["all"] }),
  r("ControllerRevision", "controllerrevisions", [], "apps", true, "/registry/controllerrevisions"),
  r("DaemonSet", "daemonsets", ["ds"], "apps", true, "/registry/daemonsets", { categories: ["all"] }),
  r("Deployment", "deployments", ["deploy"], "apps", true, "/registry/deployments", { categories: ["all"] }),
  r("ReplicaSet", "replicasets", ["rs"], "apps", true, "/registry/replicasets", { categories: ["all"] }),
  r("Lease", "leases", [], "coordination.k8s.io", true, "/registry/leases"),
  r("EndpointSlice", "endpointslices", [], "discovery.k8s.io", true, "/registry/endpointslices"),
  r("PodDisruptionBudget", "poddisruptionbudgets", ["pdb"], "policy", true, "/registry/poddisruptionbudgets"),
];

// Lookup tables built once: every accepted spelling → resource (lower-cased).
const byName = new Map<string, ResourceInfo[]>();
const byResource = new Map<string, ResourceInfo>();
const byGvk = new Map<string, ResourceInfo>();
// The same by apiVersion, then kind: validation looks every written object up without building a string.
const byVersionKind = new Map<string, Map<string, ResourceInfo>>();
for (const info of RESOURCES) {
  byResource.set(info.resource, info);
  byGvk.set(`${info.apiVersion}/${info.kind}`, info);
  let kinds = byVersionKind.get(info.apiVersion);
  if (!kinds) byVersionKind.set(info.apiVersion, (kinds = new Map()));
  kinds.set(info.kind, info);
  for (const name of new Set([info.resource, info.singular, info.kind.toLowerCase(), ...info.shortNames])) {
    const list = byName.get(name) ?? [];
    list.push(info);
    byName.set(name, list);
  }
}

/**
 * Resolves what a user typed after `kubectl get` the way kubectl's RESTMapper does:
 * plural, singular, kind or short name, case-insensitively, optionally qualified by group
 * (`deployments.apps`) or version and group (`deployments.v1.apps`). Core resources win when a
 * name is ambiguous. Returns undefined for an unknown name (kubectl then prints
 * `error: the server doesn't have a resource type "foo"`).
 */
export function resourceFor(input: string): ResourceInfo | undefined {
  const lower = input.trim().toLowerCase();
  if (!lower) return undefined;
  const direct = byName.get(lower);
  if (direct) return direct[0];
  const dot = lower.indexOf(".");
  if (dot <= 0) return undefined;
  const name = lower.slice(0, dot);
  let rest = lower.slice(dot + 1);
  let version: string | undefined;
  const versionMatch = /^(v\d+(?:(?:alpha|beta)\d+)?)(?:\.(.*))?$/.exec(rest);
  if (versionMatch) {
    version = versionMatch[1];
    rest = versionMatch[2] ?? "";
  }
  const candidates = byName.get(name) ?? [];
  return candidates.find((c) => c.group === rest && (version === undefined || c.version === version));
}

/**
 * The resources of a discovery category in the order kubectl lists them:
 * `all` → pods, services, daemonsets, deployments, replicasets.
 */
export function resourcesInCategory(category: string): ResourceInfo[] {
  return RESOURCES.filter((info) => info.categories?.includes(category));
}

/** The resource for a manifest's apiVersion and kind, or undefined (`no matches for kind "Foo" in version "v1"`). */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  // A miss may still be a match of the joined string (`apps` + `v1/Deployment`).
  return byVersionKind.get(apiVersion)?.get(kind) ?? byGvk.get(`${apiVersion}/${kind}`);
}

/** The resource for a plural REST name (`pods`, `deployments`), as ApiRequest.resource carries it. */
export function resourceByPlural(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

/** `/registry/pods/default/web-1`, `/registry/minions/worker-1`; the prefix alone when name is omitted. */
export function etcdKey(resource: ResourceInfo, namespace: string | undefined, name?: string): string {
  const base = resource.namespaced && namespace ? `${resource.etcdPrefix}/${namespace}` : resource.etcdPrefix;
  return name === undefined ? base : `${base}/${name}`;
}

/** `deployment.apps`, `service`, `pod`: the prefix kubectl prints in `deployment.apps/web created`. */
export function qualifiedName(resource: ResourceInfo): string {
  return resource.group ? `${resource.singular}.${resource.group}` : resource.singular;
}

/** `deployments.apps`, `pods`: schema.GroupResource.String(), used in `deployments.apps "web" not found`. */
export function groupResource(resource: ResourceInfo): string {
  return resource.group ? `${resource.resource}.${resource.group}` : resource.resource;
}

/** `Deployment.apps`, `Pod`: schema.GroupKind.String(), used in the Invalid status message. */
export function groupKind(resource: ResourceInfo): string {
  return resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
}

export interface ApiResourceRow {
  name: string;
  shortNames: string;
  apiVersion: string;
  namespaced: string;
  kind: string;
}

/** The rows of `kubectl api-resources` (NAME SHORTNAMES APIVERSION NAMESPACED KIND). */
export function apiResourceRows(): ApiResourceRow[] {
  return RESOURCES.map((info) => ({
    name: info.resource,
    shortNames: info.shortNames.join(","),
    apiVersion: info.apiVersion,
    namespaced: String(info.namespaced),
    kind: info.kind,
  }));
}
