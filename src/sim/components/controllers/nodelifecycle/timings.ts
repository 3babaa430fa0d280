/**
 * Node lifecycle timings: kube-controller-manager defaults in v1.34 (the lead copies them into
 * profiles.ts as the `real` values).
 */

/** --node-monitor-period: how often node health is checked. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period: 40 s up to v1.31, 50 s since v1.32. */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-startup-grace-period: a node that never posted status gets this long. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** --node-eviction-rate: NoExecute taints added per second per healthy zone (0.1 = one per 10 s). */
export const NODE_EVICTION_RATE_QPS = 0.1;
/** --secondary-node-eviction-rate: per zone when it is partially disrupted and large. */
export const SECONDARY_NODE_EVICTION_RATE_QPS = 0.01;
/** --large-cluster-size-threshold. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** --unhealthy-zone-threshold: share of NotReady nodes that makes a zone partially disrupted. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** scheduler.NodeEvictionPeriod: how often the NoExecute tainting queue is worked. */
export const NODE_EVICTION_PERIOD_MS = 100;

export interface NodeLifecycleTimings {
  monitorPeriodMs: number;
  gracePeriodMs: number;
  startupGracePeriodMs: number;
  evictionRateQps: number;
  secondaryEvictionRateQps: number;
  largeClusterThreshold: number;
  unhealthyZoneThreshold: number;
}

export const DEFAULT_NODE_LIFECYCLE_TIMINGS: NodeLifecycleTimings = {
  monitorPeriodMs: NODE_MONITOR_PERIOD_MS,
  gracePeriodMs: NODE_MONITOR_GRACE_PERIOD_MS,
  startupGracePeriodMs: NODE_STARTUP_GRACE_PERIOD_MS,
  evictionRateQps: NODE_EVICTION_RATE_QPS,
  secondaryEvictionRateQps: SECONDARY_NODE_EVICTION_RATE_QPS,
  largeClusterThreshold: LARGE_CLUSTER_SIZE_THRESHOLD,
  unhealthyZoneThreshold: UNHEALTHY_ZONE_THRESHOLD,
};
