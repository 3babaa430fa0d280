/** `kubectl describe node` (describe.go describeNode, describeNodeResource, describeNodeLease). */
import type { KubeEvent, Lease, Node, Pod } from "../../../sim/api/types";
import { formatRFC1123Z, translateTimestampSince } from "../../format";
import { findNodeRoles } from "../nodes";
import { DescribeWriter, LEVEL_0, LEVEL_1 } from "./describeWriter";
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
} from "./fields";
import { allocatableValue, formatAmount, podLimits, podRequests, totals, withPercent } from "./nodeResources";

export interface NodeRelated {
  /** Pods bound to the node; Succeeded and Failed ones are left out, as the field selector does. */
  pods: readonly Pod[];
  /** The node's Lease in kube-node-lease; null when it does not exist. */
  lease: Lease | null;
  events?: readonly KubeEvent[];
}

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);

function describeLease(w: DescribeWriter, node: Node, lease: Lease | null): void {
  if (!lease) {
    w.write(
      LEVEL_0,
      `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`,
    );
    return;
  }
  w.write(LEVEL_0, "Lease:\n");
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec.holderIdentity ?? "<unset>"}\n`);
  w.write(
    LEVEL_1,
    `AcquireTime:\t${lease.spec.acquireTime ? formatRFC1123Z(lease.spec.acquireTime) : "<unset>"}\n`,
  );
  w.write(
    LEVEL_1,
    `RenewTime:\t${lease.spec.renewTime ? formatRFC1123Z(lease.spec.renewTime) : "<unset>"}\n`,
  );
}

function describeNodeResource(w: DescribeWriter, node: Node, pods: readonly Pod[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const alloc =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const cpu = allocatableValue(alloc, "cpu");
  const mem = allocatableValue(alloc, "memory");
  for (const p of pods) {
    const req = podRequests(p);
    const lim = podLimits(p);
    w.write(
      LEVEL_1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${withPercent("cpu", req.get("cpu"), cpu)}\t${withPercent("cpu", lim.get("cpu"), cpu)}\t` +
        `${withPercent("memory", req.get("memory"), mem)}\t${withPercent("memory", lim.get("memory"), mem)}\t${translateTimestampSince(p.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const reqs = totals(pods, podRequests);
  const limits = totals(pods, podLimits);
  for (const name of ["cpu", "memory", "ephemeral-storage"]) {
    const a = allocatableValue(alloc, name);
    w.write(
      LEVEL_1,
      `${name}\t${withPercent(name, reqs.get(name), a)}\t${withPercent(name, limits.get(name), a)}\n`,
    );
  }
  const names = Object.keys(alloc ?? {});
  for (const name of names.filter((n) => n.startsWith("hugepages-")).sort()) {
    const a = allocatableValue(alloc, name);
    w.write(
      LEVEL_1,
      `${name}\t${withPercent(name, reqs.get(name), a)}\t${withPercent(name, limits.get(name), a)}\n`,
    );
  }
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD.has(n)).sort()) {
    w.write(
      LEVEL_1,
      `${name}\t${formatAmount(name, reqs.get(name))}\t${formatAmount(name, limits.get(name))}\n`,
    );
  }
}

function printResourceList(w: DescribeWriter, list: Record<string, string>): void {
  for (const name of Object.keys(list).sort()) w.write(LEVEL_0, `  ${name}:\t${list[name]}\n`);
}

export function describeNode(node: Node, related: NodeRelated, now: number): string {
  const w = new DescribeWriter();
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name ?? ""}\n`);
  const roles = findNodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", node.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", node.spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
  describeLease(w, node, related.lease);
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of st.conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  if (st.capacity && Object.keys(st.capacity).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printResourceList(w, st.capacity);
  }
  if (st.allocatable && Object.keys(st.allocatable).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printResourceList(w, st.allocatable);
  }
  const info = st.nodeInfo;
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
  if (node.spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
  if (node.spec.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = related.pods
    .filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
    .slice()
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  describeNodeResource(w, node, pods, now);
  if (related.events) describeEvents(w, related.events, now);
  return w.toString();
}
