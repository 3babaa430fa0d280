import { memo, useMemo } from "react";
import { ViewportPortal } from "@xyflow/react";
import { domAnimation, LazyMotion, m, MotionConfig, useReducedMotion } from "framer-motion";
import { useAppStore, type Packet } from "../../store";
import { packetPath, type Layout } from "./layout";
import { midpoint, pathLength, type Pt } from "./routes";

/** Labels only when few packets fly at once; otherwise they would cover the diagram. */
const MAX_LABELS = 6;
/** Moving dots beyond this many are noise (and work): their channels stay lit instead. */
const MAX_DOTS = 24;

/** A label ending near the right edge of the diagram would run off it: those sit left of their dot. */
const LABEL_ROOM = 280;

const PacketDot = memo(function PacketDot({ packet, path, label, reduced, flipX }: { packet: Packet; path: Pt[]; label: boolean; reduced: boolean; flipX: number }) {
  const flip = path[path.length - 1][0] > flipX || path[0][0] > flipX;
  const cls = `packet packet--${packet.kind}${packet.routine ? " packet--routine" : ""}${flip ? " packet--flip" : ""}`;
  if (reduced) {
    // No motion: a still label halfway along the channel (the edge itself is lit).
    const [mx, my] = midpoint(path);
    return label ? (
      <div className={cls} style={{ transform: `translate(${mx}px, ${my}px)` }}>
        <span className="packet__label">{packet.summary}</span>
      </div>
    ) : null;
  }
  const [x1, y1] = path[0];
  const duration = packet.minVisible / 1000;
  // A routed channel bends: keyframes at its corners, timed by distance (an even speed).
  const total = pathLength(path) || 1;
  let run = 0;
  const times = path.map((p, i) => (i === 0 ? 0 : (run += Math.hypot(p[0] - path[i - 1][0], p[1] - path[i - 1][1])) / total));
  const bent = path.length > 2;
  return (
    <m.div
      className={cls}
      initial={{ x: x1, y: y1, opacity: 0 }}
      animate={bent ? { x: path.map((p) => p[0]), y: path.map((p) => p[1]), opacity: 1 } : { x: path[1][0], y: path[1][1], opacity: 1 }}
      transition={bent ? { duration, times, ease: "linear", opacity: { duration: 0.12 } } : { duration, ease: "easeInOut", opacity: { duration: 0.12 } }}
    >
      <span className="packet__dot" />
      {label && <span className="packet__label">{packet.summary}</span>}
    </m.div>
  );
});

/**
 * Every in-flight message as a dot travelling along its channel, in flow coordinates. Its own
 * chunk with framer-motion (loaded right after the diagram's first paint): nothing flies before
 * the cluster is live.
 */
export default function PacketLayerWithMotion({ layout }: { layout: Layout }) {
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <PacketLayer layout={layout} />
      </MotionConfig>
    </LazyMotion>
  );
}

function PacketLayer({ layout }: { layout: Layout }) {
  const packets = useAppStore((s) => s.packets);
  const reduced = useReducedMotion() ?? false;
  // Housekeeping (heartbeats, leases) only lights its channel; the user's flow gets the dots.
  const shown = packets.filter((p) => !p.routine).slice(-MAX_DOTS);
  const labelled = new Set(shown.slice(-MAX_LABELS).map((p) => p.seq));
  const flipX = useMemo(() => layout.boxes.reduce((x, b) => Math.max(x, b.ax + b.w), -Infinity) - LABEL_ROOM, [layout]);
  return (
    <ViewportPortal>
      <div className="packets" aria-hidden="true">
        {shown.map((p) => {
          const path = packetPath(layout, p.from, p.to);
          if (!path) return null;
          return <PacketDot key={p.seq} packet={p} path={path} label={labelled.has(p.seq)} reduced={reduced} flipX={flipX} />;
        })}
      </div>
    </ViewportPortal>
  );
}
