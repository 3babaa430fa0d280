import type { ComponentInfo } from "./clusterTypes";

/**
 * The cluster's shape as it is known before it boots: which components it has and what its
 * nodes are called. The simulation builds from it and the UI draws it while the simulation
 * chunk loads and boots, so the two cannot disagree. It is in the page's first chunk: it
 * imports nothing but types.
 */

export const CONTROL_PLANE = "control-plane";
export const DEFAULT_WORKERS = 3;

/** The names `sim component stop NAME` accepts, in diagram order. */
export const CONTROL_PLANE_COMPONENTS = ["kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "cloud-controller-manager", "coredns"] as const;

/** Worker N, 1-based (`kubeadm join` order). */
export const workerName = (n: number): string => `worker-${n}`;

export const kubeletId = (node: string): string => `kubelet@${node}`;
export const containerRuntimeId = (node: string): string => `container-runtime@${node}`;
export const kubeProxyId = (node: string): string => `kube-proxy@${node}`;

/** The diagram box of a control-plane component or add-on. */
export function controlPlaneComponent(name: string, running: boolean): ComponentInfo {
  const addon = name === "coredns";
  return { id: name, label: name, role: addon ? "addon" : "control-plane", node: addon ? undefined : CONTROL_PLANE, running };
}

/** The three agents every node runs, as diagram boxes. */
export function nodeComponents(node: string, running: { kubelet: boolean; runtime: boolean; proxy: boolean }): ComponentInfo[] {
  return [
    { id: kubeletId(node), label: `kubelet on ${node}`, role: "node", node, running: running.kubelet },
    { id: containerRuntimeId(node), label: `container runtime on ${node}`, role: "node", node, running: running.runtime },
    { id: kubeProxyId(node), label: `kube-proxy on ${node}`, role: "node", node, running: running.proxy },
  ];
}

export const KUBECTL: ComponentInfo = { id: "kubectl", label: "kubectl", role: "external", running: true };
export const REGISTRY: ComponentInfo = { id: "registry", label: "image registry", role: "external", running: true };
export const CLOUD: ComponentInfo = { id: "cloud", label: "cloud provider", role: "external", running: true };

export interface ClusterPlan {
  controlPlane: string;
  workers: string[];
  /** Every box of the diagram, in diagram order; nothing in the cluster is running yet. */
  components: ComponentInfo[];
}

/** The default cluster with `workers` workers, before anything has started. */
export function planCluster(workers: number = DEFAULT_WORKERS): ClusterPlan {
  const names = Array.from({ length: workers }, (_, i) => workerName(i + 1));
  const off = { kubelet: false, runtime: false, proxy: false };
  const components = [
    KUBECTL,
    ...CONTROL_PLANE_COMPONENTS.map((c) => controlPlaneComponent(c, false)),
    ...[CONTROL_PLANE, ...names].flatMap((n) => nodeComponents(n, off)),
    REGISTRY,
    CLOUD,
  ];
  return { controlPlane: CONTROL_PLANE, workers: names, components };
}
