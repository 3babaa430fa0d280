import type { Cluster, ObjectChange } from "../sim/clusterTypes";
import type { TraceEvent } from "../sim/runtime/trace";
import type { AppStore } from "./appStore";
import { refreshComponents } from "./slices/componentsSlice";
import { addPackets, expirePackets, isHop, isRoutine, toPacket, type Packet } from "./slices/flowSlice";
import { addNarration, toNarration, type NarrationEntry } from "./slices/narrationSlice";
import { applyObjectChanges, isTracked } from "./slices/objectsSlice";
import { addMarks, markFromChange, markFromTrace, type TimelineMark } from "./slices/timelineSlice";

export interface FlushOptions {
  wallNow: number;
  /** Wall ms a new packet stays on screen at least (its animation time). */
  hopWall: number;
  /** Cluster speed, so a long message (an image pull) animates over its real duration. */
  speed: number;
  /** Smart speed stretches every hop over `hopWall` instead. */
  smart: boolean;
}

/**
 * Collects the sim's trace events and object changes as they happen and moves them into the
 * store in one update per animation frame (`flush`). Counts hops so the driver can stop on one.
 */
export interface Bridge {
  flush(opts: FlushOptions): void;
  /** Every hop seen so far (a message between two components). */
  readonly hopCount: number;
  /** Hops that are not periodic housekeeping. */
  readonly focusHopCount: number;
  /** Hops seen since the last flush (not yet in the store). */
  readonly pendingHops: readonly TraceEvent[];
  dispose(): void;
}

export function createBridge(cluster: Cluster, store: AppStore): Bridge {
  let events: TraceEvent[] = [];
  let changes: ObjectChange[] = [];
  let marks: TimelineMark[] = [];
  let hopCount = 0;
  let focusHopCount = 0;
  let pendingHops: TraceEvent[] = [];
  let componentsDirty = true;

  const offTrace = cluster.subscribe((e) => {
    events.push(e);
    if (e.kind === "fault") componentsDirty = true;
    if (isHop(e)) {
      hopCount++;
      if (!isRoutine(e)) focusHopCount++;
      pendingHops.push(e);
    }
  });
  const offObjects = cluster.onObjectChange((c) => {
    if (isTracked(c.resource)) changes.push(c);
    else {
      const mark = markFromChange(c, cluster.now());
      if (mark) marks.push(mark);
    }
  });

  function seed(): void {
    // Objects that existed before the bridge subscribed.
    const initial: ObjectChange[] = [];
    for (const resource of ["nodes", "pods", "deployments", "replicasets", "daemonsets", "services"]) {
      for (const object of cluster.list(resource)) initial.push({ type: "ADDED", object, resource, revision: 0 });
    }
    store.setState((s) => applyObjectChanges(s, initial));
  }
  seed();

  return {
    get hopCount() {
      return hopCount;
    },
    get focusHopCount() {
      return focusHopCount;
    },
    get pendingHops() {
      return pendingHops;
    },
    flush({ wallNow, hopWall, speed, smart }) {
      const batch = events;
      const objectBatch = changes;
      const markBatch = marks;
      events = [];
      changes = [];
      marks = [];
      pendingHops = [];
      const now = cluster.now();

      const packets: Packet[] = [];
      const narration: NarrationEntry[] = [];
      for (const e of batch) {
        if (isHop(e)) {
          const duration = smart ? hopWall : Math.max(hopWall, (e.arrives - e.at) / speed);
          packets.push(toPacket(e, wallNow, isRoutine(e) ? duration * 0.7 : duration));
        }
        if (e.narration && !isRoutine(e)) narration.push(toNarration(e));
        const mark = markFromTrace(e);
        if (mark) markBatch.push(mark);
      }
      const refresh = componentsDirty;
      componentsDirty = false;

      store.setState((s) => {
        let flow = expirePackets(s, now, wallNow);
        flow = addPackets(flow, packets);
        const objects = applyObjectChanges(s, objectBatch);
        const comps = refresh ? refreshComponents(s, cluster.components()) : s;
        const narr = addNarration(s, narration);
        const timeline = addMarks(s, markBatch);
        const unchanged =
          now === s.now && flow.packets === s.packets && objects === s && comps === s && narr === s && timeline === s;
        if (unchanged) return s;
        return {
          now,
          packets: flow.packets,
          active: flow.active,
          objects: objects.objects,
          podsByNode: objects.podsByNode,
          components: comps.components,
          componentOrder: comps.componentOrder,
          narration: narr.narration,
          marks: timeline.marks,
        };
      });
    },
    dispose() {
      offTrace();
      offObjects();
    },
  };
}
