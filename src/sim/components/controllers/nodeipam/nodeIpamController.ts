import type { Node } from "../../../api/types";
import { fromTimestamp } from "../../../runtime";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { CidrSet } from "./cidrSet";

export const ALLOCATE_KEY = "allocate";

/**
 * The node IPAM controller's range allocator: every node gets `spec.podCIDR` (a /24 of
 * 10.244.0.0/16 by default), in order of creation; the kubelet and the network plugin give
 * that node's pods their IPs from it. Events are recorded as `cidrAllocator`.
 */
export class NodeIpamController implements Reconciler {
  readonly name = "cidrAllocator";
  private readonly set: CidrSet;
  /** Node → CIDR this process handed out (until the informer shows it on the node). */
  private readonly assigned = new Map<string, string>();
  private readonly failed = new Set<string>();

  constructor(clusterCidr?: string, nodeMaskSize?: number) {
    this.set = new CidrSet(clusterCidr, nodeMaskSize);
  }

  sync(key: string, ctx: ReconcileContext): Plan {
    if (key !== ALLOCATE_KEY) return NOTHING;
    const nodes = ctx.lister<Node>("nodes").list();
    const present = new Set<string>();
    const waiting: Node[] = [];
    for (const n of nodes) {
      const name = n.metadata.name ?? "";
      present.add(name);
      const cidr = n.spec.podCIDR ?? n.spec.podCIDRs?.[0];
      if (cidr) {
        this.set.occupy(cidr);
        this.assigned.delete(name);
      } else waiting.push(n);
    }
    for (const [name, cidr] of [...this.assigned]) {
      if (present.has(name)) continue;
      this.set.release(cidr);
      this.assigned.delete(name);
    }
    waiting.sort((a, b) => created(a) - created(b) || ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
    const calls: PlannedCall[] = [];
    for (const node of waiting) {
      const name = node.metadata.name ?? "";
      let cidr = this.assigned.get(name);
      if (!cidr) {
        cidr = this.set.allocateNext();
        if (!cidr) {
          if (!this.failed.has(name)) calls.push(ctx.events.normal(node, "CIDRNotAvailable", `Node ${name} status is now: CIDRNotAvailable`));
          this.failed.add(name);
          continue;
        }
        this.assigned.set(name, cidr);
      }
      calls.push({
        request: { verb: "patch", resource: "nodes", name, patchType: "merge", body: { spec: { podCIDR: cidr, podCIDRs: [cidr] } } },
        why: `Node ${name} has no pod address range yet, so the node IPAM controller gives it ${cidr}: its pods will get IPs from that range.`,
      });
    }
    return calls.length === 0 ? NOTHING : { calls, execution: "concurrent" };
  }
}

function created(n: Node): number {
  return n.metadata.creationTimestamp ? fromTimestamp(n.metadata.creationTimestamp) : 0;
}
