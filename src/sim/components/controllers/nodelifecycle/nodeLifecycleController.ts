import type { Lease, Node, NodeCondition, Pod, Taint } from "../../../api/types";
import { toTimestamp } from "../../../runtime";
import { NOTHING, type Plan, type PlannedCall, type ReconcileContext, type Reconciler } from "../framework/plan";
import { markPodNotReady } from "./markPodNotReady";
import { checkNodeHealth, readyCondition, type NodeHealth } from "./nodeHealth";
import { NoExecuteTainter } from "./noExecuteTainter";
import { hasTaint, reconcileNoScheduleTaints, swapTaints, TAINT_NOT_READY, TAINT_UNREACHABLE } from "./nodeTaints";
import { DEFAULT_NODE_LIFECYCLE_TIMINGS, type NodeLifecycleTimings } from "./timings";
import { computeZoneState, LABEL_EXCLUDE_DISRUPTION, zoneEvictionQps, zoneKey, type ZoneState } from "./zoneState";

/** The periodic health check (monitorNodeHealth + doNoExecuteTaintingPass). */
export const MONITOR_KEY = "monitor";
/** `node:<name>`: the NoSchedule tainting pass for one node after it changed. */
export const nodeKey = (name: string) => `node:${name}`;
/** `pod:<ns>/<name>`: a pod newly bound to a node that is not Ready. */
export const podKey = (ns: string, name: string) => `pod:${ns}/${name}`;

const UNREACHABLE_NOEXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: "NoExecute" };
const NOT_READY_NOEXECUTE: Taint = { key: TAINT_NOT_READY, effect: "NoExecute" };

function taintPatch(node: Node, taints: Taint[], why: string): PlannedCall {
  return { request: { verb: "patch", resource: "nodes", name: node.metadata.name, patchType: "merge", body: { spec: { taints } } }, why };
}

/**
 * The node lifecycle controller (events as `node-controller`): notices nodes whose kubelet
 * stopped heartbeating, marks them Unknown, taints them, and marks their pods not ready.
 * Evicting the pods is the taint-eviction controller's job.
 */
export class NodeLifecycleController implements Reconciler {
  readonly name = "node-controller";
  private readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, Node>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainter: NoExecuteTainter;

  constructor(private readonly t: NodeLifecycleTimings = DEFAULT_NODE_LIFECYCLE_TIMINGS) {
    this.tainter = new NoExecuteTainter(t.evictionRateQps);
  }

  sync(key: string, ctx: ReconcileContext): Plan {
    if (key === MONITOR_KEY) return this.monitor(ctx);
    if (key.startsWith("node:")) return this.noScheduleTaints(key.slice(5), ctx);
    if (key.startsWith("pod:")) return this.processPod(key.slice(4), ctx);
    return NOTHING;
  }

  /** doNoScheduleTaintingPass: NoSchedule taints follow the node's conditions and spec.unschedulable. */
  private noScheduleTaints(name: string, ctx: ReconcileContext): Plan {
    const node = ctx.lister<Node>("nodes").get(undefined, name);
    if (!node) return NOTHING;
    const r = reconcileNoScheduleTaints(node, toTimestamp(ctx.now));
    if (!r) return NOTHING;
    const what = [...r.added.map((t) => `adds ${t.key}:NoSchedule`), ...r.removed.map((t) => `removes ${t.key}:NoSchedule`)].join(" and ");
    const cause = node.spec.unschedulable && r.added.some((t) => t.key.endsWith("unschedulable")) ? "was cordoned" : "changed its conditions or schedulability";
    return { calls: [taintPatch(node, r.taints, `Node ${name} ${cause}, so node-controller ${what}, telling the scheduler whether new pods may go there.`)] };
  }

  /** processPod: a pod bound to a node that is not Ready is marked not ready at once. */
  private processPod(key: string, ctx: ReconcileContext): Plan {
    const slash = key.indexOf("/");
    const pod = ctx.lister<Pod>("pods").get(key.slice(0, slash), key.slice(slash + 1));
    const nodeName = pod?.spec.nodeName;
    if (!pod || !nodeName) return NOTHING;
    const ready = this.health.get(nodeName)?.savedReady;
    if (!ready || ready.status === "True") return NOTHING;
    return { calls: this.markPodsNotReady([pod], nodeName, ctx), execution: "concurrent" };
  }

