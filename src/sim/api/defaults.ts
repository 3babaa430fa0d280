// The apiserver's defaulting (pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go,
// pkg/apis/discovery/v1/defaults.go), plus the values the admission plugins stamp on every
// Pod (ServiceAccount, Priority). IPs and NodePorts are allocated by the apiserver, not here.
import type {
  AnyObject,
  Container,
  ContainerPort,
  DaemonSet,
  Deployment,
  EndpointSlice,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  Secret,
  Service,
} from "./types";

/** Always for `:latest` or an untagged image, IfNotPresent otherwise (digests count as tags). */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(p: Probe | undefined): Probe | undefined {
  if (!p) return p;
  const out: Probe = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p };
  if (p.httpGet) out.httpGet = { path: "/", scheme: "HTTP", ...p.httpGet };
  return out;
}

function defaultPort(p: ContainerPort, hostNetwork: boolean): ContainerPort {
  const out: ContainerPort = { ...p, protocol: p.protocol ?? "TCP" };
  // SetDefaults_PodSpec: with hostNetwork the host port equals the container port.
  if (hostNetwork && out.hostPort === undefined) out.hostPort = out.containerPort;
  return out;
}

function defaultContainer(c: Container, hostNetwork: boolean): Container {
  const out: Container = {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image ?? ""),
    terminationMessagePath: c.terminationMessagePath ?? "/dev/termination-log",
    terminationMessagePolicy: c.terminationMessagePolicy ?? "File",
    // ResourceRequirements is a struct in Go: it always serialises, as `resources: {}`.
    resources: c.resources ?? {},
  };
  setOptional(out, "ports", c.ports?.map((p) => defaultPort(p, hostNetwork)));
  setOptional(out, "livenessProbe", defaultProbe(c.livenessProbe));
  setOptional(out, "readinessProbe", defaultProbe(c.readinessProbe));
  setOptional(out, "startupProbe", defaultProbe(c.startupProbe));
  return stripUndefined(out);
}

/**
 * `obj[key] = value` as an object literal would set it, except that an undefined value is not
 * added as a new key (stripUndefined would only have to drop it again).
 */
function setOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
  if (value !== undefined || key in obj) obj[key] = value;
}

/**
 * `obj` without its undefined-valued keys, in the same key order. Copies instead of deleting:
 * `delete` would leave the stored object in V8's slow dictionary mode for every later reader.
 */
function stripUndefined<T extends object>(obj: T): T {
  const src = obj as Record<string, unknown>;
  const keys = Object.keys(src);
  let i = 0;
  while (i < keys.length && src[keys[i]] !== undefined) i++;
  if (i === keys.length) return obj;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out as T;
}

/** SetDefaults_PodSpec (shared by Pods and pod templates). */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const hostNetwork = spec.hostNetwork === true;
  const out: PodSpec = { ...spec, containers: (spec.containers ?? []).map((c) => defaultContainer(c, hostNetwork)) };
  setOptional(out, "initContainers", spec.initContainers?.map((c) => defaultContainer(c, hostNetwork)));
  out.dnsPolicy = spec.dnsPolicy ?? "ClusterFirst";
  out.restartPolicy = spec.restartPolicy ?? "Always";
  out.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds ?? 30;
  out.schedulerName = spec.schedulerName ?? "default-scheduler";
  out.securityContext = spec.securityContext ?? {};
  return stripUndefined(out);
}

function defaultTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  return t ? { ...t, spec: defaultPodSpec(t.spec ?? ({} as PodSpec)) } : t;
}

/** SetDefaults_Pod: requests copied from limits, enableServiceLinks; plus admission's values. */
function defaultPod(pod: Pod): Pod {
  const spec = defaultPodSpec(pod.spec ?? ({} as PodSpec));
  const withRequests = (c: Container): Container => {
    const limits = c.resources?.limits;
    if (!limits) return c;
    const requests = { ...limits, ...(c.resources?.requests ?? {}) };
    return { ...c, resources: { ...c.resources, requests } };
  };
  spec.containers = spec.containers.map(withRequests);
  if (spec.initContainers) spec.initContainers = spec.initContainers.map(withRequests);
  spec.enableServiceLinks ??= true;
  // ServiceAccount admission sets the account; the deprecated serviceAccount mirrors it.
  spec.serviceAccountName ??= spec.serviceAccount ?? "default";
  spec.serviceAccount ??= spec.serviceAccountName;
  // Priority admission: no priorityClassName → priority 0, PreemptLowerPriority.
  spec.priority ??= 0;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  return { ...pod, spec };
}

