import type { EndpointSlice, Service } from "../../api/types";
import type { ApiClientImpl } from "../client/apiClient";
import { SharedInformer } from "../client/informer";
import { resolve, type DnsAnswer } from "./dnsRecords";

/**
 * CoreDNS, the cluster add-on: it watches Services and EndpointSlices through kube-apiserver
 * and answers DNS queries from that cache. Stopped, queries time out.
 */
export class CoreDns {
  readonly id = "coredns";
  private up = false;
  private services: SharedInformer<Service> | undefined;
  private slices: SharedInformer<EndpointSlice> | undefined;

  constructor(private readonly client: ApiClientImpl) {}

  get running(): boolean {
    return this.up;
  }

  start(): void {
    if (this.up) return;
    this.up = true;
    this.client.resume();
    this.services = new SharedInformer<Service>("services", this.client, undefined, { standardIndexes: false });
    this.slices = new SharedInformer<EndpointSlice>("endpointslices", this.client, undefined, { standardIndexes: false });
    this.services.addIndex("service-name", () => []);
    this.slices.addIndex("service-name", (s) => {
      const svc = s.metadata.labels?.["kubernetes.io/service-name"];
      return svc ? [`${s.metadata.namespace}/${svc}`] : [];
    });
    this.services.start();
    this.slices.start();
  }

  stop(): void {
    this.up = false;
    this.services?.stop();
    this.slices?.stop();
    this.client.halt();
  }

  /** Answers one A query, or "timeout" when CoreDNS is down. */
  lookup(query: string, clientNamespace: string): DnsAnswer | "timeout" {
    if (!this.up || !this.services || !this.slices) return "timeout";
    const services = this.services;
    const slices = this.slices;
    return resolve(query, clientNamespace, (ns, name) => services.get(ns, name), (ns, svc) => slices.byIndex("service-name", `${ns}/${svc}`));
  }
}
