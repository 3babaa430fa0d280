import type { Pod } from "./api/types";
import type { Kernel } from "./runtime/kernel";
import type { Profile } from "./profiles";
import { ApiClientImpl } from "./components/client";
import type { KubeApiserver } from "./components/apiserver";
import { Kubelet, type CriAdapter, type MachineSpec } from "./components/kubelet";
import { KubeProxy, type ProxyMode } from "./components/proxy";

export type MachineState = "running" | "stopped" | "partitioned" | "removed";

/**
 * One machine of the cluster: its kubelet, container runtime and kube-proxy. Power, network
 * and membership faults act on the machine as a whole.
 */
export class NodeMachine {
  readonly kubelet: Kubelet;
  readonly proxy: KubeProxy;
  private readonly kubeletClient: ApiClientImpl;
  private readonly proxyClient: ApiClientImpl;
  state: MachineState = "stopped";

  constructor(
    readonly spec: MachineSpec,
    readonly runtime: CriAdapter,
    kernel: Kernel,
    apiserver: KubeApiserver,
    profile: Profile,
    podCidr: string,
    proxyMode: ProxyMode,
    staticPods: Pod[] = [],
  ) {
    this.kubeletClient = new ApiClientImpl(`kubelet@${spec.name}`, kernel, apiserver, profile);
    this.proxyClient = new ApiClientImpl(`kube-proxy@${spec.name}`, kernel, apiserver, profile);
    this.kubelet = new Kubelet({ kernel, profile, machine: spec, client: this.kubeletClient, runtime, podCidr, staticPods });
    this.proxy = new KubeProxy(spec.name, kernel, this.proxyClient, proxyMode);
  }

  get name(): string {
    return this.spec.name;
  }

  powerOn(): void {
    // "running" means reachable: a machine that was cut off before it lost power boots on a working network.
    this.kubeletClient.setPartitioned(false);
    this.proxyClient.setPartitioned(false);
    this.state = "running";
    this.runtime.powerOn();
    this.kubelet.start();
    this.proxy.start();
  }

  /** Power off: processes die, containers with them; the disk (image cache) survives. */
  powerOff(): void {
    this.state = "stopped";
    this.kubelet.stop();
    this.proxy.powerOff();
    this.runtime.powerOff();
  }

  /** The network between this machine and the control plane is cut; containers keep running. */
  partition(): void {
    this.state = "partitioned";
    this.kubeletClient.setPartitioned(true);
    this.proxyClient.setPartitioned(true);
  }

  heal(): void {
    this.state = "running";
    this.kubeletClient.setPartitioned(false);
    this.proxyClient.setPartitioned(false);
  }
}
