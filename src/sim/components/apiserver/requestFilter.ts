import type { KubeObject, Status } from "../../api/types";
import { checkFieldSelector, fieldSelectorMatcher, parseFieldSelector, parseLabelSelector, requirementsMatch, resourceByPlural } from "../../api";
import { badRequest } from "./errors";
import type { ApiRequest } from "./request";
import type { WatchFilter } from "./watchHub";

/**
 * Turns a list/watch request's namespace, label selector and field selector into one filter.
 * `spec.nodeName=X` on pods and `metadata.name=X` on nodes become the watch index, so a kubelet's
 * watches cost its node and its pods.
 */
export function requestFilter(req: ApiRequest): WatchFilter | Status {
  const labels = req.labelSelector ? parseLabelSelector(req.labelSelector) : undefined;
  if (labels && !labels.ok) return badRequest(labels.error);
  const fields = req.fieldSelector ? parseFieldSelector(req.fieldSelector) : undefined;
  if (fields && !fields.ok) return badRequest(fields.error);
  if (fields) {
    const unsupported = checkFieldSelector(resourceByPlural(req.resource)?.kind ?? "", fields.requirements);
    if (unsupported) return badRequest(unsupported);
  }
  let indexValue: string | undefined;
  const indexed = req.resource === "pods" ? "spec.nodeName" : req.resource === "nodes" ? "metadata.name" : undefined;
  if (indexed && fields) {
    const eq = fields.requirements.find((r) => r.field === indexed && (r.operator === "=" || r.operator === "=="));
    if (eq) indexValue = eq.value;
  }
  const labelReqs = labels?.requirements;
  const fieldsMatch = fields ? fieldSelectorMatcher(fields.requirements) : undefined;
  return {
    namespace: req.namespace,
    indexValue,
    matches(obj: KubeObject) {
      if (labelReqs && !requirementsMatch(labelReqs, obj.metadata.labels)) return false;
      if (fieldsMatch && !fieldsMatch(obj)) return false;
      return true;
    },
  };
}
