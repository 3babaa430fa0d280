import type { Kernel } from "../../runtime";
import type { CloudLoadBalancer, LoadBalancerPort, SimulatedCloud } from "./cloudProvider";

/** What cloud-controller-manager's controllers ask the cloud (its provider API). */
export interface CloudApi {
  instanceExists(node: string): boolean;
  instanceShutdown(node: string): boolean;
  loadBalancer(service: string): CloudLoadBalancer | undefined;
  /** Starts provisioning (or reconfiguring); `done` runs when the cloud has finished. */
  ensureLoadBalancer(service: string, name: string, ports: LoadBalancerPort[], nodes: string[], done: () => void): void;
  updateLoadBalancerHosts(service: string, nodes: string[], done: () => void): void;
  ensureLoadBalancerDeleted(service: string, done: () => void): void;
}

/** Simulated cloud API timings (the lead copies them into profiles.ts). */
export const CLOUD_TIMINGS = {
  /** One call to the cloud provider's API and back. */
  apiCallMs: [20, 60] as [number, number],
  /** Provisioning a load balancer: tens of seconds on real clouds. */
  loadBalancerProvisionMs: [20_000, 40_000] as [number, number],
  /** Changing a load balancer's backends or deleting it. */
  loadBalancerUpdateMs: [2_000, 5_000] as [number, number],
};
export type CloudTimings = typeof CLOUD_TIMINGS;

const CCM = "cloud-controller-manager";

/**
 * cloud-controller-manager's connection to the simulated cloud: every call is a traced
 * message (kind "cloud") to the `cloud` box and back; long operations complete after their
 * provisioning time. Lookups answer from the provider's current state and are traced too.
 */
export class TracedCloudClient implements CloudApi {
  constructor(
    private readonly kernel: Kernel,
    private readonly provider: SimulatedCloud,
    private readonly timings: CloudTimings = CLOUD_TIMINGS,
    private readonly alive: () => boolean = () => true,
  ) {}

  private latency(range: [number, number]): number {
    return this.kernel.rng.int(range[0], range[1]);
  }

  private lookup(verb: string, node: string, answer: boolean, what: string): boolean {
    this.kernel.note(() => ({
      from: CCM,
      to: "cloud",
      kind: "cloud",
      verb,
      name: node,
      summary: `${verb} ${node}: ${answer}`,
      narration: `cloud-controller-manager asks the cloud provider whether the machine behind node ${node} ${what}: ${answer ? "yes" : "no"}.`,
    }));
    return answer;
  }

  instanceExists(node: string): boolean {
    return this.lookup("InstanceExists", node, this.provider.instanceExists(node), "still exists");
  }

  instanceShutdown(node: string): boolean {
    return this.lookup("InstanceShutdown", node, this.provider.instanceShutdown(node), "is shut down");
  }

  loadBalancer(service: string): CloudLoadBalancer | undefined {
    return this.provider.loadBalancer(service);
  }

  /** Request message → the cloud works for `workMs` → reply message → `apply` + `done`. */
  private operation(verb: string, service: string, workMs: number, request: string, reply: string, apply: () => void, done: () => void): void {
    const there = this.latency(this.timings.apiCallMs);
    this.kernel.send(
      there,
      () => ({ from: CCM, to: "cloud", kind: "cloud", verb, name: service, summary: `${verb} ${service}`, narration: request }),
      () => {
        this.kernel.after(workMs, () => {
          apply();
          this.kernel.send(
            this.latency(this.timings.apiCallMs),
            () => ({ from: "cloud", to: CCM, kind: "cloud", verb: `${verb} done`, name: service, summary: `${verb} ${service}: done`, narration: reply }),
            () => {
              if (this.alive()) done();
            },
          );
        });
      },
    );
  }

  ensureLoadBalancer(service: string, name: string, ports: LoadBalancerPort[], nodes: string[], done: () => void): void {
    const exists = this.provider.loadBalancer(service) !== undefined;
    const work = this.latency(exists ? this.timings.loadBalancerUpdateMs : this.timings.loadBalancerProvisionMs);
    this.operation(
      "EnsureLoadBalancer",
      service,
      work,
      `cloud-controller-manager asks the cloud provider for a load balancer for Service ${service}, forwarding to ${nodes.length} node${nodes.length === 1 ? "" : "s"}; provisioning takes a while.`,
      `The cloud provider has finished the load balancer for Service ${service} and gives it a public IP address.`,
      () => this.provider.ensureLoadBalancer(service, name, ports, nodes),
      done,
    );
  }

  updateLoadBalancerHosts(service: string, nodes: string[], done: () => void): void {
    this.operation(
      "UpdateLoadBalancer",
      service,
      this.latency(this.timings.loadBalancerUpdateMs),
      `The set of nodes changed, so cloud-controller-manager asks the cloud provider to send Service ${service}'s traffic to ${nodes.length} node${nodes.length === 1 ? "" : "s"}.`,
      `The cloud provider has updated the backends of Service ${service}'s load balancer.`,
      () => this.provider.updateLoadBalancerHosts(service, nodes),
      done,
    );
  }

  ensureLoadBalancerDeleted(service: string, done: () => void): void {
    this.operation(
      "EnsureLoadBalancerDeleted",
      service,
      this.latency(this.timings.loadBalancerUpdateMs),
      `Service ${service} no longer needs its load balancer, so cloud-controller-manager asks the cloud provider to delete it.`,
      `The cloud provider has deleted Service ${service}'s load balancer and released its IP address.`,
      () => this.provider.ensureLoadBalancerDeleted(service),
      done,
    );
  }
}
