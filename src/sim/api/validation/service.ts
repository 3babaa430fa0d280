// core/v1 Service validation (pkg/apis/core/validation/validation.go: ValidateService,
// validateServicePort) and the NodePort range check of the allocator
// (pkg/registry/core/service/portallocator: ErrNotInRange).
import type { Service, ServicePort } from "../types";
import { type FieldError, duplicate, forbidden, goQuote, invalid, notSupported, required } from "./fieldError";
import { validateLabels } from "./meta";
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "./names";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const SESSION_AFFINITY = ["ClientIP", "None"];

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(`${p}.name`));
  else if (sp.name) {
    for (const msg of isDNS1123Label(sp.name)) errs.push(invalid(`${p}.name`, sp.name, msg));
    if (names.has(sp.name)) errs.push(duplicate(`${p}.name`, sp.name));
    else names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port ?? 0)) errs.push(invalid(`${p}.port`, sp.port ?? 0, msg));
  if (!sp.protocol) errs.push(required(`${p}.protocol`));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(`${p}.protocol`, sp.protocol, PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === "number") for (const msg of isValidPortNum(tp)) errs.push(invalid(`${p}.targetPort`, tp, msg));
  else if (typeof tp === "string") for (const msg of isValidPortName(tp)) errs.push(invalid(`${p}.targetPort`, tp, msg));
  return errs;
}

/** Go's `%#v` of the (protocol, port) key ValidateService reports duplicates with. */
function goServicePortKey(protocol: string | undefined, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol ?? "")}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === "None";
  if (ports.length === 0 && !headless && spec.type !== "ExternalName") errs.push(required("spec.ports"));
  if (spec.type === "ExternalName") {
    if (!spec.externalName) errs.push(required("spec.externalName"));
    else for (const msg of isDNS1123Subdomain(spec.externalName)) errs.push(invalid("spec.externalName", spec.externalName, msg));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => errs.push(...validateServicePort(sp, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, "spec.selector"));
  if (!spec.sessionAffinity) errs.push(required("spec.sessionAffinity"));
  else if (!SESSION_AFFINITY.includes(spec.sessionAffinity)) errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, SESSION_AFFINITY));
  if (!spec.type) errs.push(required("spec.type"));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported("spec.type", spec.type, SERVICE_TYPES));
  if (spec.type === "ClusterIP")
    ports.forEach((sp, i) => {
      if (sp.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    if (!sp.nodePort) return;
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, sp.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${sp.protocol}/${sp.port}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, { goSyntax: goServicePortKey(sp.protocol, sp.port) }));
    seen.add(key);
  });
  if (spec.externalTrafficPolicy && spec.type !== "NodePort" && spec.type !== "LoadBalancer")
    errs.push(invalid("spec.externalTrafficPolicy", spec.externalTrafficPolicy, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
  return errs;
}

export interface PortRange {
  min: number;
  max: number;
}
export const DEFAULT_NODE_PORT_RANGE: PortRange = { min: 30000, max: 32767 };
export const NODE_PORT_ALLOCATED = "provided port is already allocated";

/** The allocator's check of requested nodePorts: `provided port is not in the valid range. …`. */
export function validateNodePorts(svc: Service, range: PortRange = DEFAULT_NODE_PORT_RANGE): FieldError[] {
  const errs: FieldError[] = [];
  (svc.spec?.ports ?? []).forEach((sp, i) => {
    if (sp.nodePort && (sp.nodePort < range.min || sp.nodePort > range.max))
      errs.push(
        invalid(
          `spec.ports[${i}].nodePort`,
          sp.nodePort,
          `provided port is not in the valid range. The range of valid ports is ${range.min}-${range.max}`,
        ),
      );
  });
  return errs;
}
