import { describe, expect, it } from "vitest";
import { layoutCluster, nodeGroupId, packetPath, podsId, type Box, type LayoutInput } from "./layout";
import { chipWidthFor, COLLAPSE_THRESHOLD } from "./podGeometry";

function overlaps(a: Box, b: Box): boolean {
  return a.ax < b.ax + b.w && b.ax < a.ax + a.w && a.ay < b.ay + b.h && b.ay < a.ay + a.h;
}

function input(workers: number, podsPerWorker: number): LayoutInput {
  const groups = (n: number) =>
    n === 0
      ? []
      : [
          { count: n, chipW: chipWidthFor(5) },
          { count: 1, chipW: chipWidthFor(5) },
        ];
  return {
    controlPlane: { name: "control-plane", groups: [{ count: 4, chipW: chipWidthFor(23) }, { count: 1, chipW: chipWidthFor(5) }] },
    workers: Array.from({ length: workers }, (_, i) => ({ name: `worker-${i + 1}`, groups: groups(podsPerWorker) })),
    unscheduled: groups(Math.min(podsPerWorker, 40)),
  };
}

describe("layoutCluster", () => {
  for (let workers = 1; workers <= 10; workers++) {
    for (const pods of [0, 3, 12, COLLAPSE_THRESHOLD, 100]) {
      it(`has no overlapping boxes with ${workers} workers and ${pods} pods each`, () => {
        const layout = layoutCluster(input(workers, pods));
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
            expect(c.x >= 0 && c.y >= 0 && c.x + c.w <= p.w && c.y + c.h <= p.h, `${c.id} inside ${p.id}`).toBe(true);
          }
        }
      });
    }
  }

  it("places every component of the default cluster", () => {
    const layout = layoutCluster(input(3, 3));
    const ids = ["pending", "pods:", "kubectl", "kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "cloud-controller-manager", "coredns", "registry", "cloud"];
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
    expect(packetPath(layout, "etcd", "kube-apiserver")).toEqual([e.x2, e.y2, e.x1, e.y1]);
    expect(packetPath(layout, "kube-apiserver", "etcd")).toEqual([e.x1, e.y1, e.x2, e.y2]);
    expect(packetPath(layout, "kubectl", "nowhere")).toBeNull();
  });

  it("keeps the default cluster wider than tall, to fit a 1280×800 screen", () => {
    const layout = layoutCluster(input(3, 4));
    expect(layout.width / layout.height).toBeGreaterThan(1.5);
  });
});
