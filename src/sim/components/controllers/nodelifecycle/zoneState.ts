import type { Node, NodeCondition } from "../../../api/types";

export type ZoneState = "Initial" | "Normal" | "PartialDisruption" | "FullDisruption";

const ZONE_LABEL = "topology.kubernetes.io/zone";
const REGION_LABEL = "topology.kubernetes.io/region";
/** Nodes with this label are left out of disruption checks. */
export const LABEL_EXCLUDE_DISRUPTION = "node.kubernetes.io/exclude-disruption";

/** nodetopology.GetZoneKey: `region:\x00:zone`, empty when the node has neither label. */
export function zoneKey(node: Node): string {
  const zone = node.metadata.labels?.[ZONE_LABEL] ?? "";
  const region = node.metadata.labels?.[REGION_LABEL] ?? "";
  if (!zone && !region) return "";
  return `${region}:\x00:${zone}`;
}

/**
 * ComputeZoneState: no Ready node at all is a full disruption; more than 2 NotReady nodes and at
 * least `unhealthyThreshold` of them is a partial disruption.
 */
export function computeZoneState(readyConditions: readonly (NodeCondition | undefined)[], unhealthyThreshold: number): { notReady: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const c of readyConditions) {
    if (c?.status === "True") ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: "FullDisruption" };
  if (notReady > 2 && notReady / (notReady + ready) >= unhealthyThreshold) return { notReady, state: "PartialDisruption" };
  return { notReady, state: "Normal" };
}

/** The NoExecute tainting rate of a zone in this state (setLimiterInZone). */
export function zoneEvictionQps(
  state: ZoneState,
  zoneSize: number,
  t: { evictionRateQps: number; secondaryEvictionRateQps: number; largeClusterThreshold: number },
): number {
  if (state === "PartialDisruption") return zoneSize > t.largeClusterThreshold ? t.secondaryEvictionRateQps : 0;
  return t.evictionRateQps;
}
