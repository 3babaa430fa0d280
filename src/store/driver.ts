import type { Cluster } from "../sim/clusterTypes";
import type { AppStore } from "./appStore";
import type { Bridge } from "./bridge";
import { isExpired, isRoutine } from "./slices/flowSlice";
import { hopLimit, hopWallMs, idleRate, MAX_FRAME_MS } from "./timeMapping";

/** Beyond this many hops in flight, smart speed stops stretching each one. */
export const MAX_FOLLOWABLE = 12;

/** Step never searches further than this much virtual time for the next hop. */
const STEP_HORIZON_MS = 15 * 60_000;

/**
 * Advances the simulation once per animation frame according to playback state, then flushes
 * the bridge. Wall time comes from the caller (`frame(wallNow)`), so tests use a fake clock.
 */
export interface Driver {
  frame(wallNow: number): void;
  /** Runs until the next hop between two components is emitted, then pauses on it. */
  step(wallNow: number): void;
}

export function createDriver(cluster: Cluster, store: AppStore, bridge: Bridge): Driver {
  let lastWall: number | null = null;
  let idleWall = 0;

  /** Runs tasks due up to `limit`; with `stopOnFocus`, stops right after a task that sent a hop. */
  function runTo(limit: number, stopOnFocus: boolean): void {
    const kernel = cluster.kernel;
    for (;;) {
      const next = kernel.nextAt;
      if (next === undefined || next > limit) {
        if (limit > cluster.now()) cluster.advance(limit - cluster.now());
        return;
      }
      const before = bridge.focusHopCount;
      cluster.step();
      if (stopOnFocus && bridge.focusHopCount !== before) return;
    }
  }

  function flush(wallNow: number): void {
    const { speed, smart } = store.getState();
    bridge.flush({ wallNow, hopWall: hopWallMs(speed), speed, smart });
  }

  return {
    frame(wallNow) {
      const dt = lastWall === null ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, wallNow - lastWall));
      lastWall = wallNow;
      const { playing, speed, smart, packets } = store.getState();
      // A hop the user caused between frames (a kubectl request) is shown before time moves on.
      const unshownFocus = bridge.pendingHops.some((h) => !isRoutine(h));
      if (playing && dt > 0 && !(smart && unshownFocus)) {
        const now = cluster.now();
        if (!smart) {
          runTo(now + dt * speed, false);
        } else {
          let limit = Infinity;
          let inFlight = 0;
          for (const p of packets) {
            if (p.routine || isExpired(p, now, wallNow)) continue;
            inFlight++;
            limit = Math.min(limit, hopLimit(p.at, p.arrives, p.shownAt, p.minVisible, wallNow));
          }
          if (inFlight === 0) {
            idleWall += dt;
            runTo(now + dt * idleRate(speed, idleWall), true);
          } else if (inFlight >= MAX_FOLLOWABLE) {
            // Too many at once to follow one by one (a 1,000-replica rollout): plain speed.
            idleWall = 0;
            runTo(now + dt * speed, false);
          } else {
            idleWall = 0;
            if (limit > now) runTo(limit, true);
          }
        }
      }
      flush(wallNow);
    },
    step(wallNow) {
      store.setState({ playing: false });
      const horizon = cluster.now() + STEP_HORIZON_MS;
      while (bridge.pendingHops.length === 0) {
        const next = cluster.kernel.nextAt;
        if (next === undefined || next > horizon) break;
        cluster.step();
      }
      const focus = bridge.pendingHops[0] ?? null;
      idleWall = 0;
      lastWall = wallNow;
      flush(wallNow);
      store.setState({ focusSeq: focus ? focus.seq : null });
    },
  };
}
