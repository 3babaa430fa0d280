import type { Node } from "../../api/types";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../controllers/framework/plan";
import type { CloudApi } from "./cloudClient";

export const CLOUD_NODE_MONITOR_KEY = "monitor";
/** cloud-controller-manager --node-monitor-period default. */
export const CLOUD_NODE_MONITOR_PERIOD_MS = 5_000;
export const TAINT_NODE_SHUTDOWN = "node.cloudprovider.kubernetes.io/shutdown";

/**
 * The cloud node lifecycle controller (events as `cloud-node-lifecycle-controller`): a node
 * that is not Ready and whose machine the cloud no longer has is deleted; one whose machine is
 * shut down gets the shutdown taint, removed again when it is Ready.
 */
export class CloudNodeLifecycleController implements Reconciler {
  readonly name = "cloud-node-lifecycle-controller";

  constructor(
    private readonly cloud: CloudApi,
    private readonly periodMs = CLOUD_NODE_MONITOR_PERIOD_MS,
  ) {}

  sync(key: string, ctx: ReconcileContext): Plan {
    if (key !== CLOUD_NODE_MONITOR_KEY) return NOTHING;
    const calls: PlannedCall[] = [];
    for (const node of ctx.lister<Node>("nodes").list()) {
      if (node.metadata.deletionTimestamp) continue;
      const name = node.metadata.name ?? "";
      const ready = node.status?.conditions?.find((c) => c.type === "Ready")?.status ?? "Unknown";
      const taints = node.spec.taints ?? [];
      const shutdownTainted = taints.some((t) => t.key === TAINT_NODE_SHUTDOWN);
      if (ready === "True") {
        if (shutdownTainted) calls.push(this.patchTaints(name, taints.filter((t) => t.key !== TAINT_NODE_SHUTDOWN), `Node ${name} is Ready again, so cloud-node-lifecycle-controller removes its shutdown taint.`));
        continue;
      }
      if (!this.cloud.instanceExists(name)) {
        calls.push(ctx.events.normal(node, "DeletingNode", `Deleting node ${name} because it does not exist in the cloud provider`));
        calls.push({
          request: { verb: "delete", resource: "nodes", name },
          why: `Node ${name} is not Ready and the cloud provider says its machine no longer exists, so cloud-node-lifecycle-controller deletes the Node object.`,
          okStatuses: [404],
          onFailure: (err) => [ctx.events.warning(node, "DeletingNodeFailed", `Failed deleting node ${name}: ${err.message}`)],
        });
      } else if (!shutdownTainted && this.cloud.instanceShutdown(name)) {
        calls.push(this.patchTaints(name, [...taints, { key: TAINT_NODE_SHUTDOWN, effect: "NoSchedule" }], `Node ${name} is not Ready and its machine is shut down, so cloud-node-lifecycle-controller taints it ${TAINT_NODE_SHUTDOWN}:NoSchedule.`));
      }
    }
    return { calls, execution: "concurrent", resyncAfterMs: this.periodMs };
  }

  private patchTaints(name: string, taints: NonNullable<Node["spec"]["taints"]>, why: string): PlannedCall {
    return { request: { verb: "patch", resource: "nodes", name, patchType: "merge", body: { spec: { taints } } }, why };
  }
}
