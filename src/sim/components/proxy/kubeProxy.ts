import type { EndpointSlice, Service } from "../../api/types";
import type { Kernel } from "../../runtime/kernel";
import type { ApiClientImpl } from "../client/apiClient";
import { SharedInformer } from "../client/informer";
import { computeRules, type ProxyMode, type ProxyRules } from "./proxyRules";
import { kubeProxyId } from "../../clusterPlan";

/** iptables minSyncPeriod: changes within a second are programmed together. */
export const MIN_SYNC_PERIOD_MS = 1000;

/**
 * kube-proxy on one node: watches Services and EndpointSlices and programs its node's rules
 * (iptables chains or IPVS virtual servers), kept as data for inspectors and the data path.
 */
export class KubeProxy {
  readonly id: string;
  private up = false;
  private epoch = 0;
  private services: SharedInformer<Service> | undefined;
  private slices: SharedInformer<EndpointSlice> | undefined;
  private syncPending = false;
  private lastSync = -Infinity;
  rules: ProxyRules;

  constructor(
    readonly nodeName: string,
    private readonly kernel: Kernel,
    private readonly client: ApiClientImpl,
    readonly mode: ProxyMode = "iptables",
  ) {
    this.id = kubeProxyId(nodeName);
    this.rules = { mode, services: [] };
  }

  get running(): boolean {
    return this.up;
  }

  start(): void {
    if (this.up) return;
    this.up = true;
    this.epoch++;
    this.client.resume();
    this.services = new SharedInformer<Service>("services", this.client, undefined, { standardIndexes: false });
    this.slices = new SharedInformer<EndpointSlice>("endpointslices", this.client, undefined, { standardIndexes: false });
    const changed = { add: () => this.requestSync(), update: () => this.requestSync(), delete: () => this.requestSync() };
    this.services.addHandler(changed);
    this.slices.addHandler(changed);
    this.services.start();
    this.slices.start();
  }

  /** The process stopped: its rules stay in the kernel (traffic still flows on stale rules). */
  stop(): void {
    this.up = false;
    this.epoch++;
    this.services?.stop();
    this.slices?.stop();
    this.client.halt();
  }

  /** The machine lost power: its rules are gone too. */
  powerOff(): void {
    this.stop();
    this.rules = { mode: this.mode, services: [] };
  }

  private requestSync(): void {
    if (this.syncPending) return;
    this.syncPending = true;
    const epoch = this.epoch;
    const wait = Math.max(0, this.lastSync + MIN_SYNC_PERIOD_MS - this.kernel.now);
    this.kernel.after(wait, () => {
      if (epoch !== this.epoch) return;
      this.syncPending = false;
      this.sync();
    });
  }

  private sync(): void {
    if (!this.services?.hasSynced || !this.slices?.hasSynced) return;
    this.lastSync = this.kernel.now;
    this.rules = computeRules(this.mode, this.services.list(), this.slices.list());
    const svcCount = this.rules.services.length;
    let epCount = 0;
    for (const s of this.rules.services) for (const e of s.endpoints) if (e.ready) epCount++;
    this.kernel.note(() => ({
      from: this.id,
      to: this.id,
      kind: "rules",
      verb: "sync",
      summary: this.mode === "iptables" ? `iptables-restore: ${svcCount} service ports, ${epCount} endpoints` : `ipvs: ${svcCount} virtual servers, ${epCount} real servers`,
      narration: `kube-proxy on ${this.nodeName} reprogrammed its ${this.mode} rules: ${svcCount} service ports now lead to ${epCount} ready endpoints.`,
    }));
  }
}