function defaultDeployment(d: Deployment): Deployment {
  const spec = d.spec ?? ({} as Deployment["spec"]);
  const strategy = { ...(spec.strategy ?? {}) };
  strategy.type ??= "RollingUpdate";
  if (strategy.type === "RollingUpdate") strategy.rollingUpdate = { maxUnavailable: "25%", maxSurge: "25%", ...(strategy.rollingUpdate ?? {}) };
  return {
    ...d,
    spec: {
      ...spec,
      replicas: spec.replicas ?? 1,
      strategy,
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
      template: defaultTemplate(spec.template) as PodTemplateSpec,
    },
  };
}

function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  const spec = rs.spec ?? ({} as ReplicaSet["spec"]);
  return { ...rs, spec: { ...spec, replicas: spec.replicas ?? 1, template: defaultTemplate(spec.template) as PodTemplateSpec } };
}

function defaultDaemonSet(ds: DaemonSet): DaemonSet {
  const spec = ds.spec ?? ({} as DaemonSet["spec"]);
  const updateStrategy = { ...(spec.updateStrategy ?? {}) };
  updateStrategy.type ??= "RollingUpdate";
  if (updateStrategy.type === "RollingUpdate")
    updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 0, ...(updateStrategy.rollingUpdate ?? {}) };
  return {
    ...ds,
    spec: { ...spec, updateStrategy, revisionHistoryLimit: spec.revisionHistoryLimit ?? 10, template: defaultTemplate(spec.template) as PodTemplateSpec },
  };
}

function defaultService(svc: Service): Service {
  const spec = { ...(svc.spec ?? {}) };
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  if (spec.ports)
    spec.ports = spec.ports.map((p) => ({ ...p, protocol: p.protocol ?? "TCP", targetPort: p.targetPort === undefined || p.targetPort === 0 ? p.port : p.targetPort }));
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
  if (spec.type !== "ExternalName") {
    spec.internalTrafficPolicy ??= "Cluster";
    // Set by the Service REST storage when it allocates the cluster IP (single-stack IPv4 cluster).
    spec.ipFamilies ??= ["IPv4"];
    spec.ipFamilyPolicy ??= "SingleStack";
  }
  return { ...svc, spec };
}

function defaultNamespace(ns: Namespace): Namespace {
  const name = ns.metadata.name ?? "";
  return {
    ...ns,
    // SetDefaults_Namespace labels every namespace with its own name.
    metadata: { ...ns.metadata, labels: { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"], ...(ns.spec ?? {}) },
    status: { phase: "Active", ...(ns.status ?? {}) },
  };
}

function defaultNode(node: Node): Node {
  const status = node.status;
  if (!status?.capacity || status.allocatable) return node;
  return { ...node, status: { ...status, allocatable: { ...status.capacity } } };
}

function defaultEndpointSlice(slice: EndpointSlice): EndpointSlice {
  return slice.ports ? { ...slice, ports: slice.ports.map((p) => ({ name: "", protocol: "TCP", ...p })) } : slice;
}

/** The object with the apiserver's defaults applied: a new one unless it has none to apply; the input is not modified. */
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const o = obj as unknown as AnyObject;
  let out: AnyObject;
  switch (o.kind) {
    case "Pod":
      out = defaultPod(o);
      break;
    case "Deployment":
      out = defaultDeployment(o);
      break;
    case "ReplicaSet":
      out = defaultReplicaSet(o);
      break;
    case "DaemonSet":
      out = defaultDaemonSet(o);
      break;
    case "Service":
      out = defaultService(o);
      break;
    case "Namespace":
      out = defaultNamespace(o);
      break;
    case "Node":
      out = defaultNode(o);
      break;
    case "Secret":
      out = { ...o, type: (o as Secret).type ?? "Opaque" };
      break;
    case "EndpointSlice":
      out = defaultEndpointSlice(o);
      break;
    default:
      out = o;
  }
  return out as unknown as T;
}
