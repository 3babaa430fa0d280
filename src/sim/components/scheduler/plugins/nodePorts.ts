import { SKIP, status, type FilterPlugin } from "../framework";
import type { NodeInfo } from "../nodeInfo";

export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";
const CONFLICT = status("NodePorts", "Unschedulable", ErrReasonNodePorts);

/** True when none of the wanted host ports (`PROTOCOL/port`, host IP 0.0.0.0) is in use on the node. */
export function fitsPorts(wanted: readonly string[], node: NodeInfo): boolean {
  for (const p of wanted) if (node.usedPorts.has(p)) return false;
  return true;
}

export const NodePorts: FilterPlugin = {
  name: "NodePorts",
  prepareFilter: (pod) => {
    if (pod.hostPorts.length === 0) return SKIP;
    return { kind: "run", filter: (node) => (fitsPorts(pod.hostPorts, node) ? null : CONFLICT) };
  },
};
