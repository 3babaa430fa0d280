import type { Edge, Node } from "@xyflow/react";
import type { ComponentInfo } from "../../sim/clusterTypes";
import type { ComponentNodeData } from "./nodes/ComponentNode";
import type { ClusterNodeData } from "./nodes/ClusterNodeGroup";
import type { PodsNodeData } from "./nodes/PodsNode";
import type { ChannelEdgeData } from "./ChannelEdge";
import type { Layout } from "./layout";

const SUBTITLES: Record<string, string> = {
  "kube-apiserver": "the hub: every change goes through it",
  etcd: "the store",
  "kube-scheduler": "assigns pods to nodes",
  "cloud-controller-manager": "load balancers, nodes",
  kubectl: "you",
  registry: "image registry",
  cloud: "cloud provider",
  coredns: "cluster DNS (add-on)",
};

function variantOf(id: string): ComponentNodeData["variant"] {
  if (id === "kube-apiserver") return "hub";
  if (id === "kubectl") return "user";
  if (id === "registry" || id === "cloud" || id === "coredns") return "external";
  if (id.startsWith("container-runtime@")) return "runtime";
  if (id.includes("@")) return "agent";
  return "control";
}

/** Accessible name and box title for a component id (`kubelet@worker-1` → `kubelet on worker-1`). */
export function componentNames(id: string, info?: ComponentInfo): { label: string; title: string } {
  const at = id.indexOf("@");
  if (at < 0) return { label: info?.label ?? id, title: id };
  const kind = id.slice(0, at);
  const node = id.slice(at + 1);
  const title = kind === "container-runtime" ? "container runtime" : kind;
  return { label: info?.label ?? `${title} on ${node}`, title };
}

/** React Flow nodes and edges for a layout. Data carries ids only; nodes select the rest. */
export function toFlowElements(layout: Layout, components: Readonly<Record<string, ComponentInfo>>, controlPlane: string): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [];
  for (const b of layout.boxes) {
    // A box with no area (no pods waiting) is hidden: React Flow never measures a zero-height
    // node, and one unmeasured node keeps fitView (and the fit-view control) from ever running.
    const base = { id: b.id, position: { x: b.x, y: b.y }, width: b.w, height: b.h, parentId: b.parent, draggable: false, selectable: false, focusable: false, hidden: b.w <= 0 || b.h <= 0 };
    if (b.kind === "cluster-node") {
      const name = b.id.slice("node:".length);
      const data: ClusterNodeData = { name, controlPlane: name === controlPlane };
      nodes.push({ ...base, type: "clusterNode", data, style: { width: b.w, height: b.h } });
    } else if (b.kind === "pending") {
      nodes.push({ ...base, type: "pending", data: {}, style: { width: b.w, height: b.h } });
    } else if (b.kind === "pods") {
      const data: PodsNodeData = { node: b.id.slice("pods:".length), width: b.w };
      nodes.push({ ...base, type: "pods", data, style: { width: b.w, height: b.h } });
    } else {
      const { label, title } = componentNames(b.id, components[b.id]);
      const data: ComponentNodeData = { id: b.id, label, title, subtitle: SUBTITLES[b.id], variant: variantOf(b.id) };
      nodes.push({ ...base, type: "component", data, style: { width: b.w, height: b.h } });
    }
  }
  const edges: Edge[] = layout.edges.map((e) => {
    const data: ChannelEdgeData = { a: e.a, b: e.b, points: e.points };
    return { id: e.id, source: e.a, target: e.b, type: "channel", data, selectable: false, focusable: false };
  });
  return { nodes, edges };
}
