import type { ComponentInfo } from "./clusterTypes";
import type { NodeMachine } from "./nodeMachine";

/** A process that a fault can stop and start. */
export interface Process {
  readonly id: string;
  readonly running: boolean;
  start(): void;
  stop(): void;
}

/** The names `sim component stop NAME` accepts, in diagram order. */
export const CONTROL_PLANE_COMPONENTS = ["kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "cloud-controller-manager", "coredns"] as const;

/** Every box of the architecture diagram, with its running state. */
export function describeComponents(processes: Map<string, Process>, machines: NodeMachine[]): ComponentInfo[] {
  const out: ComponentInfo[] = [{ id: "kubectl", label: "kubectl", role: "external", running: true }];
  for (const name of CONTROL_PLANE_COMPONENTS) {
    const p = processes.get(name);
    out.push({ id: name, label: name, role: name === "coredns" ? "addon" : "control-plane", node: name === "coredns" ? undefined : "control-plane", running: p?.running ?? false });
  }
  for (const m of machines) {
    if (m.state === "removed") continue;
    const up = m.state !== "stopped";
    out.push({ id: m.kubelet.id, label: `kubelet on ${m.name}`, role: "node", node: m.name, running: up && m.kubelet.running });
    out.push({ id: `container-runtime@${m.name}`, label: `container runtime on ${m.name}`, role: "node", node: m.name, running: up });
    out.push({ id: m.proxy.id, label: `kube-proxy on ${m.name}`, role: "node", node: m.name, running: up && m.proxy.running });
  }
  out.push({ id: "registry", label: "image registry", role: "external", running: true });
  out.push({ id: "cloud", label: "cloud provider", role: "external", running: true });
  return out;
}
