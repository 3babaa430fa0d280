/**
 * How wall time maps to cluster (virtual) time. Pure functions so the driver's behaviour is
 * unit-tested with a fake clock.
 */

/** Wall ms a hop takes on screen at a speed: followable at ×1, brisk at high speeds. */
export function hopWallMs(speed: number): number {
  return Math.min(1400, Math.max(60, 520 / Math.sqrt(speed)));
}

/** Frames longer than this (a hidden tab, a debugger pause) do not jump the cluster ahead. */
export const MAX_FRAME_MS = 100;

/** Smart speed: idle time accelerates by ×2 every IDLE_DOUBLING_MS of wall time… */
export const IDLE_DOUBLING_MS = 450;
/** …up to this rate (virtual ms per wall ms). A 40 s grace period takes ≈ 3 s of wall time. */
export const MAX_IDLE_RATE = 2000;

/** Virtual ms per wall ms after `idleWallMs` of nothing interesting in flight. */
export function idleRate(speed: number, idleWallMs: number): number {
  return Math.min(Math.max(speed, MAX_IDLE_RATE), speed * 2 ** (idleWallMs / IDLE_DOUBLING_MS));
}

/**
 * While a hop is in flight, cluster time may not pass its arrival before its wall window
 * ends: the latency is stretched over the hop's time on screen.
 */
export function hopLimit(at: number, arrives: number, shownAt: number, duration: number, wallNow: number): number {
  if (duration <= 0) return arrives;
  const f = Math.min(1, Math.max(0, (wallNow - shownAt) / duration));
  return at + (arrives - at) * f;
}

/** `t = 1m32s` style: the cluster clock, kubectl-like units. */
export function formatClusterTime(virtualMs: number, origin = 0): string {
  const ms = Math.max(0, virtualMs - origin);
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m${String(s).padStart(2, "0")}s`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  const tenths = Math.floor((ms % 1000) / 100);
  return `${s}.${tenths}s`;
}
