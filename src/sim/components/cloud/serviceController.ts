import type { Node, Service } from "../../api/types";
import { splitKey } from "../controllers/framework/keys";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../controllers/framework/plan";
import type { CloudApi } from "./cloudClient";
import { defaultLoadBalancerName, type LoadBalancerPort } from "./cloudProvider";

export const LOAD_BALANCER_FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
export const LABEL_EXCLUDE_FROM_LB = "node.kubernetes.io/exclude-from-external-load-balancers";
const TAINT_TO_BE_DELETED = "ToBeDeletedByClusterAutoscaler";

/** The nodes a load balancer sends traffic to (nodes excluded by label or being removed are not). */
export function loadBalancerNodes(nodes: readonly Node[]): string[] {
  return nodes
    .filter((n) => !(n.metadata.labels && LABEL_EXCLUDE_FROM_LB in n.metadata.labels))
    .filter((n) => !(n.spec.taints ?? []).some((t) => t.key === TAINT_TO_BE_DELETED))
    .map((n) => n.metadata.name ?? "")
    .sort();
}

function lbPorts(svc: Service): LoadBalancerPort[] {
  return (svc.spec.ports ?? []).map((p) => ({ name: p.name, protocol: p.protocol ?? "TCP", port: p.port, nodePort: p.nodePort }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * cloud-controller-manager's service controller (events as `service-controller`): gives each
 * `type: LoadBalancer` Service a cloud load balancer and writes its address into
 * status.loadBalancer.ingress (EXTERNAL-IP stops reading `<pending>`), keeps its backends in
 * step with the nodes, and deletes it (finalizer first) when the Service goes.
 */
export class ServiceController implements Reconciler {
  readonly name = "service-controller";
  /** Services with a cloud operation under way. */
  private readonly inflight = new Set<string>();
  /** What the last finished operation was, to report it on the next sync. */
  private readonly finished = new Map<string, "ensured" | "updated" | "deleted">();

  /** `enqueue` is called when a cloud operation finishes (the runner's enqueue). */
  constructor(
    private readonly cloud: CloudApi,
    private readonly enqueue: (key: string) => void,
  ) {}

  sync(key: string, ctx: ReconcileContext): Plan {
    if (this.inflight.has(key)) return NOTHING;
    const { namespace, name } = splitKey(key);
    const svc = ctx.lister<Service>("services").get(namespace, name);
    const lb = this.cloud.loadBalancer(key);
    const wantsLB = svc !== undefined && svc.spec.type === "LoadBalancer" && !svc.metadata.deletionTimestamp;
    const done = this.finished.get(key);
    this.finished.delete(key);

    if (!wantsLB) return this.cleanup(key, svc, lb !== undefined, done === "deleted", ctx);

    const calls: PlannedCall[] = [];
    const finalizers = svc.metadata.finalizers ?? [];
    if (!finalizers.includes(LOAD_BALANCER_FINALIZER)) {
      calls.push({
        request: { verb: "patch", resource: "services", namespace, name, patchType: "merge", body: { metadata: { finalizers: [...finalizers, LOAD_BALANCER_FINALIZER] } } },
        why: `Service ${name} will own a cloud load balancer, so the service controller adds a finalizer: the Service cannot vanish before the load balancer is cleaned up.`,
      });
    }
    const nodes = loadBalancerNodes(ctx.lister<Node>("nodes").list());
    const ports = lbPorts(svc);
    if (!lb || !same(lb.ports, ports)) {
      calls.push({ ...ctx.events.normal(svc, "EnsuringLoadBalancer", "Ensuring load balancer"), why: `Service ${name} is of type LoadBalancer, so the service controller asks the cloud provider for a load balancer; EXTERNAL-IP shows <pending> until it is ready.` });
      this.start(key, (cb) => this.cloud.ensureLoadBalancer(key, defaultLoadBalancerName(svc.metadata.uid ?? key), ports, nodes, cb), "ensured");
      return { calls };
    }
    if (!same(lb.nodes, nodes)) {
      this.start(key, (cb) => this.cloud.updateLoadBalancerHosts(key, nodes, cb), "updated");
      return calls.length ? { calls } : NOTHING;
    }
    if (done === "updated") calls.push(ctx.events.normal(svc, "UpdatedLoadBalancer", "Updated load balancer with new hosts"));
    const ingress = [{ ip: lb.ip, ipMode: "VIP" }];
    if (!same(svc.status?.loadBalancer?.ingress ?? [], ingress)) {
      calls.push({
        request: { verb: "patch", resource: "services", subresource: "status", namespace, name, patchType: "merge", body: { status: { loadBalancer: { ingress } } } },
        why: `The cloud load balancer for Service ${name} is ready at ${lb.ip}, so the service controller writes that address into the Service's status (its EXTERNAL-IP).`,
        onSuccess: [ctx.events.normal(svc, "EnsuredLoadBalancer", "Ensured load balancer")],
      });
    }
    return calls.length ? { calls } : NOTHING;
  }

  /** The Service is gone, being deleted, or no longer a LoadBalancer: delete the load balancer, then drop the finalizer. */
  private cleanup(key: string, svc: Service | undefined, hasLB: boolean, justDeleted: boolean, ctx: ReconcileContext): Plan {
    const name = svc?.metadata.name ?? splitKey(key).name;
    if (hasLB) {
      this.start(key, (cb) => this.cloud.ensureLoadBalancerDeleted(key, cb), "deleted");
      if (!svc) return NOTHING;
      return { calls: [{ ...ctx.events.normal(svc, "DeletingLoadBalancer", "Deleting load balancer"), why: `Service ${name} no longer needs a load balancer, so the service controller asks the cloud provider to delete it.` }] };
    }
    if (!svc) return NOTHING;
    const calls: PlannedCall[] = [];
    if (justDeleted) calls.push(ctx.events.normal(svc, "DeletedLoadBalancer", "Deleted load balancer"));
    const finalizers = svc.metadata.finalizers ?? [];
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0 && !svc.metadata.deletionTimestamp) {
      calls.push({
        request: { verb: "patch", resource: "services", subresource: "status", namespace: svc.metadata.namespace, name, patchType: "merge", body: { status: { loadBalancer: {} } } },
        why: `Service ${name} has no load balancer any more, so the service controller clears its external address.`,
      });
    }
    if (finalizers.includes(LOAD_BALANCER_FINALIZER)) {
      calls.push({
        request: { verb: "patch", resource: "services", namespace: svc.metadata.namespace, name, patchType: "merge", body: { metadata: { finalizers: finalizers.filter((f) => f !== LOAD_BALANCER_FINALIZER) } } },
        why: `The load balancer of Service ${name} is gone, so the service controller removes its finalizer${svc.metadata.deletionTimestamp ? " and the Service can finally be deleted" : ""}.`,
        okStatuses: [404],
      });
    }
    return calls.length ? { calls } : NOTHING;
  }

  private start(key: string, op: (done: () => void) => void, outcome: "ensured" | "updated" | "deleted"): void {
    this.inflight.add(key);
    op(() => {
      this.inflight.delete(key);
      this.finished.set(key, outcome);
      this.enqueue(key);
    });
  }
}
