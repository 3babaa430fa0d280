import type { Pod, PodCondition } from "../../api/types";
import type { ApiRequest } from "../apiserver/request";

export const SCHEDULER_NAME = "default-scheduler";
export const COMPONENT_ID = "kube-scheduler";

/** POST pods/<name>/binding: the DefaultBinder's one call. */
export function bindingRequest(namespace: string, name: string, node: string): ApiRequest {
  return {
    verb: "create",
    resource: "pods",
    subresource: "binding",
    namespace,
    name,
    body: { apiVersion: "v1", kind: "Binding", metadata: { name, namespace }, target: { apiVersion: "v1", kind: "Node", name: node } },
    fieldManager: COMPONENT_ID,
  };
}

/**
 * The status patch setting PodScheduled=False, reason Unschedulable, with the FailedScheduling
 * message; undefined when the pod already says exactly that (no API call, as upstream). The
 * transition time only moves when the status flips.
 */
export function unschedulableConditionPatch(pod: Pod, message: string, now: string): ApiRequest | undefined {
  const prev = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
  if (prev && prev.status === "False" && prev.reason === "Unschedulable" && prev.message === message) return undefined;
  const condition: PodCondition = {
    type: "PodScheduled",
    status: "False",
    reason: "Unschedulable",
    message,
    lastProbeTime: null,
    lastTransitionTime: prev?.status === "False" && prev.lastTransitionTime ? prev.lastTransitionTime : now,
  };
  return {
    verb: "patch",
    resource: "pods",
    subresource: "status",
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    patchType: "strategic",
    body: { status: { conditions: [condition] } },
    fieldManager: COMPONENT_ID,
  };
}
