import type { Node, Pod } from "../../../api/types";
import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { MONITOR_KEY, NodeLifecycleController, nodeKey, podKey } from "./nodeLifecycleController";
import { DEFAULT_NODE_LIFECYCLE_TIMINGS, type NodeLifecycleTimings } from "./timings";

const statuses = (n: Node) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(",");

/** Changes the NoSchedule pass cares about (a heartbeat alone is not one). */
function taintRelevant(a: Node, b: Node): boolean {
  return statuses(a) !== statuses(b) || (a.spec.unschedulable ?? false) !== (b.spec.unschedulable ?? false) || JSON.stringify(a.spec.taints ?? []) !== JSON.stringify(b.spec.taints ?? []);
}

/** Profile settings (config keys) over the v1.34 defaults. */
export function nodeLifecycleTimings(config: Readonly<Record<string, number>>): NodeLifecycleTimings {
  const d = DEFAULT_NODE_LIFECYCLE_TIMINGS;
  return {
    monitorPeriodMs: config.nodeMonitorPeriodMs ?? d.monitorPeriodMs,
    gracePeriodMs: config.nodeMonitorGracePeriodMs ?? d.gracePeriodMs,
    startupGracePeriodMs: config.nodeStartupGracePeriodMs ?? d.startupGracePeriodMs,
    evictionRateQps: config.nodeEvictionRateQps ?? d.evictionRateQps,
    secondaryEvictionRateQps: config.secondaryNodeEvictionRateQps ?? d.secondaryEvictionRateQps,
    largeClusterThreshold: config.largeClusterSizeThreshold ?? d.largeClusterThreshold,
    unhealthyZoneThreshold: config.unhealthyZoneThreshold ?? d.unhealthyZoneThreshold,
  };
}

/** kube-controller-manager's "node-lifecycle-controller". */
export const nodeLifecycleControllerDefinition: ControllerDefinition = {
  name: "node-lifecycle-controller",
  create(setup) {
    const runner = setup.run(new NodeLifecycleController(nodeLifecycleTimings(setup.config)), { workers: 4 });
    const nodes = setup.informer<Node>("nodes");
    const pods = setup.informer<Pod>("pods");
    setup.informer("leases");
    nodes.addHandler({
      add: (n) => runner.enqueue(nodeKey(n.metadata.name ?? "")),
      update: (old, n) => {
        if (taintRelevant(old, n)) runner.enqueue(nodeKey(n.metadata.name ?? ""));
      },
    });
    pods.addHandler({
      add: (p) => {
        if (p.spec.nodeName) runner.enqueue(podKey(p.metadata.namespace ?? "", p.metadata.name ?? ""));
      },
      update: (old, p) => {
        if (p.spec.nodeName && p.spec.nodeName !== old.spec.nodeName) runner.enqueue(podKey(p.metadata.namespace ?? "", p.metadata.name ?? ""));
      },
    });
    // The monitor loop starts once and then resyncs itself every monitor period.
    setup.kernel.after(0, () => runner.enqueue(MONITOR_KEY));
  },
};
