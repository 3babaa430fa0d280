import { memo } from "react";
import type { Node, NodeProps } from "@xyflow/react";
import { selectLive, selectNodeReadiness, selectNodeTaints, useAppStore } from "../../../store";

export type ClusterNodeData = { name: string; controlPlane: boolean };
export type ClusterNodeFlowNode = Node<ClusterNodeData, "clusterNode">;

/** A node of the cluster (a machine): a group holding its agents and pods. */
export const ClusterNodeGroup = memo(function ClusterNodeGroup({ data }: NodeProps<ClusterNodeFlowNode>) {
  const live = useAppStore(selectLive);
  // Before the cluster is live the node has not registered: it is starting, not Ready.
  const readiness = useAppStore(selectNodeReadiness(data.name)) ?? (live ? "Unknown" : "starting");
  const taints = useAppStore(selectNodeTaints(data.name));
  const cls = `machine${data.controlPlane ? " machine--cp" : ""} machine--${readiness.toLowerCase()}`;
  return (
    <section className={cls} role="group" aria-label={`${data.name}, ${readiness}`}>
      <header className="machine__header">
        <span className="machine__name">{data.name}</span>
        <span className={`machine__state machine__state--${readiness.toLowerCase()}`}>{readiness}</span>
        {data.controlPlane && <span className="machine__role">control plane</span>}
        {taints && !data.controlPlane && (
          <span className="machine__taints" title={taints}>
            {taints}
          </span>
        )}
      </header>
    </section>
  );
});

/** Where pods wait until the scheduler binds them to a node. */
export const PendingGroup = memo(function PendingGroup() {
  const live = useAppStore(selectLive);
  const count = useAppStore((s) => s.podsByNode.get("")?.length ?? 0);
  return (
    <section className="machine machine--pending" role="group" aria-label={`Waiting for a node, ${count} pods`}>
      <header className="machine__header">
        <span className="machine__name">Waiting for a node</span>
        {count > 0 ? <span className="machine__count">{count}</span> : live ? <span className="machine__role">none — every pod has a node</span> : null}
      </header>
    </section>
  );
});
