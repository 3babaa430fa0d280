import type { Kernel } from "../../runtime/kernel";
import { EtcdStore } from "./etcdStore";

/** The etcd member: its store plus whether it is up (a fault can stop it; nothing is lost). */
export class EtcdServer {
  readonly id = "etcd";
  readonly store = new EtcdStore();
  private up = true;

  constructor(readonly kernel: Kernel) {}

  get running(): boolean {
    return this.up;
  }

  stop(): void {
    this.up = false;
  }

  start(): void {
    this.up = true;
  }
}
