import type { Endpoint, Node, Pod, Service, ServicePort } from "../../../api/types";

export type SlicePort = NonNullable<import("../../../api/types").EndpointSlice["ports"]>[number];

/** ShouldPodBeInEndpoints (terminating pods included, for the terminating condition). */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  return Boolean(pod.status?.podIP || pod.status?.podIPs?.length);
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/**
 * podToEndpoint: serving = the pod's Ready condition; terminating = deletionTimestamp set;
 * ready = serving and not terminating (publishNotReadyAddresses is not modelled).
 */
export function podToEndpoint(pod: Pod, node: Node | undefined): Endpoint {
  const serving = podReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ep: Endpoint = {
    addresses: [pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? ""],
    conditions: { ready: serving && !terminating, serving, terminating },
  };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"];
  if (zone) ep.zone = zone;
  ep.targetRef = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name ?? "", uid: pod.metadata.uid };
  return ep;
}

/**
 * podutil.FindPort: a numeric targetPort is used as is (none means the service port); a named
 * one is looked up among the containers' ports with the same protocol. Undefined when not found.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? "TCP";
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  }
  return undefined;
}

/** The slice ports this pod serves for the service (ports it cannot resolve are left out). */
export function endpointPorts(pod: Pod, service: Service): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of service.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" });
  }
  return out;
}
