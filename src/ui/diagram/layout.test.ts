import { describe, expect, it } from "vitest";
import { layoutCluster, nodeGroupId, packetPath, podsId, type Box, type LayoutInput } from "./layout";
import { chipWidthFor, COLLAPSE_THRESHOLD } from "./podGeometry";

function overlaps(a: Box, b: Box): boolean {
  return a.ax < b.ax + b.w && b.ax < a.ax + a.w && a.ay < b.ay + b.h && b.ay < a.ay + a.h;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether segment (x1,y1)–(x2,y2) passes through the inside of r (touching its border is fine). Liang–Barsky. */
function crosses(x1: number, y1: number, x2: number, y2: number, r: Rect): boolean {
  const e = 0.5;
  const [xmin, xmax, ymin, ymax] = [r.x + e, r.x + r.w - e, r.y + e, r.y + r.h - e];
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - xmin],
    [dx, xmax - x1],
    [-dy, y1 - ymin],
    [dy, ymax - y1],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t0 < t1;
}

function properlyIntersect(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  const cross = (o: [number, number], p: [number, number], q: [number, number]) =>
    (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function input(workers: number, podsPerWorker: number, narrow = false): LayoutInput {
  const groups = (n: number) =>
    n === 0
      ? []
      : [
          { count: n, chipW: chipWidthFor(5) },
          { count: 1, chipW: chipWidthFor(5) },
        ];
  return {
    controlPlane: {
      name: "control-plane",
      groups: [
        { count: 4, chipW: chipWidthFor(23) },
        { count: 1, chipW: chipWidthFor(5) },
      ],
    },
    workers: Array.from({ length: workers }, (_, i) => ({
      name: `worker-${i + 1}`,
      groups: groups(podsPerWorker),
    })),
    unscheduled: groups(Math.min(podsPerWorker, 40)),
    narrow,
  };
}

describe("layoutCluster", () => {
  for (let workers = 1; workers <= 10; workers++) {
    for (const pods of [0, 3, 12, COLLAPSE_THRESHOLD, 100]) {
      for (const narrow of [false, true])
        it(`has no overlapping boxes with ${workers} workers and ${pods} pods each${narrow ? " (narrow)" : ""}`, () => {
          const layout = layoutCluster(input(workers, pods, narrow));
          // Siblings (same parent) never overlap; children stay inside their parent.
          const boxes = layout.boxes;
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i];
              const b = boxes[j];
              if (a.parent !== b.parent) continue;
              expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
            }
            const p = boxes[i].parent ? layout.byId.get(boxes[i].parent!) : undefined;
            if (p) {
              const c = boxes[i];
              expect(
                c.x >= 0 && c.y >= 0 && c.x + c.w <= p.w && c.y + c.h <= p.h,
                `${c.id} inside ${p.id}`,
              ).toBe(true);
            }
          }
        });
    }
  }

  it("places every component of the default cluster", () => {
    const layout = layoutCluster(input(3, 3));
    const ids = [
      "pending",
      "pods:",
      "kubectl",
      "kube-apiserver",
      "etcd",
      "kube-scheduler",
      "kube-controller-manager",
      "cloud-controller-manager",
      "coredns",
      "registry",
      "cloud",
    ];
    for (const n of ["control-plane", "worker-1", "worker-2", "worker-3"]) {
      ids.push(`kubelet@${n}`, `container-runtime@${n}`, `kube-proxy@${n}`, nodeGroupId(n), podsId(n));
    }
    for (const id of ids) expect(layout.byId.has(id), id).toBe(true);
  });

  it("grows a worker's pod area with its pods", () => {
    const small = layoutCluster(input(1, 3)).byId.get(podsId("worker-1"))!;
    const big = layoutCluster(input(1, 20)).byId.get(podsId("worker-1"))!;
    expect(big.h).toBeGreaterThan(small.h);
  });

  it("draws channels to kube-apiserver and routes packets along them", () => {
    const layout = layoutCluster(input(3, 3));
    const ids = new Set(layout.edges.map((e) => e.id));
    expect(ids.has("kubelet@worker-2--kube-apiserver")).toBe(true);
    expect(ids.has("kube-apiserver--etcd")).toBe(true);
    expect(ids.has("container-runtime@worker-1--registry")).toBe(true);
    const e = layout.edges.find((x) => x.id === "kube-apiserver--etcd")!;
    expect(packetPath(layout, "etcd", "kube-apiserver")).toEqual([...e.points].reverse());
    expect(packetPath(layout, "kube-apiserver", "etcd")).toEqual(e.points);
    expect(packetPath(layout, "kubectl", "nowhere")).toBeNull();
    // A routed channel: the packet follows its bends, from the kubelet to kube-apiserver.
    const routed = layout.edges.find((x) => x.id === "kubelet@worker-3--kube-apiserver")!;
    expect(routed.points.length).toBeGreaterThan(2);
    const path = packetPath(layout, "kube-apiserver", "kubelet@worker-3")!;
    expect(path).toEqual([...routed.points].reverse());
    const kubelet = layout.byId.get("kubelet@worker-3")!;
    expect(path[path.length - 1]).toEqual([kubelet.ax, kubelet.ay + kubelet.h / 2]);
  });

  for (const [workers, pods] of [
    [3, 3],
    [1, 0],
    [5, 12],
    [7, 3],
    [10, 100],
  ] as const) {
    for (const narrow of [false, true])
      it(`draws no channel through a title, a pod area or another box (${workers} workers, ${pods} pods each${narrow ? ", narrow" : ""})`, () => {
        const layout = layoutCluster(input(workers, pods, narrow));
        const obstacles: { id: string; r: Rect }[] = [];
        for (const b of layout.boxes) {
          if (b.kind === "component" || b.kind === "external" || b.kind === "pods")
            obstacles.push({ id: b.id, r: { x: b.ax, y: b.ay, w: b.w, h: b.h } });
          // A group's title row: name, state pill, taints (the control plane's only on its left; the cloud's channel rises through its right).
          if (b.kind === "cluster-node" || b.kind === "pending")
            obstacles.push({
              id: `title of ${b.id}`,
              r: { x: b.ax, y: b.ay, w: b.id === "node:control-plane" ? 360 : b.w, h: 32 },
            });
        }
        for (const e of layout.edges) {
          for (let i = 1; i < e.points.length; i++) {
            const [x1, y1] = e.points[i - 1];
            const [x2, y2] = e.points[i];
            for (const o of obstacles) {
              if (o.id === e.a || o.id === e.b) continue;
              expect(crosses(x1, y1, x2, y2, o.r), `${e.id} crosses ${o.id}`).toBe(false);
            }
          }
        }
      });
  }

  for (const narrow of [false, true])
    it(`routes the workers' channels without crossing one another${narrow ? " (narrow)" : ""}`, () => {
      const layout = layoutCluster(input(10, 3, narrow));
      const segs = layout.edges
        .filter((e) => e.b === "kube-apiserver" && e.points.length > 2)
        .flatMap((e) => e.points.slice(1).map((p, i) => ({ id: e.id, a: e.points[i], b: p })));
      for (let i = 0; i < segs.length; i++) {
        for (let j = i + 1; j < segs.length; j++) {
          const s = segs[i];
          const t = segs[j];
          if (s.id === t.id) continue;
          expect(properlyIntersect(s.a, s.b, t.a, t.b), `${s.id} × ${t.id}`).toBe(false);
        }
      }
    });

  it("keeps the default cluster wider than tall, to fit a 1280×800 screen", () => {
    const layout = layoutCluster(input(3, 4));
    expect(layout.width / layout.height).toBeGreaterThan(1.5);
  });
});