  private markPodsNotReady(pods: readonly Pod[], nodeName: string, ctx: ReconcileContext): PlannedCall[] {
    const calls: PlannedCall[] = [];
    const ts = toTimestamp(ctx.now);
    for (const pod of pods) {
      if (pod.spec.nodeName !== nodeName) continue;
      const updated = markPodNotReady(pod, ts);
      if (!updated) continue;
      calls.push({
        request: { verb: "update", resource: "pods", subresource: "status", namespace: pod.metadata.namespace, name: pod.metadata.name, body: updated, resourceVersion: pod.metadata.resourceVersion },
        why: `Node ${nodeName} is not ready, so node-controller marks pod ${pod.metadata.name} Ready=False: traffic should stop going to it.`,
        okStatuses: [404],
        onSuccess: [ctx.events.warning(pod, "NodeNotReady", "Node is not ready")],
      });
    }
    return calls;
  }

  private monitor(ctx: ReconcileContext): Plan {
    const nodes = ctx.lister<Node>("nodes").list();
    const leases = ctx.lister<Lease>("leases");
    const pods = ctx.lister<Pod>("pods");
    const calls: PlannedCall[] = [];
    const present = new Set<string>();

    for (const node of nodes) {
      const name = node.metadata.name ?? "";
      present.add(name);
      if (!this.known.has(name)) {
        calls.push(ctx.events.normal(node, "RegisteredNode", `Node ${name} event: Registered Node ${name} in Controller`));
        this.known.set(name, node);
        if (!this.zoneStates.has(zoneKey(node))) this.zoneStates.set(zoneKey(node), "Initial");
        calls.push(...this.markNodeAsReachable(node));
      }
    }
    for (const [name, node] of this.known) {
      if (present.has(name)) continue;
      calls.push(ctx.events.normal(node, "RemovingNode", `Node ${name} event: Removing Node ${name} from Controller`));
      this.known.delete(name);
      this.health.delete(name);
      this.tainter.remove(zoneKey(node), name);
    }

    const zoneReady = new Map<string, (NodeCondition | undefined)[]>();
    for (const node of nodes) {
      const name = node.metadata.name ?? "";
      const check = checkNodeHealth(node, leases.get("kube-node-lease", name), this.health.get(name), ctx.now, this.t.gracePeriodMs, this.t.startupGracePeriodMs);
      this.health.set(name, check.health);
      if (check.updatedNode) {
        calls.push({
          request: { verb: "update", resource: "nodes", subresource: "status", name, body: check.updatedNode, resourceVersion: node.metadata.resourceVersion },
          why: `Neither a node status nor a Lease renewal has come from the kubelet on ${name} for over ${this.t.gracePeriodMs / 1000} s, so node-controller sets its conditions to Unknown ("Kubelet stopped posting node status.").`,
        });
      }
      if (!(node.metadata.labels && LABEL_EXCLUDE_DISRUPTION in node.metadata.labels)) {
        const z = zoneKey(node);
        const list = zoneReady.get(z) ?? [];
        list.push(check.currentReady);
        zoneReady.set(z, list);
      }
      if (!check.currentReady) continue;
      calls.push(...this.taintBasedEviction(node, check.observedReady));
      if (check.currentReady.status !== "True" && check.observedReady.status === "True") {
        calls.push(ctx.events.normal(node, "NodeNotReady", `Node ${name} status is now: NodeNotReady`));
        calls.push(...this.markPodsNotReady(pods.byIndex("nodeName", name), name, ctx));
      }
    }
    calls.push(...this.handleDisruption(zoneReady, nodes, ctx.now));
    calls.push(...this.noExecuteTaintingPass(ctx, nodes));
    return { calls, execution: "concurrent", resyncAfterMs: this.t.monitorPeriodMs };
  }

  /** processTaintBaseEviction, driven by the Ready condition as it was at the start of the pass. */
  private taintBasedEviction(node: Node, observed: NodeCondition): PlannedCall[] {
    const name = node.metadata.name ?? "";
    const zone = zoneKey(node);
    if (observed.status === "False" || observed.status === "Unknown") {
      const [want, opposite] = observed.status === "False" ? [NOT_READY_NOEXECUTE, UNREACHABLE_NOEXECUTE] : [UNREACHABLE_NOEXECUTE, NOT_READY_NOEXECUTE];
      if (hasTaint(node, opposite.key, "NoExecute")) {
        // Not ready and unreachable are exclusive: swap at once.
        return [taintPatch(node, swapTaints(node.spec.taints ?? [], [want], [opposite], undefined), `Node ${name} went from ${opposite.key} to ${want.key}, so node-controller swaps its NoExecute taint.`)];
      }
      if (!hasTaint(node, want.key, "NoExecute")) this.tainter.add(zone, name);
      return [];
    }
    return this.markNodeAsReachable(node);
  }

