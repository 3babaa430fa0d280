import { podAreaHeight, type PodGroupSize } from "./podGeometry";
import { busRoutes, type AgentTarget, type Pt } from "./routes";

/**
 * The hand-designed architecture layout, as a pure function of the cluster's shape.
 *
 *                [ pods waiting for a node ]              cloud
 *              ┌ control-plane ──────────────────────────────┼─────────────────────┐
 *              │ etcd  kube-scheduler  kube-controller-manager  ccm    static pods │
 *   kubectl ───┼──────── kube-apiserver (the hub) ─── kubelet  runtime  kube-proxy│
 *   coredns ───┘              │││                   └────────────────────────┘    │
 *              └──────────────┼┼┼─────────────────────────────────────────────────┘
 *               ┌─────────────┘│└───────────────┐  a bus under the control plane,
 *            ┌ worker-1 ┐ ┌ worker-2 ┐ ┌ worker-3 ┐ down the gaps between workers,
 *           ─┤ kubelet  ├─┤ kubelet  ├─┤ ...     ├─ into each agent from its side:
 *            │ pods     │ │ pods     │ │ pods     │ no channel crosses a title
 *            └ runtime ─┘ └ runtime ─┘ └ runtime ─┘
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
  /**
   * The narrow variant, for a diagram area closer to square (a side panel open): narrower
   * workers, the control plane's own pods under cloud-controller-manager instead of beside it,
   * and a slimmer column for kubectl and CoreDNS. Taller, about three quarters as wide.
   */
  narrow?: boolean;
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
  /** The channel's polyline, from a to b (two points for a straight one). */
  points: Pt[];
}

export interface Layout {
  boxes: Box[];
  byId: Map<string, Box>;
  edges: EdgeLine[];
  width: number;
  height: number;
}

/** The measures that differ between the wide and the narrow variant. */
interface Shape {
  workerW: number;
  /** Width of a worker's kubelet and kube-proxy boxes. */
  agentW: number;
  cpW: number;
  /** The control-plane node's pods: where they start. */
  cpPodsX: number;
  cpPodsY: number;
  extW: number;
  /** Between the kubectl/CoreDNS column and the control plane. */
  extGap: number;
}
const WIDE: Shape = { workerW: 360, agentW: 150, cpW: 1128, cpPodsX: 866, cpPodsY: 42, extW: 150, extGap: 80 };
const NARROW: Shape = { workerW: 270, agentW: 118, cpW: 868, cpPodsX: 620, cpPodsY: 112, extW: 160, extGap: 28 };

export const WORKER_W = WIDE.workerW;
const WORKER_GAP = 28;
const WORKERS_PER_ROW = 5;
const HEADER = 32;
const PAD = 12;
const AGENT_H = 42;
const RUNTIME_H = 36;
/** Left lane in a worker where the kubelet ↔ runtime channel runs past the pods. */
const LANE = 26;
const podAreaW = (shape: Shape): number => shape.workerW - PAD - LANE - PAD;
export const POD_AREA_W = podAreaW(WIDE);
/** The control-plane node's agents, in a row at its bottom right, with a lane under them. */
const CP_AGENTS: readonly [string, number][] = [
  ["kubelet", 112],
  ["container-runtime", 176],
  ["kube-proxy", 128],
];
const CP_AGENT_GAP = 22;
const CP_LANE = 20;
const CP_GAP_BELOW = 64;
const ROW_GAP = 40;
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

function workerHeight(n: NodeInput, shape: Shape): number {
  return HEADER + AGENT_H + 10 + podAreaHeight(n.groups, podAreaW(shape)) + 10 + RUNTIME_H + PAD;
}

