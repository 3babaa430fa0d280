/** `kubectl get nodes` (printers.go printNode, findNodeRoles). */
import type { Node } from "../../sim/api/types";
import { translateTimestampSince } from "../format";
import { AGE, NAME, type TableDef } from "./tableDef";

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** `Ready`, `NotReady` (False or Unknown), `Unknown` (no Ready condition), `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function address(node: Node, type: "InternalIP" | "ExternalIP"): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

export const nodeTable: TableDef<Node> = {
  columns: [
    NAME,
    { name: "Status" },
    { name: "Roles" },
    AGE,
    { name: "Version" },
    { name: "Internal-IP", wide: true },
    { name: "External-IP", wide: true },
    { name: "OS-Image", wide: true },
    { name: "Kernel-Version", wide: true },
    { name: "Container-Runtime", wide: true },
  ],
  row(node, now) {
    const info = node.status?.nodeInfo;
    const roles = findNodeRoles(node).join(",");
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      roles || "<none>",
      translateTimestampSince(node.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? "",
      address(node, "InternalIP"),
      address(node, "ExternalIP"),
      info?.osImage || "<unknown>",
      info?.kernelVersion || "<unknown>",
      info?.containerRuntimeVersion || "<unknown>",
    ];
  },
};
