import type { KubeObject, NodeCondition } from "../../api/types";

/**
 * The reference the kubelet's node events carry: NewMainKubelet builds it once, before the Node
 * exists, so its uid is the node's name (pkg/kubelet/kubelet.go, "construct a node reference used for events").
 * It has no apiVersion; `apiVersion: ""` is dropped when the event is built.
 */
export function kubeletNodeRef(nodeName: string): KubeObject {
  return { apiVersion: "", kind: "Node", metadata: { name: nodeName, uid: nodeName } };
}

/** BirthCry (pkg/kubelet/kubelet.go), sent as the kubelet process starts. */
export const STARTING_KUBELET = { reason: "Starting", message: "Starting kubelet." } as const;

/** enforceNodeAllocatableCgroups (pkg/kubelet/cm/node_container_manager_linux.go), once per kubelet process. */
export const NODE_ALLOCATABLE_ENFORCED = { reason: "NodeAllocatableEnforced", message: "Updated Node Allocatable limit across pods" } as const;

/** recordNodeStatusEvent (pkg/kubelet/kubelet_node_status.go). */
export function nodeStatusMessage(nodeName: string, reason: string): string {
  return `Node ${nodeName} status is now: ${reason}`;
}

const PRESSURE_SETTERS: readonly (readonly [NodeCondition["type"], string])[] = [
  ["MemoryPressure", "NodeHasSufficientMemory"],
  ["DiskPressure", "NodeHasNoDiskPressure"],
  ["PIDPressure", "NodeHasSufficientPID"],
];

/**
 * The events the kubelet's condition setters (pkg/kubelet/nodestatus/setters.go) record, in setter
 * order, when a healthy kubelet writes its status over `conditions`:
 * - MemoryPressure / DiskPressure / PIDPressure: a missing condition starts as Unknown, so any
 *   condition not already False turns False and records NodeHasSufficientMemory, NodeHasNoDiskPressure,
 *   NodeHasSufficientPID (at registration, where initialNode has no conditions, all three fire);
 * - Ready: NodeReady only when an existing Ready condition changes to True. A Ready condition the
 *   setter creates (registration) records nothing.
 */
export function healthyStatusEvents(conditions: readonly NodeCondition[] | undefined): string[] {
  const out: string[] = [];
  for (const [type, reason] of PRESSURE_SETTERS) {
    if (conditions?.find((c) => c.type === type)?.status !== "False") out.push(reason);
  }
  const ready = conditions?.find((c) => c.type === "Ready");
  if (ready && ready.status !== "True") out.push("NodeReady");
  return out;
}

/**
 * recordNodeSchedulableEvent, the last setter: NodeNotSchedulable / NodeSchedulable when
 * spec.unschedulable differs from what this kubelet process last saw (false when it starts).
 */
export function schedulableEvent(lastUnschedulable: boolean, unschedulable: boolean): string | undefined {
  if (lastUnschedulable === unschedulable) return undefined;
  return unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
}
