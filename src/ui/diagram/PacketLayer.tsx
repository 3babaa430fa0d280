import { memo } from "react";
import { ViewportPortal } from "@xyflow/react";
import { domAnimation, LazyMotion, m, MotionConfig, useReducedMotion } from "framer-motion";
import { useAppStore, type Packet } from "../../store";
import { packetPath, type Layout } from "./layout";

/** Labels only when few packets fly at once; otherwise they would cover the diagram. */
const MAX_LABELS = 6;
/** Moving dots beyond this many are noise (and work): their channels stay lit instead. */
const MAX_DOTS = 24;

const PacketDot = memo(function PacketDot({ packet, path, label, reduced }: { packet: Packet; path: [number, number, number, number]; label: boolean; reduced: boolean }) {
  const [x1, y1, x2, y2] = path;
  const cls = `packet packet--${packet.kind}${packet.routine ? " packet--routine" : ""}`;
  if (reduced) {
    // No motion: a still label at the channel's midpoint (the edge itself is lit).
    return label ? (
      <div className={cls} style={{ transform: `translate(${(x1 + x2) / 2}px, ${(y1 + y2) / 2}px)` }}>
        <span className="packet__label">{packet.summary}</span>
      </div>
    ) : null;
  }
  return (
    <m.div
      className={cls}
      initial={{ x: x1, y: y1, opacity: 0 }}
      animate={{ x: x2, y: y2, opacity: 1 }}
      transition={{ duration: packet.minVisible / 1000, ease: "easeInOut", opacity: { duration: 0.12 } }}
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
  return (
    <ViewportPortal>
      <div className="packets" aria-hidden="true">
        {shown.map((p) => {
          const path = packetPath(layout, p.from, p.to);
          if (!path) return null;
          return <PacketDot key={p.seq} packet={p} path={path} label={labelled.has(p.seq)} reduced={reduced} />;
        })}
      </div>
    </ViewportPortal>
  );
}
