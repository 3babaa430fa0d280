import type { ClusterPlan } from "../sim/clusterPlan";
import type { Cluster } from "../sim/clusterTypes";
import { createAppStore, type AppState, type AppStore } from "./appStore";
import { createBridge, type Bridge } from "./bridge";
import { createDriver, type Driver } from "./driver";

/** One running cluster wired to a store. */
export interface Session {
  cluster: Cluster;
  store: AppStore;
  bridge: Bridge;
  driver: Driver;
  dispose(): void;
}

export function createSession(cluster: Cluster, store: AppStore = createAppStore()): Session {
  const bridge = createBridge(cluster, store);
  const driver = createDriver(cluster, store, bridge);
  return { cluster, store, bridge, driver, dispose: () => bridge.dispose() };
}

/** The app's store, read by every component through `useAppStore`. */
export const appStore: AppStore = createAppStore();

let current: Session | null = null;

/** Starts the app's session on `appStore` (replacing any previous one). */
/** What a new cluster does not reset: the user's work and choices (made before the first boot, or kept across "Reset cluster"), and the plan drawn while it started. */
function userChoices(s: AppState): Partial<AppState> {
  return { panel: s.panel, manifest: s.manifest, manifestSeq: s.manifestSeq, exampleId: s.exampleId, speed: s.speed, smart: s.smart, playing: s.playing, plan: s.plan };
}

/** Draws the cluster about to boot (its components and nodes, all starting) while the simulation loads. */
export function showPlan(plan: ClusterPlan): void {
  appStore.setState({ plan });
}

export function startSession(cluster: Cluster): Session {
  current?.dispose();
  const keep = userChoices(appStore.getState());
  appStore.setState({ ...appStore.getInitialState(), ...keep, origin: cluster.now(), now: cluster.now() }, true);
  current = createSession(cluster, appStore);
  return current;
}

export function currentSession(): Session | null {
  return current;
}

/** Calls `driver.frame` every animation frame until the returned function is called. */
export function startFrameLoop(session: Session, clock: () => number = () => performance.now()): () => void {
  let handle = 0;
  const tick = () => {
    if (current !== session && current !== null) return; // a newer session (Reset cluster) has its own loop
    session.driver.frame(clock());
    handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(handle);
}
