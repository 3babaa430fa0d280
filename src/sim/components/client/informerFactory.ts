import type { KubeObject } from "../../api/types";
import { SharedInformer } from "./informer";
import type { ApiClient, Informer, InformerFactory } from "./types";

/** One informer per (resource, field selector) per component process, shared by its controllers. */
export class SharedInformerFactory implements InformerFactory {
  private readonly informers = new Map<string, SharedInformer<KubeObject>>();
  private started = false;

  constructor(
    private readonly client: ApiClient,
    private readonly opts: { standardIndexes?: boolean } = {},
  ) {}

  informer<T extends KubeObject>(resource: string, opts: { fieldSelector?: string } = {}): Informer<T> {
    const key = `${resource}?${opts.fieldSelector ?? ""}`;
    let inf = this.informers.get(key);
    if (!inf) {
      inf = new SharedInformer<KubeObject>(resource, this.client, opts.fieldSelector, this.opts);
      this.informers.set(key, inf);
      if (this.started) inf.start();
    }
    return inf as unknown as Informer<T>;
  }

  start(): void {
    this.started = true;
    for (const inf of this.informers.values()) inf.start();
  }

  stop(): void {
    this.started = false;
    for (const inf of this.informers.values()) inf.stop();
  }
}
