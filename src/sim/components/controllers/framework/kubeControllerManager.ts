import type { KubeObject } from "../../../api";
import type { Kernel } from "../../../runtime";
import type { ApiClient, Informer, InformerFactory } from "../../client";
import { ControllerProcess } from "./controllerProcess";
import { ControllerRunner } from "./controllerRunner";
import type { Reconciler } from "./plan";

/** What a controller gets when the manager (re)starts it. */
export interface ControllerSetup {
  readonly kernel: Kernel;
  /**
   * The process's shared informer for a resource (one watch per resource for the whole
   * kube-controller-manager). Runners made by this setup wait until these have synced.
   */
  informer<T extends KubeObject>(resource: string): Informer<T>;
  /** Wraps a Reconciler in a runner (work queue, expectations, events, plan execution). The manager starts and stops it. */
  run(reconciler: Reconciler, opts?: { workers?: number }): ControllerRunner;
  /** Named settings from the profile, e.g. `nodeMonitorGracePeriodMs`; read with a default. */
  readonly config: Readonly<Record<string, number>>;
}

/**
 * One controller, registered as data. `name` is kube-controller-manager's name for it (the
 * `--controllers` flag): "deployment", "replicaset", "garbage-collector", … `create` wires
 * informer handlers to runners; it runs again on every start with fresh state.
 */
export interface ControllerDefinition {
  name: string;
  create(setup: ControllerSetup): void;
}

export interface KubeControllerManagerOptions {
  kernel: Kernel;
  client: ApiClient;
  /** A fresh factory per process start: a restarted process re-lists everything and catches up. */
  newInformerFactory: () => InformerFactory;
  controllers: readonly ControllerDefinition[];
  config?: Readonly<Record<string, number>>;
  /** Virtual ms one sync takes. */
  processingMs?: number;
}

/**
 * The `kube-controller-manager` process: one set of shared informers and the registered
 * controllers.
 */
export class KubeControllerManager extends ControllerProcess {
  readonly id = "kube-controller-manager";

  constructor(private readonly opts: KubeControllerManagerOptions) {
    super();
  }

  protected newInformerFactory(): InformerFactory {
    return this.opts.newInformerFactory();
  }

  protected wire(factory: InformerFactory, adopt: (runner: ControllerRunner) => ControllerRunner): void {
    const { kernel, client, config = {}, processingMs } = this.opts;
    const lister = <T extends KubeObject>(resource: string) => factory.informer<T>(resource);
    for (const def of this.opts.controllers) {
      const used: Informer<KubeObject>[] = [];
      const synced = () => used.every((i) => i.hasSynced);
      const setup: ControllerSetup = {
        kernel,
        config,
        informer: <T extends KubeObject>(resource: string) => {
          const inf = factory.informer<T>(resource);
          used.push(inf as unknown as Informer<KubeObject>);
          return inf;
        },
        run: (reconciler, o = {}) => adopt(new ControllerRunner({ kernel, client, reconciler, lister, synced, workers: o.workers, processingMs, component: this.id })),
      };
      def.create(setup);
    }
  }
}
