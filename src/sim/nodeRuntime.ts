import type { Kernel } from "./runtime/kernel";
import type { Profile } from "./profiles";
import { ContainerRuntime, type Registry } from "./components/runtime";
import { CriAdapter } from "./components/kubelet";
import { COREDNS_IMAGE, KUBE_PROXY_IMAGE, PAUSE_IMAGE } from "./bootstrap/addons";

/** Images kubeadm pre-pulls: the sandbox image and the node add-ons everywhere, the control plane's own on its node. */
const WORKER_IMAGES = [PAUSE_IMAGE, KUBE_PROXY_IMAGE, COREDNS_IMAGE];
const CONTROL_PLANE_IMAGES = [
  ...WORKER_IMAGES,
  "registry.k8s.io/etcd:3.6.4-0",
  "registry.k8s.io/kube-apiserver:v1.34.1",
  "registry.k8s.io/kube-controller-manager:v1.34.1",
  "registry.k8s.io/kube-scheduler:v1.34.1",
];

export function createNodeRuntime(o: { kernel: Kernel; profile: Profile; nodeName: string; registry: Registry; cpus: number; preloaded: "control-plane" | "worker" }): CriAdapter {
  const runtime = new ContainerRuntime({
    kernel: o.kernel,
    node: o.nodeName,
    registry: o.registry,
    cpus: o.cpus,
    timings: o.profile.runtime,
    preloadImages: o.preloaded === "control-plane" ? CONTROL_PLANE_IMAGES : WORKER_IMAGES,
  });
  return new CriAdapter(runtime, () => o.kernel.now);
}
