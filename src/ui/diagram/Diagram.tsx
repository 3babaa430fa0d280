import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import {
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type EdgeTypes,
  type NodeTypes,
} from "@xyflow/react";
import { appStore, deriveDiagramModel, layoutSignature, planDiagramModel, selectLive, useAppStore } from "../../store";
import { ChannelEdge } from "./ChannelEdge";
import { toFlowElements } from "./flowElements";
import { fitScale, layoutCluster, type Layout, type LayoutInput } from "./layout";
import { ClusterNodeGroup, PendingGroup } from "./nodes/ClusterNodeGroup";
import { ComponentNode } from "./nodes/ComponentNode";
import { PodsNode } from "./nodes/PodsNode";
import { chipWidthFor } from "./podGeometry";
import { markDiagramDrawn } from "./firstDraw";

// Defined once, outside render, so React Flow never re-mounts nodes.
const nodeTypes: NodeTypes = {
  component: ComponentNode,
  clusterNode: ClusterNodeGroup,
  pending: PendingGroup,
  pods: PodsNode,
};
const edgeTypes: EdgeTypes = { channel: ChannelEdge };
// Packets (and framer-motion) load after the first paint: the diagram does not wait for them.
const PacketLayer = lazy(() => import("./PacketLayer"));
const FIT = { padding: 0.02 } as const;

/** Room kept in a starting node for its first pods (a group of one chip), so the diagram grows little when they arrive. */
const STARTING_PODS = [{ count: 1, chipW: chipWidthFor(0) }];

function useLayout() {
  const live = useAppStore(selectLive);
  const plan = useAppStore((s) => s.plan);
  const podsByNode = useAppStore((s) => s.podsByNode);
  const nodes = useAppStore((s) => s.objects.nodes);
  const replicasets = useAppStore((s) => s.objects.replicasets);
  const model = useMemo(() => {
    void podsByNode;
    void nodes;
    void replicasets;
    // Until the booted cluster's snapshot arrives, the plan: its nodes, no pods yet.
    return !live && plan ? planDiagramModel(plan) : deriveDiagramModel(appStore.getState());
  }, [podsByNode, nodes, replicasets, live, plan]);
  const signature = `${live ? "live" : "plan"}:${layoutSignature(model)}`;
  // Recomputed only when the shape changes (nodes, groups, pod counts), not on status changes.
  return useMemo(() => {
    void signature;
    const toInput = (n: (typeof model.workers)[number]) => ({
      name: n.name,
      groups: live ? n.groups.map((g) => ({ count: g.podKeys.length, chipW: chipWidthFor(g.maxLabel) })) : STARTING_PODS,
    });
    const input: LayoutInput = {
      controlPlane: model.controlPlane ? toInput(model.controlPlane) : null,
      workers: model.workers.map(toInput),
      unscheduled: live ? toInput(model.unscheduledNode).groups : [],
    };
    const wide = layoutCluster(input);
    const narrow = layoutCluster({ ...input, narrow: true });
    const state = appStore.getState();
    // Boxes are named from the live components, or the plan's until then (the same names).
    const components = live || !plan ? state.components : Object.fromEntries(plan.components.map((c) => [c.id, c]));
    return {
      wide,
      narrow,
      components,
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

/**
 * The live architecture diagram. While the simulation loads and boots, the same diagram drawn
 * from the cluster's plan, every part marked as starting; it turns live in place.
 */
export function Diagram() {
  const live = useAppStore(selectLive);
  const planned = useAppStore((s) => s.plan !== null);
  return (
    <section className="diagram" aria-label="Cluster diagram" aria-busy={!live}>
      {live || planned ? (
        <ReactFlowProvider>
          <ClusterFlow />
        </ReactFlowProvider>
      ) : null}
      {!live && (
        <p className="diagram__booting" role="status">
          Starting the cluster…
        </p>
      )}
    </section>
  );
}

/**
 * The narrow variant when it shows the cluster clearly larger in the diagram's area (a side
 * panel open leaves it closer to square); the wide one otherwise, and until the area is measured.
 */
function pickLayout(wide: Layout, narrow: Layout, width: number, height: number): Layout {
  if (width <= 0 || height <= 0) return wide;
  return fitScale(narrow, width, height) > 1.08 * fitScale(wide, width, height) ? narrow : wide;
}

function ClusterFlow() {
  const { wide, narrow, components, controlPlane, workerCount } = useLayout();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const layout = pickLayout(wide, narrow, width, height);
  const { nodes, edges } = useMemo(() => toFlowElements(layout, components, controlPlane), [layout, components, controlPlane]);
  useEffect(() => markDiagramDrawn(), []);
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
      <Suspense fallback={null}>
        <PacketLayer layout={layout} />
      </Suspense>
      <Controls position="bottom-left" orientation="horizontal" showInteractive={false} />
      {workerCount > 3 && <MiniMap position="top-right" pannable zoomable ariaLabel="Minimap" />}
      <RefitOnResize size={`${Math.round(layout.width)}x${Math.round(layout.height)}`} />
    </ReactFlow>
  );
}
