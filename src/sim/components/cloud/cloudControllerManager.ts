import type { KubeObject, Node, Service } from "../../api/types";
import type { Kernel } from "../../runtime";
import type { ApiClient, InformerFactory } from "../client/types";
import { ControllerRunner } from "../controllers/framework/controllerRunner";
import { keyOf } from "../controllers/framework/keys";
import type { Reconciler } from "../controllers/framework/plan";
import { CLOUD_TIMINGS, TracedCloudClient, type CloudTimings } from "./cloudClient";
import { CLOUD_NODE_MONITOR_KEY, CLOUD_NODE_MONITOR_PERIOD_MS, CloudNodeLifecycleController } from "./cloudNodeLifecycleController";
import type { SimulatedCloud } from "./cloudProvider";
import type { Profile } from "../../profiles";
import { SharedInformerFactory } from "../client";
import { ServiceController } from "./serviceController";

export interface CloudControllerManagerOptions {
  kernel: Kernel;
  /** The process's connection to kube-apiserver (identity `cloud-controller-manager`). */
  client: ApiClient;
  /** A fresh factory per process start (a restarted process re-lists and catches up); default: shared informers over `client`. */
  newInformerFactory?: () => InformerFactory;
  cloud: SimulatedCloud;
  /** Timings come from here when given (cloud.loadBalancerMs, controllers.nodeMonitorPeriodMs, controllers.reconcileMs). */
  profile?: Profile;
  timings?: CloudTimings;
  nodeMonitorPeriodMs?: number;
  /** Virtual ms one sync takes. */
  processingMs?: number;
}

/**
 * The `cloud-controller-manager` process: its own informers (services, nodes) and two
 * controllers, the service (load balancer) controller and the cloud node lifecycle controller.
 */
export class CloudControllerManager {
  readonly id = "cloud-controller-manager";
  private factory: InformerFactory | undefined;
  private runnersList: ControllerRunner[] = [];

  constructor(private readonly opts: CloudControllerManagerOptions) {}

  get running(): boolean {
    return this.factory !== undefined;
  }

  get runners(): readonly ControllerRunner[] {
    return this.runnersList;
  }

  start(): void {
    if (this.factory) return;
    const { kernel, client, profile } = this.opts;
    const processingMs = this.opts.processingMs ?? profile?.controllers.reconcileMs[0];
    const factory = this.opts.newInformerFactory ? this.opts.newInformerFactory() : new SharedInformerFactory(client);
    this.factory = factory;
    const services = factory.informer<Service>("services");
    const nodes = factory.informer<Node>("nodes");
    const synced = () => services.hasSynced && nodes.hasSynced;
    const lister = <T extends KubeObject>(resource: string) => factory.informer<T>(resource);
    const make = (reconciler: Reconciler) => {
      const r = new ControllerRunner({ kernel, client, reconciler, lister, synced, processingMs, component: this.id });
      this.runnersList.push(r);
      return r;
    };
    const alive = () => this.factory === factory;
    const timings = this.opts.timings ?? (profile ? { ...CLOUD_TIMINGS, loadBalancerProvisionMs: profile.cloud.loadBalancerMs } : CLOUD_TIMINGS);
    const cloud = new TracedCloudClient(kernel, this.opts.cloud, timings, alive);

    // The controller enqueues its Service again when a cloud operation finishes.
    const svcRunner: ControllerRunner = make(new ServiceController(cloud, (key) => svcRunner.enqueue(key)));
    const nodeRunner = make(new CloudNodeLifecycleController(cloud, this.opts.nodeMonitorPeriodMs ?? profile?.controllers.nodeMonitorPeriodMs ?? CLOUD_NODE_MONITOR_PERIOD_MS));

    const isLB = (s: Service) => s.spec.type === "LoadBalancer" || (s.metadata.finalizers ?? []).length > 0;
    services.addHandler({
      add: (s) => {
        if (isLB(s)) svcRunner.enqueue(keyOf(s));
      },
      update: (old, s) => {
        if (isLB(s) || isLB(old)) svcRunner.enqueue(keyOf(s));
      },
      delete: (s) => {
        if (isLB(s)) svcRunner.enqueue(keyOf(s));
      },
    });
    // Backends follow the node set (nodeSyncLoop): a node added or removed changes every load balancer.
    const resyncLBs = () => {
      for (const s of services.list()) if (s.spec.type === "LoadBalancer") svcRunner.enqueue(keyOf(s));
    };
    nodes.addHandler({
      add: resyncLBs,
      delete: resyncLBs,
      update: (old, n) => {
        if (JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(n.metadata.labels ?? {}) || JSON.stringify(old.spec.taints ?? []) !== JSON.stringify(n.spec.taints ?? [])) resyncLBs();
      },
    });
    for (const r of this.runnersList) r.start();
    factory.start();
    nodeRunner.enqueue(CLOUD_NODE_MONITOR_KEY);
  }

  stop(): void {
    if (!this.factory) return;
    for (const r of this.runnersList) r.stop();
    this.runnersList = [];
    this.factory.stop();
    this.factory = undefined;
  }
}
