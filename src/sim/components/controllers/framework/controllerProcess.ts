import type { InformerFactory } from "../../client";
import type { ControllerRunner } from "./controllerRunner";

/**
 * A process that runs controllers over one set of shared informers (kube-controller-manager,
 * cloud-controller-manager). `stop()` is a fault: nothing reconciles. `start()` begins again
 * from a fresh list with fresh runners, and because controllers are level-driven everything
 * catches up.
 */
export abstract class ControllerProcess {
  abstract readonly id: string;
  private factory: InformerFactory | undefined;
  private runnersList: ControllerRunner[] = [];

  get running(): boolean {
    return this.factory !== undefined;
  }

  /** The running controllers (inspectors show their queues). */
  get runners(): readonly ControllerRunner[] {
    return this.runnersList;
  }

  /** The shared informers of the running process (undefined while stopped). */
  get informers(): InformerFactory | undefined {
    return this.factory;
  }

  start(): void {
    if (this.factory) return;
    const factory = this.newInformerFactory();
    this.factory = factory;
    const started = this.wire(factory, (runner) => {
      this.runnersList.push(runner);
      return runner;
    });
    for (const r of this.runnersList) r.start();
    factory.start();
    started?.();
  }

  stop(): void {
    if (!this.factory) return;
    for (const r of this.runnersList) r.stop();
    this.runnersList = [];
    this.factory.stop();
    this.factory = undefined;
  }

  /** A fresh factory per start: a restarted process re-lists everything. */
  protected abstract newInformerFactory(): InformerFactory;

  /**
   * Creates the process's runners (each passed through `adopt`, which the process then starts
   * and stops) and wires informer handlers to them. May return what to do once running.
   */
  protected abstract wire(factory: InformerFactory, adopt: (runner: ControllerRunner) => ControllerRunner): (() => void) | void;
}
