export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlaybackState {
  playing: boolean;
  speed: Speed;
  /** Idle virtual time passes quickly, bursts of messages slowly. */
  smart: boolean;
  /** Cluster time (virtual ms) as last shown. */
  now: number;
  /** Virtual ms when the session started (the cluster has booted): the clock shows now − origin. */
  origin: number;
}

export function initialPlayback(): PlaybackState {
  return { playing: true, speed: 1, smart: true, now: 0, origin: 0 };
}

/** The next speed up (+1) or down (−1), clamped to the list. */
export function nextSpeed(speed: Speed, dir: 1 | -1): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + dir))];
}

export function isSpeed(n: number): n is Speed {
  return (SPEEDS as readonly number[]).includes(n);
}
