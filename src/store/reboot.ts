import type { ProfileName } from "../sim/clusterTypes";
import { appStore, startFrameLoop, startSession, type Session } from "./session";

export interface ClusterShape {
  profile: ProfileName;
  seed: number;
  workers: number;
}

/**
 * Boots a fresh cluster (the simulation chunk is already loaded by then) and makes it the
 * app's session; the old session's frame loop stops by itself. The scenario starts empty.
 */
export async function rebootCluster(shape: ClusterShape): Promise<Session> {
  const { createCluster } = await import("../sim");
  // startSession keeps the user's work and choices; the scenario starts empty.
  const session = startSession(createCluster({ ...shape, traceRetention: 0 }));
  appStore.setState({ profile: shape.profile, seed: shape.seed, workers: shape.workers, steps: [] });
  session.driver.frame(performance.now());
  startFrameLoop(session);
  if (typeof window !== "undefined" && window.kubeglass) window.kubeglass = { ...window.kubeglass, session };
  return session;
}
