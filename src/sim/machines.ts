import type { MachineSpec } from "./components/kubelet";
import { CONTROL_PLANE, workerName } from "./clusterPlan";

export { CONTROL_PLANE };
const ZONES = ["zone-a", "zone-b"];

/** Machines of the default kubeadm-like cluster: 192.168.49.2 is the control plane, workers follow. */
export function controlPlaneMachine(version: string): MachineSpec {
  return {
    name: CONTROL_PLANE,
    cpu: "2",
    memory: "8Gi",
    pods: 110,
    internalIP: "192.168.49.2",
    zone: ZONES[0],
    labels: { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" },
    taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
    kubeletVersion: version,
  };
}

/** Worker N (1-based): 4 CPU, 16Gi, 110 pods, spread over two zones. */
export function workerMachine(n: number, version: string, name = workerName(n)): MachineSpec {
  const ipIndex = 2 + n;
  return {
    name,
    cpu: "4",
    memory: "16Gi",
    pods: 110,
    internalIP: ipIndex < 255 ? `192.168.49.${ipIndex}` : `192.168.${49 + Math.floor(ipIndex / 254)}.${(ipIndex % 254) + 1}`,
    zone: ZONES[(n - 1) % ZONES.length],
    labels: {},
    taints: [],
    kubeletVersion: version,
  };
}
