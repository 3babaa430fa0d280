import type { Node, NodeCondition, Taint } from "../../api/types";
import { toTimestamp } from "../../runtime/virtualTime";

/** The machine a kubelet runs on. */
export interface MachineSpec {
  name: string;
  cpu: string;
  memory: string;
  pods: number;
  internalIP: string;
  zone: string;
  labels: Record<string, string>;
  taints: Taint[];
  kubeletVersion: string;
}

const CONDITION_TEXT: Record<NodeCondition["type"], [string, string, string]> = {
  MemoryPressure: ["False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  DiskPressure: ["False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  PIDPressure: ["False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  Ready: ["True", "KubeletReady", "kubelet is posting ready status"],
  NetworkUnavailable: ["False", "", ""],
};

/** Conditions a healthy kubelet reports (pkg/kubelet/nodestatus/setters.go). */
export function healthyConditions(now: number, since: number): NodeCondition[] {
  return (["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"] as const).map((type) => {
    const [status, reason, message] = CONDITION_TEXT[type];
    return { type, status: status as NodeCondition["status"], lastHeartbeatTime: toTimestamp(now), lastTransitionTime: toTimestamp(since), reason, message };
  });
}

/** The Node object a kubelet registers (POST /api/v1/nodes). */
export function nodeForRegistration(m: MachineSpec, now: number): Node {
  // System reservations make allocatable a little smaller than capacity, as on a kubeadm node.
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: m.name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": m.name,
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/zone": m.zone,
        ...m.labels,
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { taints: m.taints.length ? m.taints : undefined },
    status: {
      capacity: { cpu: m.cpu, "ephemeral-storage": "102626232Ki", memory: m.memory, pods: String(m.pods) },
      allocatable: { cpu: m.cpu, "ephemeral-storage": "94580335255", memory: m.memory, pods: String(m.pods) },
      conditions: healthyConditions(now, now),
      addresses: [
        { type: "InternalIP", address: m.internalIP },
        { type: "Hostname", address: m.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: "containerd://2.1.4",
        kernelVersion: "6.8.0-48-generic",
        kubeProxyVersion: "",
        kubeletVersion: m.kubeletVersion,
        machineID: "",
        operatingSystem: "linux",
        osImage: "Ubuntu 24.04.1 LTS",
        systemUUID: "",
      },
    },
  };
}
