/**
 * The simulated cloud: its machines (one per Node) and its load balancers. The fault layer
 * calls `removeInstance` (or flips `setInstanceExists` / `setInstanceShutdown`); the data path reads `loadBalancers()` to
 * route client → load balancer IP → a node's NodePort.
 */

export interface LoadBalancerPort {
  name?: string;
  protocol: string;
  /** The port clients connect to on the load balancer IP. */
  port: number;
  /** The NodePort every target node forwards (kube-proxy rules). */
  nodePort?: number;
}

export interface CloudLoadBalancer {
  /** cloudprovider.DefaultLoadBalancerName: "a" + the Service UID without dashes, at most 32 chars. */
  name: string;
  /** The Service, `namespace/name`. */
  service: string;
  ip: string;
  ports: LoadBalancerPort[];
  /** Backend node names (nodes excluded from load balancers are left out). */
  nodes: string[];
}

/** Documentation range TEST-NET-3: public-looking, never routable. */
export const LOAD_BALANCER_FIRST_IP = "203.0.113.10";

export function defaultLoadBalancerName(uid: string): string {
  return `a${uid.replace(/-/g, "")}`.slice(0, 32);
}

export class SimulatedCloud {
  private readonly gone = new Set<string>();
  private readonly machines = new Map<string, string>();
  private readonly shutdown = new Set<string>();
  private readonly lbs = new Map<string, CloudLoadBalancer>();
  private readonly ipsByName = new Map<string, string>();
  private nextIp: number;
  private readonly prefix: string;

  constructor(firstIp = LOAD_BALANCER_FIRST_IP) {
    const parts = firstIp.split(".");
    this.prefix = parts.slice(0, 3).join(".");
    this.nextIp = Number(parts[3]);
  }

  /** A machine was created (a node joins): `ip` is its address in the VPC. */
  addInstance(node: string, ip: string): void {
    this.machines.set(node, ip);
    this.gone.delete(node);
    this.shutdown.delete(node);
  }

  /** The machine is deleted in the cloud (fault `node-remove`). */
  removeInstance(node: string): void {
    this.machines.delete(node);
    this.gone.add(node);
  }

  /** Machines that exist, name → IP (for the inspector and the data path). */
  instances(): ReadonlyMap<string, string> {
    return this.machines;
  }

  /** InstancesV2.InstanceExists: false once the machine is gone (deleted in the cloud). */
  instanceExists(node: string): boolean {
    return !this.gone.has(node);
  }

  /** InstancesV2.InstanceShutdown: the machine exists but is powered off. */
  instanceShutdown(node: string): boolean {
    return this.shutdown.has(node);
  }

  /** Fault layer: the machine behind `node` is deleted (false) or back (true). */
  setInstanceExists(node: string, exists: boolean): void {
    if (exists) this.gone.delete(node);
    else this.gone.add(node);
  }

  setInstanceShutdown(node: string, shutdown: boolean): void {
    if (shutdown) this.shutdown.add(node);
    else this.shutdown.delete(node);
  }

  loadBalancer(service: string): CloudLoadBalancer | undefined {
    return this.lbs.get(service);
  }

  /** Every provisioned load balancer (for the data path and the inspector). */
  loadBalancers(): CloudLoadBalancer[] {
    return [...this.lbs.values()];
  }

  /** Creates or updates the load balancer; a load balancer keeps its IP for its whole life. */
  ensureLoadBalancer(service: string, name: string, ports: LoadBalancerPort[], nodes: string[]): CloudLoadBalancer {
    let ip = this.ipsByName.get(name);
    if (!ip) {
      ip = `${this.prefix}.${this.nextIp++}`;
      this.ipsByName.set(name, ip);
    }
    const lb: CloudLoadBalancer = { name, service, ip, ports: ports.map((p) => ({ ...p })), nodes: [...nodes] };
    this.lbs.set(service, lb);
    return lb;
  }

  updateLoadBalancerHosts(service: string, nodes: string[]): void {
    const lb = this.lbs.get(service);
    if (lb) lb.nodes = [...nodes];
  }

  ensureLoadBalancerDeleted(service: string): void {
    const lb = this.lbs.get(service);
    if (!lb) return;
    this.lbs.delete(service);
    this.ipsByName.delete(lb.name);
  }
}

/** The name the brief used for the same thing. */
export { SimulatedCloud as CloudProvider };
