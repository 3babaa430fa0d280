// validateObject: the apiserver's validation stage for every kind we serve (the strategy's
// Validate / ValidateUpdate), run after defaulting and admission.
import { canonicalJson } from "../naming";
import { resourceForKind } from "../resources";
import type { AnyObject, DaemonSet, Deployment, KubeObject, LabelSelector, Pod, ReplicaSet, Status, StatusCause } from "../types";
import { validateControllerRevision, validateDaemonSet, validateDeployment, validateReplicaSet } from "./apps";
import { type FieldError, forbidden, invalid, invalidStatus, toStatusCauses } from "./fieldError";
import { goLabelSelector, validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { FIELD_IMMUTABLE, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from "./names";
import { validatePodSpec } from "./pod";
import { type PortRange, validateNodePorts, validateService } from "./service";
import {
  validateConfigMap,
  validateEndpointSlice,
  validateLease,
  validateNode,
  validatePodDisruptionBudget,
  validateSecret,
} from "./simpleKinds";

export interface ValidateOptions {
  operation: "create" | "update";
  /** The stored object, for update. */
  oldObj?: KubeObject;
  /** Also run the NodePort allocator's range check (Services). */
  nodePortRange?: PortRange;
}

const NAME_FN: Record<string, NameValidator> = { Service: nameIsDNS1035Label, Namespace: nameIsDNSLabel };

export const POD_UPDATE_FORBIDDEN =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

function specErrors(obj: AnyObject, opts: ValidateOptions): FieldError[] {
  switch (obj.kind) {
    case "Pod":
      return validatePodSpec(obj.spec, "spec");
    case "Deployment":
      return validateDeployment(obj);
    case "ReplicaSet":
      return validateReplicaSet(obj);
    case "DaemonSet":
      return validateDaemonSet(obj);
    case "ControllerRevision":
      return validateControllerRevision(obj);
    case "Service":
      return [...validateService(obj), ...(opts.nodePortRange ? validateNodePorts(obj, opts.nodePortRange) : [])];
    case "Node":
      return validateNode(obj);
    case "ConfigMap":
      return validateConfigMap(obj);
    case "Secret":
      return validateSecret(obj);
    case "Lease":
      return validateLease(obj);
    case "PodDisruptionBudget":
      return validatePodDisruptionBudget(obj);
    case "EndpointSlice":
      return validateEndpointSlice(obj);
    default:
      return [];
  }
}

/** Pod spec is immutable but for images, activeDeadlineSeconds, tolerations and the grace period. */
function podUpdateErrors(pod: Pod, old: Pod): FieldError[] {
  const strip = (p: Pod) => ({
    ...p.spec,
    containers: p.spec.containers.map((c) => ({ ...c, image: "" })),
    initContainers: p.spec.initContainers?.map((c) => ({ ...c, image: "" })),
    tolerations: undefined,
    terminationGracePeriodSeconds: undefined,
    // nodeName is set through the binding subresource, before which it may be filled once.
    nodeName: old.spec.nodeName === undefined ? undefined : p.spec.nodeName,
  });
  // The real message continues with a cmp.Diff of the internal PodSpec, which we omit.
  return canonicalJson(strip(pod)) === canonicalJson(strip(old)) ? [] : [forbidden("spec", POD_UPDATE_FORBIDDEN)];
}

function selectorOf(obj: KubeObject): LabelSelector | undefined {
  return (obj as Deployment | ReplicaSet | DaemonSet).spec?.selector;
}

function updateErrors(obj: AnyObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {});
  if (obj.kind === "Pod") errs.push(...podUpdateErrors(obj, old as Pod));
  return errs;
}

/** Immutable selectors (apps/v1): checked by the registry strategy after spec validation. */
function selectorImmutability(obj: AnyObject, old: KubeObject): FieldError[] {
  if (obj.kind !== "Deployment" && obj.kind !== "ReplicaSet" && obj.kind !== "DaemonSet") return [];
  const now = selectorOf(obj);
  const before = selectorOf(old);
  if (canonicalJson(now ?? null) === canonicalJson(before ?? null)) return [];
  return [invalid("spec.selector", now ? goLabelSelector(now) : null, FIELD_IMMUTABLE)];
}

/** All field errors for a create or update, in the order kube-apiserver reports them. */
export function validateObjectFieldErrors(obj: KubeObject, opts: ValidateOptions): FieldError[] {
  const o = obj as AnyObject;
  const resource = resourceForKind(obj.apiVersion, obj.kind);
  const errs: FieldError[] = [];
  if (opts.operation === "update" && opts.oldObj) errs.push(...updateErrors(o, opts.oldObj));
  else errs.push(...validateObjectMeta(obj.metadata, { namespaced: resource?.namespaced ?? true, nameFn: NAME_FN[obj.kind] ?? nameIsDNSSubdomain }));
  if (opts.operation === "update" && opts.oldObj && o.kind === "Pod") return errs;
  errs.push(...specErrors(o, opts));
  if (opts.operation === "update" && opts.oldObj) errs.push(...selectorImmutability(o, opts.oldObj));
  return errs;
}

/** The StatusCauses of an Invalid response; empty when the object is valid. */
export function validateObject(obj: KubeObject, opts: ValidateOptions): StatusCause[] {
  return toStatusCauses(validateObjectFieldErrors(obj, opts));
}

/** The 422 Invalid Status for obj, or undefined when it is valid. */
export function validationStatus(obj: KubeObject, opts: ValidateOptions): Status | undefined {
  const errs = validateObjectFieldErrors(obj, opts);
  if (errs.length === 0) return undefined;
  const group = resourceForKind(obj.apiVersion, obj.kind)?.group ?? "";
  return invalidStatus(obj.kind, group, obj.metadata?.name ?? obj.metadata?.generateName ?? "", errs);
}
