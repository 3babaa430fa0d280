import { podAreaHeight, type PodGroupSize } from "./podGeometry";

/**
 * The hand-designed architecture layout, as a pure function of the cluster's shape.
 *
 *                [ pods waiting for a node ]              cloud
 *              ┌ control-plane ──────────────────────────────┼─────────────────────┐
 *              │ etcd  kube-scheduler  kube-controller-manager  ccm    static pods │
 *   kubectl ───┼──────── kube-apiserver (the hub) ─────────────────── node agents │
 *   coredns ───┘                                                                  │
 *              └──────────────────────────────────────────────────────────────────┘
 *      ┌ worker-1 ┐ ┌ worker-2 ┐ ┌ worker-3 ┐   kubelet and kube-proxy on top,
 *      │ pods     │ │ pods     │ │ pods     │   pods by owner, the runtime below
 *      └ runtime ─┘ └ runtime ─┘ └ runtime ─┘
 *                     registry
 */

export interface NodeInput {
  name: string;
  groups: readonly PodGroupSize[];
}

export interface LayoutInput {
  controlPlane: NodeInput | null;
  workers: readonly NodeInput[];
  /** Pods not yet bound to a node, by owner. */
  unscheduled?: readonly PodGroupSize[];
}

export type BoxKind = "cluster-node" | "pending" | "component" | "pods" | "external";

export interface Box {
  id: string;
  kind: BoxKind;
  /** Relative to the parent when there is one (React Flow's convention). */
  x: number;
  y: number;
  w: number;
  h: number;
  parent?: string;
  /** Absolute position. */
  ax: number;
  ay: number;
}