export function layoutCluster(input: LayoutInput): Layout {
  const g = new Builder();
  const edges: EdgeLine[] = [];
  const link = (a: string, b: string, points?: Pt[]) => {
    const ba = g.byId.get(a);
    const bb = g.byId.get(b);
    if (!ba || !bb) return;
    const [x1, y1, x2, y2] = segmentBetween(ba, bb);
    edges.push({ id: `${a}--${b}`, a, b, points: points ?? [[x1, y1], [x2, y2]] });
  };

  // Control plane node.
  const cpName = input.controlPlane?.name ?? "control-plane";
  const shape = input.narrow ? NARROW : WIDE;
  const { workerW, cpW: CP_W, extW: EXT_W } = shape;
  const cpPodsW = CP_W - shape.cpPodsX - PAD;
  const cpPodsH = podAreaHeight(input.controlPlane?.groups ?? [], cpPodsW);
  const cpH = Math.max(270, shape.cpPodsY + cpPodsH + 10 + AGENT_H + CP_LANE);
  const cp = nodeGroupId(cpName);
  g.add(cp, "cluster-node", 0, 0, CP_W, cpH);
  g.add("etcd", "component", 24, HEADER + 14, 112, 54, cp);
  g.add("kube-scheduler", "component", 150, HEADER + 14, 160, 54, cp);
  g.add("kube-controller-manager", "component", 324, HEADER + 14, 252, 96, cp);
  g.add("cloud-controller-manager", "component", 590, HEADER + 14, 264, 54, cp);
  g.add(podsId(cpName), "pods", shape.cpPodsX, shape.cpPodsY, cpPodsW, cpPodsH, cp);
  const agentY = cpH - CP_LANE - AGENT_H;
  let ax = CP_W - PAD - CP_AGENTS.reduce((w, [, aw]) => w + aw, 0) - CP_AGENT_GAP * (CP_AGENTS.length - 1);
  // The hub: in the wide variant under the scheduler and kube-controller-manager; in the narrow one just left of the node's agents.
  const api = g.add("kube-apiserver", "component", input.narrow ? ax - 24 - 300 : 250, Math.max(HEADER + 130, cpH - 96), 300, 70, cp);
  for (const [kind, w] of CP_AGENTS) {
    g.add(`${kind}@${cpName}`, "component", ax, agentY, w, AGENT_H, cp);
    ax += w + CP_AGENT_GAP;
  }

  // Outside the cluster: the user and the DNS add-on on the left, the cloud above.
  g.add("kubectl", "external", -EXT_W - shape.extGap, api.ay - 24, EXT_W, EXT_H);
  // Clear of the bus under the control plane.
  g.add("coredns", "external", -EXT_W - shape.extGap, cpH - EXT_H - 6, EXT_W, EXT_H);
  g.add("cloud", "external", 590 + 264 / 2 - 60, -EXT_H - 14, 120, EXT_H);

  // Pods waiting for the scheduler, above the control plane.
  // Empty, it is just its title bar.
  const pendingPodsH = input.unscheduled?.length ? podAreaHeight(input.unscheduled, PENDING_W - 2 * PAD) : 0;
  const pendingH = pendingPodsH ? HEADER + pendingPodsH + PAD : HEADER + 4;
  g.add(PENDING_ID, "pending", 24, -pendingH - 14, PENDING_W, pendingH);
  g.add(podsId(""), "pods", PAD, HEADER, PENDING_W - 2 * PAD, pendingPodsH, PENDING_ID);

  // Workers, in rows under the control plane, on the columns of the first row (centred), so
  // the gaps between them line up from row to row: the channels drop down those gaps.
  const rows: NodeInput[][] = [];
  for (let i = 0; i < input.workers.length; i += WORKERS_PER_ROW) rows.push(input.workers.slice(i, i + WORKERS_PER_ROW));
  const cols = rows[0]?.length ?? 0;
  const x0 = (CP_W - (cols * workerW + (cols - 1) * WORKER_GAP)) / 2;
  /** Room for two routes per row in each gap, nearest its own worker for the first row. */
  const slot = WORKER_GAP / (2 * rows.length + 1);
  const targets: AgentTarget[] = [];
  const agentIds: string[] = [];
  let y = cpH + CP_GAP_BELOW;
  rows.forEach((row, r) => {
    const rowH = Math.max(...row.map((w) => workerHeight(w, shape)));
    row.forEach((w, c) => {
      const id = nodeGroupId(w.name);
      const x = x0 + c * (workerW + WORKER_GAP);
      g.add(id, "cluster-node", x, y, workerW, rowH);
      const kubelet = g.add(`kubelet@${w.name}`, "component", PAD, HEADER, shape.agentW, AGENT_H, id);
      const proxy = g.add(`kube-proxy@${w.name}`, "component", PAD + shape.agentW + 10, HEADER, shape.agentW, AGENT_H, id);
      g.add(podsId(w.name), "pods", PAD + LANE, HEADER + AGENT_H + 10, podAreaW(shape), rowH - (HEADER + AGENT_H + 10) - 10 - RUNTIME_H - PAD, id);
      g.add(`container-runtime@${w.name}`, "component", PAD, rowH - PAD - RUNTIME_H, workerW - 2 * PAD, RUNTIME_H, id);
      // The kubelet is entered from the gap on its left, kube-proxy from the gap on its right.
      const midY = kubelet.ay + AGENT_H / 2;
      targets.push({ key: agentIds.length, dropX: x - slot * (r + 1), x: kubelet.ax, y: midY });
      agentIds.push(kubelet.id);
      targets.push({ key: agentIds.length, dropX: x + workerW + slot * (r + 1), x: proxy.ax + proxy.w, y: midY });
      agentIds.push(proxy.id);
    });
    y += rowH + ROW_GAP;
  });
  const registryY = y - ROW_GAP + 30;
  g.add("registry", "external", CP_W / 2 - EXT_W / 2, registryY, EXT_W, EXT_H);

  // Channels: everything talks to kube-apiserver; only kube-apiserver talks to etcd.
  link("kubectl", "kube-apiserver");
  link("kube-apiserver", "etcd");
  link("kube-scheduler", "kube-apiserver");
  link("kube-controller-manager", "kube-apiserver");
  const ccm = g.byId.get("cloud-controller-manager")!;
  if (input.narrow) {
    // Down between kube-controller-manager and the node's pods, then across above the hub.
    const downX = ccm.ax + 14;
    const acrossY = api.ay - 16;
    const inX = api.ax + api.w - 30;
    link("cloud-controller-manager", "kube-apiserver", [
      [downX, ccm.ay + ccm.h],
      [downX, acrossY],
      [inX, acrossY],
      [inX, api.ay],
    ]);
  } else {
    link("cloud-controller-manager", "kube-apiserver");
  }
  link("cloud-controller-manager", "cloud");
  link("coredns", "kube-apiserver");

  // The control-plane node's agents: the kubelet faces the hub; kube-proxy is reached along
  // the lane under the row, the runtime sits next to the kubelet.
  const cpKubelet = g.byId.get(`kubelet@${cpName}`)!;
  const cpProxy = g.byId.get(`kube-proxy@${cpName}`)!;
  const cpMid = cpKubelet.ay + AGENT_H / 2;
  link(`kubelet@${cpName}`, "kube-apiserver", [
    [cpKubelet.ax, cpMid],
    [api.ax + api.w, cpMid],
  ]);
  const laneY = cpKubelet.ay + AGENT_H + CP_LANE / 2;
  const turnX = api.ax + api.w + 12;
  const proxyX = cpProxy.ax + cpProxy.w / 2;
  link(`kube-proxy@${cpName}`, "kube-apiserver", [
    [proxyX, cpProxy.ay + AGENT_H],
    [proxyX, laneY],
    [turnX, laneY],
    [turnX, api.ay + api.h - 8],
    [api.ax + api.w, api.ay + api.h - 8],
  ]);
  link(`kubelet@${cpName}`, `container-runtime@${cpName}`);

  // The workers' agents: along the bus under the control plane (routes run hub → agent).
  const routes = busRoutes(targets, api.ax, api.ax + api.w, api.ay + api.h, cpH + 4, cpH + CP_GAP_BELOW - 6);
  agentIds.forEach((id, i) => link(id, "kube-apiserver", [...routes.get(i)!].reverse()));
  for (const w of input.workers) {
    const kubelet = g.byId.get(`kubelet@${w.name}`)!;
    const runtime = g.byId.get(`container-runtime@${w.name}`)!;
    // Down the left lane, past the pods.
    const laneX = kubelet.ax + LANE / 2 + 2;
    link(kubelet.id, runtime.id, [
      [laneX, kubelet.ay + kubelet.h],
      [laneX, runtime.ay],
    ]);
    const reg = g.byId.get("registry")!;
    const group = g.byId.get(nodeGroupId(w.name))!;
    if (group.ay + group.h + ROW_GAP >= registryY) {
      link(runtime.id, "registry");
    } else {
      // A row above the last: down the gap on the worker's right, under the last row, across.
      const gapX = group.ax + workerW + WORKER_GAP / 2;
      const rowGapY = group.ay + group.h + ROW_GAP / 2;
      const underY = registryY - 14;
      const rx = runtime.ax + runtime.w / 2;
      const regX = Math.min(Math.max(gapX, reg.ax + 16), reg.ax + reg.w - 16);
      link(runtime.id, "registry", [
        [rx, runtime.ay + runtime.h],
        [rx, rowGapY],
        [gapX, rowGapY],
        [gapX, underY],
        [regX, underY],
        [regX, reg.ay],
      ]);
    }
  }

  // The extent React Flow fits into view: every box (channels stay within a gap's width of them).
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of g.boxes) {
    left = Math.min(left, b.ax);
    top = Math.min(top, b.ay);
    right = Math.max(right, b.ax + b.w);
    bottom = Math.max(bottom, b.ay + b.h);
  }
  return { boxes: g.boxes, byId: g.byId, edges, width: right - left, height: bottom - top };
}

/** The zoom at which a layout just fits an area. */
export function fitScale(layout: Layout, width: number, height: number): number {
  return Math.min(width / layout.width, height / layout.height);
}

/** The path a packet takes between two components: along their channel when there is one. */
export function packetPath(layout: Layout, from: string, to: string): Pt[] | null {
  const fwd = layout.edges.find((e) => e.a === from && e.b === to);
  if (fwd) return fwd.points;
  const back = layout.edges.find((e) => e.a === to && e.b === from);
  if (back) return [...back.points].reverse();
  const a = layout.byId.get(from);
  const b = layout.byId.get(to);
  if (!a || !b) return null;
  const [x1, y1, x2, y2] = segmentBetween(a, b);
  return [
    [x1, y1],
    [x2, y2],
  ];
}
