import { useEffect, useMemo, useRef } from "react";
import {
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type EdgeTypes,
  type NodeTypes,
} from "@xyflow/react";
import { appStore, deriveDiagramModel, layoutSignature, useAppStore } from "../../store";
import { ChannelEdge } from "./ChannelEdge";
import { toFlowElements } from "./flowElements";
import { layoutCluster, type LayoutInput } from "./layout";
import { ClusterNodeGroup, PendingGroup } from "./nodes/ClusterNodeGroup";
import { ComponentNode } from "./nodes/ComponentNode";
import { PodsNode } from "./nodes/PodsNode";
import { PacketLayer } from "./PacketLayer";
import { chipWidthFor } from "./podGeometry";

// Defined once, outside render, so React Flow never re-mounts nodes.
const nodeTypes: NodeTypes = {
  component: ComponentNode,
  clusterNode: ClusterNodeGroup,
  pending: PendingGroup,
  pods: PodsNode,
};
const edgeTypes: EdgeTypes = { channel: ChannelEdge };
const FIT = { padding: 0.02 } as const;

function useLayout() {
  const podsByNode = useAppStore((s) => s.podsByNode);
  const nodes = useAppStore((s) => s.objects.nodes);
  const replicasets = useAppStore((s) => s.objects.replicasets);
  const model = useMemo(() => {
    void podsByNode;
    void nodes;
    void replicasets;
    return deriveDiagramModel(appStore.getState());
  }, [podsByNode, nodes, replicasets]);
  const signature = layoutSignature(model);
  // Recomputed only when the shape changes (nodes, groups, pod counts), not on status changes.
  return useMemo(() => {
    void signature;
    const toInput = (n: (typeof model.workers)[number]) => ({
      name: n.name,
      groups: n.groups.map((g) => ({ count: g.podKeys.length, chipW: chipWidthFor(g.maxLabel) })),
    });
    const input: LayoutInput = {
      controlPlane: model.controlPlane ? toInput(model.controlPlane) : null,
      workers: model.workers.map(toInput),
      unscheduled: toInput(model.unscheduledNode).groups,
    };
    const layout = layoutCluster(input);
    return {
      layout,
      controlPlane: model.controlPlane?.name ?? "control-plane",
      workerCount: model.workers.length,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
}

/** Keeps the whole cluster in view when its shape changes (a node added, pods scheduled). */
function RefitOnResize({ size }: { size: string }) {
  const { fitView } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void fitView({ ...FIT, duration: 300 });
  }, [size, fitView]);
  return null;
}

/** The live architecture diagram. */
export function Diagram() {
  const ready = useAppStore((s) => s.componentOrder.length > 0);
  return (
    <section className="diagram" aria-label="Cluster diagram">
      {ready ? (
        <ReactFlowProvider>
          <ClusterFlow />
        </ReactFlowProvider>
      ) : (
        <p className="diagram__booting">Starting the cluster…</p>
      )}
    </section>
  );
}

function ClusterFlow() {
  const { layout, controlPlane, workerCount } = useLayout();
  const { nodes, edges } = useMemo(
    () => toFlowElements(layout, appStore.getState().components, controlPlane),
    [layout, controlPlane],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      fitView
      fitViewOptions={FIT}
      minZoom={0.1}
      maxZoom={2.5}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      colorMode="system"
    >
      <PacketLayer layout={layout} />
      <Controls position="bottom-left" orientation="horizontal" showInteractive={false} />
      {workerCount > 3 && <MiniMap position="top-right" pannable zoomable ariaLabel="Minimap" />}
      <RefitOnResize size={`${Math.round(layout.width)}x${Math.round(layout.height)}`} />
    </ReactFlow>
  );
}