export interface EdgeLine {
  id: string;
  a: string;
  b: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Layout {
  boxes: Box[];
  byId: Map<string, Box>;
  edges: EdgeLine[];
  width: number;
  height: number;
}

export const WORKER_W = 360;
const WORKER_GAP = 24;
const WORKERS_PER_ROW = 5;
const HEADER = 32;
const PAD = 12;
const AGENT_H = 42;
const RUNTIME_H = 36;
/** Left lane in a worker where the kubelet ↔ runtime channel runs past the pods. */
const LANE = 26;
export const POD_AREA_W = WORKER_W - PAD - LANE - PAD;
const CP_W = 1128;
const CP_NODE_W = 308;
const CP_AGENT_W = 96;
const CP_GAP_BELOW = 56;
const ROW_GAP = 40;
const EXT_W = 150;
const EXT_H = 52;

const PENDING_W = 560;
export const PENDING_ID = "pending";

export const nodeGroupId = (node: string): string => `node:${node}`;
export const podsId = (node: string): string => `pods:${node}`;

class Builder {
  boxes: Box[] = [];
  byId = new Map<string, Box>();
  add(id: string, kind: BoxKind, x: number, y: number, w: number, h: number, parent?: string): Box {
    const p = parent ? this.byId.get(parent) : undefined;
    const box: Box = { id, kind, x, y, w, h, parent, ax: (p?.ax ?? 0) + x, ay: (p?.ay ?? 0) + y };
    this.boxes.push(box);
    this.byId.set(id, box);
    return box;
  }
}

function centre(b: Box): [number, number] {
  return [b.ax + b.w / 2, b.ay + b.h / 2];
}

/** Where the segment from b's centre towards (tx, ty) leaves b's rectangle. */
function exitPoint(b: Box, tx: number, ty: number): [number, number] {
  const [cx, cy] = centre(b);
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/** The straight segment between two boxes, clipped to their borders. */
export function segmentBetween(a: Box, b: Box): [number, number, number, number] {
  const [bx, by] = centre(b);
  const [ax, ay] = centre(a);
  const [x1, y1] = exitPoint(a, bx, by);
  const [x2, y2] = exitPoint(b, ax, ay);
  return [x1, y1, x2, y2];
}

function workerHeight(n: NodeInput): number {
  return HEADER + AGENT_H + 10 + podAreaHeight(n.groups, POD_AREA_W) + 10 + RUNTIME_H + PAD;
}

export function layoutCluster(input: LayoutInput): Layout {
  const g = new Builder();
  const edges: EdgeLine[] = [];
  const link = (a: string, b: string, points?: [number, number, number, number]) => {
    const ba = g.byId.get(a);
    const bb = g.byId.get(b);
    if (!ba || !bb) return;
    const [x1, y1, x2, y2] = points ?? segmentBetween(ba, bb);
    edges.push({ id: `${a}--${b}`, a, b, x1, y1, x2, y2 });
  };

  // Control plane node.
  const cpName = input.controlPlane?.name ?? "control-plane";
  const cpPodsH = podAreaHeight(input.controlPlane?.groups ?? [], CP_NODE_W - 2 * PAD);
  const cpNodeSectionH = cpPodsH + 10 + AGENT_H;
  const cpH = Math.max(260, HEADER + 10 + cpNodeSectionH + PAD);
  const cp = nodeGroupId(cpName);
  g.add(cp, "cluster-node", 0, 0, CP_W, cpH);
  g.add("etcd", "component", 24, HEADER + 14, 112, 54, cp);
  g.add("kube-scheduler", "component", 150, HEADER + 14, 160, 54, cp);
  g.add("kube-controller-manager", "component", 324, HEADER + 14, 236, 96, cp);
  g.add("cloud-controller-manager", "component", 574, HEADER + 14, 236, 54, cp);
  g.add("kube-apiserver", "component", 250, Math.max(HEADER + 130, cpH - 96), 300, 70, cp);
  const nodeX = CP_W - CP_NODE_W;
  g.add(podsId(cpName), "pods", nodeX + PAD, HEADER + 10, CP_NODE_W - 2 * PAD, cpPodsH, cp);
  const agentY = cpH - PAD - AGENT_H;
  g.add(`kubelet@${cpName}`, "component", nodeX + PAD, agentY, CP_AGENT_W, AGENT_H, cp);
  g.add(`kube-proxy@${cpName}`, "component", nodeX + PAD + CP_AGENT_W + 4, agentY, CP_AGENT_W, AGENT_H, cp);
  g.add(`container-runtime@${cpName}`, "component", nodeX + PAD + 2 * (CP_AGENT_W + 4), agentY, CP_AGENT_W, AGENT_H, cp);

  // Outside the cluster: the user and the DNS add-on on the left, the cloud above.
  const api = g.byId.get("kube-apiserver")!;
  g.add("kubectl", "external", -EXT_W - 80, api.ay - 24, EXT_W, EXT_H);
  g.add("coredns", "external", -EXT_W - 80, cpH - EXT_H + 10, EXT_W, EXT_H);
  g.add("cloud", "external", 574 + 236 / 2 - 60, -EXT_H - 14, 120, EXT_H);

  // Pods waiting for the scheduler, above the control plane.
  // Empty, it is just its title bar.
  const pendingPodsH = input.unscheduled?.length ? podAreaHeight(input.unscheduled, PENDING_W - 2 * PAD) : 0;
  const pendingH = pendingPodsH ? HEADER + pendingPodsH + PAD : HEADER + 4;
  g.add(PENDING_ID, "pending", 24, -pendingH - 14, PENDING_W, pendingH);
  g.add(podsId(""), "pods", PAD, HEADER, PENDING_W - 2 * PAD, pendingPodsH, PENDING_ID);

  // Workers, in rows under the control plane, centred.
  const rows: NodeInput[][] = [];
  for (let i = 0; i < input.workers.length; i += WORKERS_PER_ROW) rows.push(input.workers.slice(i, i + WORKERS_PER_ROW));
  let y = cpH + CP_GAP_BELOW;
  let right = CP_W;
  let left = -EXT_W - 80;
  for (const row of rows) {
    const rowW = row.length * WORKER_W + (row.length - 1) * WORKER_GAP;
    const rowH = Math.max(...row.map(workerHeight));
    let x = (CP_W - rowW) / 2;
    left = Math.min(left, x);
    for (const w of row) {
      const id = nodeGroupId(w.name);
      g.add(id, "cluster-node", x, y, WORKER_W, rowH);
      g.add(`kubelet@${w.name}`, "component", PAD, HEADER, 150, AGENT_H, id);
      g.add(`kube-proxy@${w.name}`, "component", PAD + 160, HEADER, 150, AGENT_H, id);
      g.add(podsId(w.name), "pods", PAD + LANE, HEADER + AGENT_H + 10, POD_AREA_W, rowH - (HEADER + AGENT_H + 10) - 10 - RUNTIME_H - PAD, id);
      g.add(`container-runtime@${w.name}`, "component", PAD, rowH - PAD - RUNTIME_H, WORKER_W - 2 * PAD, RUNTIME_H, id);
      x += WORKER_W + WORKER_GAP;
    }
    right = Math.max(right, x - WORKER_GAP);
    y += rowH + ROW_GAP;
  }
  const registryY = y - ROW_GAP + 30;
  g.add("registry", "external", CP_W / 2 - EXT_W / 2, registryY, EXT_W, EXT_H);

  // Channels: everything talks to kube-apiserver; only kube-apiserver talks to etcd.
  link("kubectl", "kube-apiserver");
  link("kube-apiserver", "etcd");
  link("kube-scheduler", "kube-apiserver");
  link("kube-controller-manager", "kube-apiserver");
  link("cloud-controller-manager", "kube-apiserver");
  link("cloud-controller-manager", "cloud");
  link("coredns", "kube-apiserver");
  for (const n of [cpName, ...input.workers.map((w) => w.name)]) {
    link(`kubelet@${n}`, "kube-apiserver");
    link(`kube-proxy@${n}`, "kube-apiserver");
  }
  link(`kubelet@${cpName}`, `container-runtime@${cpName}`);
  for (const w of input.workers) {
    const kubelet = g.byId.get(`kubelet@${w.name}`)!;
    const runtime = g.byId.get(`container-runtime@${w.name}`)!;
    // Down the left lane, past the pods.
    const laneX = kubelet.ax + LANE / 2 + 2;
    link(kubelet.id, runtime.id, [laneX, kubelet.ay + kubelet.h, laneX, runtime.ay]);
    link(runtime.id, "registry");
  }

  const reg = g.byId.get("registry")!;
  const top = Math.min(-EXT_H - 14, -pendingH - 14);
  return { boxes: g.boxes, byId: g.byId, edges, width: Math.max(right, CP_W) - left, height: reg.ay + reg.h - top };
}

/** The path a packet takes between two components: along their channel when there is one. */
export function packetPath(layout: Layout, from: string, to: string): [number, number, number, number] | null {
  const fwd = layout.edges.find((e) => e.a === from && e.b === to);
  if (fwd) return [fwd.x1, fwd.y1, fwd.x2, fwd.y2];
  const back = layout.edges.find((e) => e.a === to && e.b === from);
  if (back) return [back.x2, back.y2, back.x1, back.y1];
  const a = layout.byId.get(from);
  const b = layout.byId.get(to);
  return a && b ? segmentBetween(a, b) : null;
}
