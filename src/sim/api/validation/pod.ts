// Pod spec validation (pkg/apis/core/validation/validation.go: ValidatePodSpec,
// validateContainers, validateContainerCommon, validateContainerPorts, ValidateResourceRequirements).
import { compareQuantities, formatQuantity, parseQuantityExact } from "../quantity";
import type { Container, PodSpec, PodTemplateSpec, Probe, ResourceRequirements, Toleration } from "../types";
import { type FieldError, duplicate, invalid, notSupported, required } from "./fieldError";
import { validateLabels } from "./meta";
import {
  IS_NEGATIVE_ERROR,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
} from "./names";

const PROTOCOLS = ["SCTP", "TCP", "UDP"]; // sets.List(supportedPortProtocols): sorted
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);

export function validateContainerPorts(ports: Container["ports"], field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${field}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const msg of msgs) errs.push(invalid(`${p}.name`, port.name, msg));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(`${p}.containerPort`));
    else for (const msg of isValidPortNum(port.containerPort)) errs.push(invalid(`${p}.containerPort`, port.containerPort, msg));
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errs.push(invalid(`${p}.hostPort`, port.hostPort, msg));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

const isStandardResource = (name: string) => STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith("hugepages-");

function validateResourceName(name: string, field: string): FieldError[] {
  if (isStandardResource(name)) return [];
  const errs = isQualifiedName(name).map((msg) => invalid(field, name, msg));
  if (errs.length === 0 && !name.includes("/")) errs.push(invalid(field, name, "must be a standard resource for containers"));
  return errs;
}

/** Whether parseQuantityExact could find `raw` negative (its sign is the first character after trimming). */
function mayBeNegative(raw: unknown): boolean {
  if (typeof raw === "number") return raw < 0;
  return typeof raw !== "string" || raw.trim().charCodeAt(0) === 45;
}

/**
 * ValidateResourceRequirements: names, non-negative quantities, requests ≤ limits. Every pod
 * write runs it: a standard name and a quantity that cannot be negative (and has no limit to
 * compare with) are passed without parsing or building their field path.
 */
