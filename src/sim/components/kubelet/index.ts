export { Kubelet, type KubeletOptions } from "./kubelet";
export type { CriRuntime, PullResult, ContainerExit, PodRef } from "./cri";
export { CriAdapter } from "./criAdapter";
export type { MachineSpec } from "./nodeObject";
export { computePodStatus } from "./podStatus";
