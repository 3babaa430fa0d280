import type { KubeObject, Node, Service } from "../../api/types";
import type { Kernel } from "../../runtime";
import type { ApiClient, InformerFactory } from "../client/types";
import { ControllerProcess } from "../controllers/framework/controllerProcess";
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
export class CloudControllerManager extends ControllerProcess {
  readonly id = "cloud-controller-manager";

  constructor(private readonly opts: CloudControllerManagerOptions) {
    super();
  }

  protected newInformerFactory(): InformerFactory {
    return this.opts.newInformerFactory ? this.opts.newInformerFactory() : new SharedInformerFactory(this.opts.client);
  }

  protected wire(factory: InformerFactory, adopt: (runner: ControllerRunner) => ControllerRunner): () => void {
    const { kernel, client, profile } = this.opts;
    const processingMs = this.opts.processingMs ?? profile?.controllers.reconcileMs[0];
    const services = factory.informer<Service>("services");
    const nodes = factory.informer<Node>("nodes");
    const synced = () => services.hasSynced && nodes.hasSynced;
    const lister = <T extends KubeObject>(resource: string) => factory.informer<T>(resource);
    const make = (reconciler: Reconciler) => adopt(new ControllerRunner({ kernel, client, reconciler, lister, synced, processingMs, component: this.id }));
    const alive = () => this.informers === factory;
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
    return () => nodeRunner.enqueue(CLOUD_NODE_MONITOR_KEY);
  }
}