  /** markNodeAsReachable: the node is Ready, so its NoExecute taints go and it leaves the queue. */
  private markNodeAsReachable(node: Node): PlannedCall[] {
    const name = node.metadata.name ?? "";
    this.tainter.remove(zoneKey(node), name);
    const remove = [UNREACHABLE_NOEXECUTE, NOT_READY_NOEXECUTE].filter((t) => hasTaint(node, t.key, "NoExecute"));
    if (remove.length === 0) return [];
    return [taintPatch(node, swapTaints(node.spec.taints ?? [], [], remove, undefined), `Node ${name} is Ready again, so node-controller removes its ${remove.map((t) => t.key).join(" and ")} NoExecute taint: its pods are no longer due for eviction.`)];
  }

  /** handleDisruption: zone states set each zone's tainting rate; if every zone is down, stop. */
  private handleDisruption(zoneReady: Map<string, (NodeCondition | undefined)[]>, nodes: readonly Node[], now: number): PlannedCall[] {
    const next = new Map<string, ZoneState>();
    let allFully = true;
    for (const [z, conds] of zoneReady) {
      const { state } = computeZoneState(conds, this.t.unhealthyZoneThreshold);
      if (state !== "FullDisruption") allFully = false;
      next.set(z, state);
      if (!this.zoneStates.has(z)) this.zoneStates.set(z, "Initial");
    }
    let allWereFully = true;
    for (const [z, s] of [...this.zoneStates]) {
      if (!zoneReady.has(z)) {
        this.zoneStates.delete(z);
        continue;
      }
      if (s !== "FullDisruption") {
        allWereFully = false;
        break;
      }
    }
    if (allFully && allWereFully) return [];
    const calls: PlannedCall[] = [];
    if (allFully) {
      // Every node is down: more likely the control plane's view is broken than every machine. No evictions.
      for (const n of nodes) calls.push(...this.markNodeAsReachable(n));
      for (const z of this.zoneStates.keys()) {
        this.tainter.setQps(z, 0);
        this.zoneStates.set(z, "FullDisruption");
      }
      return calls;
    }
    if (allWereFully) {
      // Leaving a full disruption: every node gets a fresh grace period before it can be tainted.
      for (const n of nodes) {
        const h = this.health.get(n.metadata.name ?? "");
        if (h) this.health.set(n.metadata.name ?? "", { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      }
    }
    for (const [z, s] of this.zoneStates) {
      const ns = next.get(z) ?? s;
      if (allWereFully || ns !== s) this.tainter.setQps(z, zoneEvictionQps(ns, zoneReady.get(z)?.length ?? 0, this.t));
      this.zoneStates.set(z, ns);
    }
    return calls;
  }

  /** doNoExecuteTaintingPass: queued nodes get their NoExecute taint, within each zone's rate. */
  private noExecuteTaintingPass(ctx: ReconcileContext, nodes: readonly Node[]): PlannedCall[] {
    const calls: PlannedCall[] = [];
    const byName = new Map(nodes.map((n) => [n.metadata.name ?? "", n]));
    const ts = toTimestamp(ctx.now);
    for (const zone of this.tainter.zones()) {
      this.tainter.take(zone, ctx.now, (name) => {
        const node = byName.get(name);
        if (!node) return true;
        const ready = readyCondition(node);
        if (!ready) return false;
        if (ready.status === "True") return true;
        const [want, opposite] = ready.status === "False" ? [NOT_READY_NOEXECUTE, UNREACHABLE_NOEXECUTE] : [UNREACHABLE_NOEXECUTE, NOT_READY_NOEXECUTE];
        const how = ready.status === "False" ? "reports NotReady" : "has stopped reporting";
        calls.push(
          taintPatch(
            node,
            swapTaints(node.spec.taints ?? [], [want], [opposite], ts),
            `Node ${name} ${how}, so node-controller taints it ${want.key}:NoExecute; pods that do not tolerate the taint will be evicted (most tolerate it for 300 s).`,
          ),
        );
        return true;
      });
    }
    return calls;
  }
}
