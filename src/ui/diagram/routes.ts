/**
 * Orthogonal routes for the channels between kube-apiserver and the node agents of the
 * workers. A straight line from the hub to a kubelet crosses its node's title row (name,
 * Ready pill, taints); these routes leave the hub's bottom, run along a bus in the gap under
 * the control plane, drop down the gaps between workers, and enter each agent from its side,
 * so they cross borders only, never text.
 */

export type Pt = [number, number];

export interface AgentTarget {
  /** Index in the caller's list, returned with the route. */
  key: number;
  /** x of the vertical drop (in a gap beside the worker). */
  dropX: number;
  /** Where the route ends: the middle of the agent's side. */
  x: number;
  y: number;
}

/**
 * Routes from the hub's bottom edge (between x `left` and `right`, at `hubY`) to every target,
 * with horizontal bus segments between `busTop` and `busBottom`. Starts and drops are sorted
 * alike, and levels nest (the farther a target, the higher its bus segment), so no two routes
 * cross.
 */
export function busRoutes(targets: readonly AgentTarget[], left: number, right: number, hubY: number, busTop: number, busBottom: number): Map<number, Pt[]> {
  const sorted = [...targets].sort((p, q) => p.dropX - q.dropX || p.y - q.y);
  const n = sorted.length;
  const routes = new Map<number, Pt[]>();
  if (n === 0) return routes;
  const margin = 24;
  const span = right - left - 2 * margin;
  const starts = sorted.map((_, i) => (n === 1 ? (left + right) / 2 : left + margin + (span * i) / (n - 1)));
  // A target straight under its start needs no bus segment: snap it there.
  const goesLeft = sorted.map((t, i) => t.dropX < starts[i] - 0.5);
  const goesRight = sorted.map((t, i) => t.dropX > starts[i] + 0.5);
  const lefts = sorted.filter((_, i) => goesLeft[i]).length;
  const rights = sorted.filter((_, i) => goesRight[i]).length;
  const levels = Math.max(lefts, rights, 1);
  const step = Math.min(8, (busBottom - busTop) / levels);
  let li = 0;
  let ri = rights;
  sorted.forEach((t, i) => {
    const pts: Pt[] = [[starts[i], hubY]];
    if (goesLeft[i] || goesRight[i]) {
      // Leftward: the leftmost is highest. Rightward: the rightmost is highest.
      const level = goesLeft[i] ? li++ : --ri;
      const y = busTop + step * (level + 0.5);
      pts.push([starts[i], y], [t.dropX, y]);
    } else {
      pts[0] = [t.dropX, hubY];
    }
    pts.push([t.dropX, t.y], [t.x, t.y]);
    routes.set(t.key, pts);
  });
  return routes;
}

/** Total length of a polyline. */
export function pathLength(pts: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < pts.length; i++) len += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
  return len;
}

/** The point halfway along a polyline. */
export function midpoint(pts: readonly Pt[]): Pt {
  let rest = pathLength(pts) / 2;
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1];
    const [x1, y1] = pts[i];
    const seg = Math.hypot(x1 - x0, y1 - y0);
    if (seg >= rest && seg > 0) return [x0 + ((x1 - x0) * rest) / seg, y0 + ((y1 - y0) * rest) / seg];
    rest -= seg;
  }
  return pts[pts.length - 1];
}
