// Validation of the kinds with little to check: Namespace, Node, ConfigMap, Secret, Lease,
// PodDisruptionBudget, EndpointSlice (pkg/apis/*/validation).
import type { ConfigMap, EndpointSlice, Lease, Node, PodDisruptionBudget, Secret } from "../types";
import { type FieldError, invalid, notSupported, required } from "./fieldError";
import { validateLabelSelector } from "./meta";
import { isQualifiedName, maxLenError, regexError } from "./names";
import { validatePositiveIntOrPercent } from "./apps";

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateNode(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    for (const msg of isQualifiedName(t.key ?? "")) errs.push(invalid(`${p}.key`, t.key ?? "", msg));
    if (!t.effect) errs.push(required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    const key = `${t.key}:${t.effect}`;
    if (seen.has(key)) errs.push(invalid(p, { goSyntax: `core.Taint{Key:"${t.key}", Value:"${t.value ?? ""}", Effect:"${t.effect}", TimeAdded:<nil>}` }, "taints must be unique by key and effect pair"));
    seen.add(key);
  });
  return errs;
}

/** validation.IsConfigMapKey, reported at `data[<key>]`. */
function validateDataKeys(data: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {})) {
    const p = `${field}[${key}]`;
    if (key.length > 253) errs.push(invalid(p, key, maxLenError(253)));
    if (!/^[-._a-zA-Z0-9]+$/.test(key))
      errs.push(invalid(p, key, regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name")));
    if (key === ".") errs.push(invalid(p, key, "must not be '.'"));
    else if (key === "..") errs.push(invalid(p, key, "must not be '..'"));
    else if (key.startsWith("..")) errs.push(invalid(p, key, "must not start with '..'"));
  }
  return errs;
}

export const validateConfigMap = (cm: ConfigMap): FieldError[] => validateDataKeys(cm.data, "data");

export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateDataKeys(secret.data, "data");
  for (const [key, value] of Object.entries(secret.data ?? {}))
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0)
      errs.push(invalid(`data[${key}]`, "<secret contents redacted>", "illegal base64 data"));
  return errs;
}

export function validateLease(lease: Lease): FieldError[] {
  const d = lease.spec?.leaseDurationSeconds;
  return d !== undefined && d <= 0 ? [invalid("spec.leaseDurationSeconds", d, "must be greater than 0")] : [];
}

export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
    errs.push(invalid("spec", { goSyntax: "policy.PodDisruptionBudgetSpec{…}" }, "minAvailable and maxUnavailable cannot be both set"));
  errs.push(...validatePositiveIntOrPercent(spec.minAvailable, "spec.minAvailable"));
  errs.push(...validatePositiveIntOrPercent(spec.maxUnavailable, "spec.maxUnavailable"));
  errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  return errs;
}

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  if (!slice.addressType) errs.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(notSupported("addressType", slice.addressType, ADDRESS_TYPES));
  (slice.endpoints ?? []).forEach((ep, i) => {
    const n = ep.addresses?.length ?? 0;
    if (n === 0) errs.push(required(`endpoints[${i}].addresses`, "must contain at least 1 address"));
    else if (n > 100) errs.push({ type: "FieldValueTooMany", field: `endpoints[${i}].addresses`, badValue: n, detail: "must have at most 100 items" });
  });
  return errs;
}
