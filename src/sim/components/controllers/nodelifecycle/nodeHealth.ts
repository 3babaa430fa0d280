import type { Lease, Node, NodeCondition } from "../../../api/types";
import { fromTimestamp, toTimestamp } from "../../../runtime";

/** What the controller remembers about a node between passes (nodeHealthData). */
export interface NodeHealth {
  /** Virtual ms when a fresh heartbeat (status or Lease) was last seen. */
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition as last seen, to notice new heartbeats. */
  savedReady?: NodeCondition;
  /** The Lease renewTime last seen (virtual ms). */
  leaseRenew?: number;
}

export interface HealthCheck {
  health: NodeHealth;
  /** The Ready condition as read at the start of the pass (synthetic Unknown if never posted). */
  observedReady: NodeCondition;
  /** The Ready condition after this pass (undefined if the node never posted one and was not updated). */
  currentReady?: NodeCondition;
  /** The node with conditions turned Unknown, when the grace period has passed: write it with UpdateStatus. */
  updatedNode?: Node;
}

const UNKNOWN_CONDITION_TYPES = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"] as const;

export function readyCondition(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === "Ready");
}

function sameCondition(a: NodeCondition | undefined, b: NodeCondition | undefined): boolean {
  if (!a || !b) return a === b;
  return a.status === b.status && a.reason === b.reason && a.message === b.message && a.lastHeartbeatTime === b.lastHeartbeatTime && a.lastTransitionTime === b.lastTransitionTime;
}

/**
 * tryUpdateNodeHealth from pkg/controller/nodelifecycle: a new Ready heartbeat or a renewed Lease
 * refreshes the probe time; when neither has been seen for the grace period, every condition
 * (except NetworkUnavailable) turns Unknown with reason NodeStatusUnknown.
 */
export function checkNodeHealth(
  node: Node,
  lease: Lease | undefined,
  saved: NodeHealth | undefined,
  now: number,
  gracePeriodMs: number,
  startupGracePeriodMs: number,
): HealthCheck {
  const created = node.metadata.creationTimestamp ? fromTimestamp(node.metadata.creationTimestamp) : now;
  const current = readyCondition(node);
  let observedReady: NodeCondition;
  let grace: number;
  let health: NodeHealth | undefined = saved ? { ...saved } : undefined;
  if (!current) {
    // Never posted: pretend Unknown since creation, with the longer startup grace period.
    const ts = node.metadata.creationTimestamp ?? toTimestamp(created);
    observedReady = { type: "Ready", status: "Unknown", lastHeartbeatTime: ts, lastTransitionTime: ts };
    grace = startupGracePeriodMs;
    health = health ? { ...health, savedReady: undefined } : { probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observedReady = { ...current };
    grace = gracePeriodMs;
  }

  const savedReady = health?.savedReady;
  if (!health) {
    health = { probeTimestamp: now, readyTransitionTimestamp: now, savedReady: current };
  } else if (!savedReady && current) {
    health = { ...health, probeTimestamp: now, readyTransitionTimestamp: now, savedReady: current };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { ...health, probeTimestamp: now, readyTransitionTimestamp: transition, savedReady: current };
  }

  // A renewed Lease counts as a heartbeat even when the status is not posted.
  const renew = lease?.spec.renewTime ? fromTimestamp(lease.spec.renewTime) : undefined;
  if (renew !== undefined && (health.leaseRenew === undefined || health.leaseRenew < renew)) {
    health = { ...health, leaseRenew: renew, probeTimestamp: now };
  }

  if (now <= health.probeTimestamp + grace) return { health, observedReady, currentReady: current };

  const nowTs = toTimestamp(now);
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  for (const type of UNKNOWN_CONDITION_TYPES) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: "Unknown",
        reason: "NodeStatusNeverUpdated",
        message: "Kubelet never posted node status.",
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: nowTs,
      });
    } else if (c.status !== "Unknown") {
      c.status = "Unknown";
      c.reason = "NodeStatusUnknown";
      c.message = "Kubelet stopped posting node status.";
      c.lastTransitionTime = nowTs;
    }
  }
  const newReady = conditions.find((c) => c.type === "Ready");
  if (sameCondition(newReady, observedReady)) return { health, observedReady, currentReady: current };
  const updatedNode: Node = { ...node, status: { ...node.status, conditions } };
  return {
    health: { ...health, readyTransitionTimestamp: now, savedReady: newReady },
    observedReady,
    currentReady: newReady,
    updatedNode,
  };
}