export function validateResourceRequirements(res: ResourceRequirements | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = res?.limits ?? {};
  for (const name in limits) {
    const raw = limits[name];
    const standard = isStandardResource(name);
    if (standard && !mayBeNegative(raw)) continue;
    const p = `${field}.limits[${name}]`;
    if (!standard) errs.push(...validateResourceName(name, p));
    const q = parseQuantityExact(raw);
    if (q?.negative) errs.push(invalid(p, formatQuantity(q), IS_NEGATIVE_ERROR));
  }
  const requests = res?.requests;
  for (const name in requests) {
    const raw = requests[name];
    const standard = isStandardResource(name);
    if (standard && limits[name] === undefined && !mayBeNegative(raw)) continue;
    const p = `${field}.requests[${name}]`;
    if (!standard) errs.push(...validateResourceName(name, p));
    const q = parseQuantityExact(raw);
    if (!q) continue;
    if (q.negative) errs.push(invalid(p, formatQuantity(q), IS_NEGATIVE_ERROR));
    const limit = limits[name] !== undefined ? parseQuantityExact(limits[name]) : undefined;
    if (limit && compareQuantities(q, limit) > 0)
      errs.push(invalid(`${field}.requests`, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
  }
  return errs;
}

function validateProbe(probe: Probe | undefined, field: string): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = [probe.httpGet, probe.tcpSocket, probe.exec].filter((h) => h !== undefined).length;
  if (handlers === 0) errs.push(required(field, "must specify a handler type"));
  else if (handlers > 1) errs.push({ type: "FieldValueForbidden", field, detail: "may not specify more than 1 handler type" });
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const portField = probe.httpGet ? `${field}.httpGet.port` : `${field}.tcpSocket.port`;
  if (typeof port === "number") for (const msg of isValidPortNum(port)) errs.push(invalid(portField, port, msg));
  else if (typeof port === "string") for (const msg of isValidPortName(port)) errs.push(invalid(portField, port, msg));
  for (const key of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
    const v = probe[key];
    if (v !== undefined && v < 0) errs.push(invalid(`${field}.${key}`, v, IS_NEGATIVE_ERROR));
  }
  return errs;
}

// `list` and `i` name the container (`spec.containers[0]`): its field paths are built for
// errors only, as a valid container (every pod write) needs none.
function validateContainer(ctr: Container, list: string, i: number): FieldError[] {
  const errs: FieldError[] = [];
  if (!ctr.name) errs.push(required(`${list}[${i}].name`));
  else for (const msg of isDNS1123Label(ctr.name)) errs.push(invalid(`${list}[${i}].name`, ctr.name, msg));
  if (!ctr.image) errs.push(required(`${list}[${i}].image`));
  const tmp = ctr.terminationMessagePolicy;
  if (tmp === undefined || tmp === "") errs.push(required(`${list}[${i}].terminationMessagePolicy`));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError")
    errs.push(notSupported(`${list}[${i}].terminationMessagePolicy`, tmp, ["File", "FallbackToLogsOnError"]));
  if (ctr.ports !== undefined && ctr.ports !== null) errs.push(...validateContainerPorts(ctr.ports, `${list}[${i}].ports`));
  (ctr.env ?? []).forEach((ev, j) => {
    if (!ev.name) errs.push(required(`${list}[${i}].env[${j}].name`));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(ev.name))
      errs.push(invalid(`${list}[${i}].env[${j}].name`, ev.name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
  });
  if (!ctr.imagePullPolicy) errs.push(required(`${list}[${i}].imagePullPolicy`));
  else if (!PULL_POLICIES.includes(ctr.imagePullPolicy)) errs.push(notSupported(`${list}[${i}].imagePullPolicy`, ctr.imagePullPolicy, PULL_POLICIES));
  if (ctr.resources) errs.push(...validateResourceRequirements(ctr.resources, `${list}[${i}].resources`));
  return errs;
}

function validateContainerList(containers: Container[] | undefined, field: string, names: Set<string>, isInit: boolean): FieldError[] {
  if (!containers || containers.length === 0) return isInit ? [] : [required(field)];
  const errs: FieldError[] = [];
  containers.forEach((ctr, i) => {
    errs.push(...validateContainer(ctr, field, i));
    if (names.has(ctr.name)) errs.push(duplicate(`${field}[${i}].name`, ctr.name));
    else names.add(ctr.name);
    if (ctr.livenessProbe) errs.push(...validateProbe(ctr.livenessProbe, `${field}[${i}].livenessProbe`));
    if (ctr.readinessProbe) errs.push(...validateProbe(ctr.readinessProbe, `${field}[${i}].readinessProbe`));
    if (ctr.startupProbe) errs.push(...validateProbe(ctr.startupProbe, `${field}[${i}].startupProbe`));
  });
  return errs;
}

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateTolerations(tolerations: Toleration[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    if (t.key) for (const msg of isQualifiedName(t.key)) errs.push(invalid(`${field}[${i}].key`, t.key, msg));
    if (!t.key && t.operator !== "Exists") errs.push(invalid(`${field}[${i}].operator`, t.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute")
      errs.push(invalid(`${field}[${i}].effect`, t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (t.operator === "Exists" && t.value) errs.push(invalid(`${field}[${i}].operator`, t.value, "value must be empty when `operator` is 'Exists'"));
    else if (t.operator !== undefined && t.operator !== "Equal" && t.operator !== "Exists")
      errs.push(notSupported(`${field}[${i}].operator`, t.operator, ["Equal", "Exists"]));
    if (t.effect && !EFFECTS.includes(t.effect)) errs.push(notSupported(`${field}[${i}].effect`, t.effect, EFFECTS));
  });
  return errs;
}

/** ValidatePodSpec (the parts this simulation models). */
export function validatePodSpec(spec: PodSpec | undefined, field: string): FieldError[] {
  if (!spec) return [required(`${field}.containers`)];
  const names = new Set<string>();
  const errs = validateContainerList(spec.containers, `${field}.containers`, names, false);
  if (spec.initContainers) errs.push(...validateContainerList(spec.initContainers, `${field}.initContainers`, names, true));
  const rp = spec.restartPolicy;
  if (!rp) errs.push(required(`${field}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(`${field}.restartPolicy`, rp, RESTART_POLICIES));
  const dns = spec.dnsPolicy;
  if (!dns) errs.push(required(`${field}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(`${field}.dnsPolicy`, dns, DNS_POLICIES));
  if (spec.nodeSelector) errs.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  if (spec.serviceAccountName)
    for (const msg of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid(`${field}.serviceAccountName`, spec.serviceAccountName, msg));
  if (spec.nodeName) for (const msg of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(`${field}.nodeName`, spec.nodeName, msg));
  if (spec.tolerations !== undefined && spec.tolerations !== null) errs.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  return errs;
}

/** ValidatePodTemplateSpec: note the labels path is `<template>.labels`, as in the real code. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, field: string): FieldError[] {
  if (!template) return [required(field)];
  return [...validateLabels(template.metadata?.labels, `${field}.labels`), ...validatePodSpec(template.spec, `${field}.spec`)];
}
