/**
 * Keeps the scenario in the URL and recreates the one a link carries. Runs for the life of
 * the page (started by the side panel).
 */
import { appStore, loadManifest, onSessionChange, rebootCluster, whenSession, type AppState } from "../../store";
import { MAX_WORKERS, scenarioFromHash, shareUrl, type Scenario } from "./scenarioCodec";

/** The workers count main.tsx booted with (`?workers=`), as it reads it. */
function bootWorkers(): number {
  const n = Number(new URLSearchParams(location.search).get("workers")) || 3;
  return Math.min(1000, Math.max(1, n));
}

export function currentScenario(s: AppState): Scenario {
  return { profile: s.profile, seed: s.seed, workers: Math.min(s.workers, MAX_WORKERS), editor: s.manifest || undefined, steps: [...s.steps] };
}

/** This page's shareable link for the current scenario. */
export function currentShareUrl(): string {
  return shareUrl(`${location.origin}${location.pathname}`, currentScenario(appStore.getState()));
}

export type ReplayState = { replaying: boolean; message: string | null };
let replayState: ReplayState = { replaying: false, message: null };
const replayListeners = new Set<() => void>();
function setReplay(next: ReplayState): void {
  replayState = next;
  for (const l of replayListeners) l();
}
export function replayStatus(): ReplayState {
  return replayState;
}
export function onReplayStatus(l: () => void): () => void {
  replayListeners.add(l);
  return () => replayListeners.delete(l);
}

async function openLink(sc: Scenario): Promise<void> {
  setReplay({ replaying: true, message: "Recreating the shared scenario…" });
  let session = await whenSession();
  const c = session.cluster;
  if (c.profile !== sc.profile || c.seed !== sc.seed || appStore.getState().workers !== sc.workers) {
    session = await rebootCluster({ profile: sc.profile, seed: sc.seed, workers: sc.workers });
  }
  if (sc.editor !== undefined) loadManifest(sc.editor);
  const { replaySteps } = await import("./replay");
  const report = await replaySteps(session, sc.steps);
  const failed = report.failed.length ? ` ${report.failed.length} failed: ${report.failed[0]}` : "";
  setReplay({ replaying: false, message: `Shared scenario: ${report.done} of ${sc.steps.length} steps replayed.${failed}` });
}

/** A link is replayed once per page load (effects may run twice in development). */
let linkOpened = false;

export function startSharing(): () => void {
  if (typeof window === "undefined") return () => {};
  // The cluster shape follows the running session.
  const offSession = onSessionChange((session) => {
    const s = appStore.getState();
    const workers = s.steps.length === 0 && s.workers === 3 ? bootWorkers() : s.workers;
    if (s.profile !== session.cluster.profile || s.seed !== session.cluster.seed || s.workers !== workers) {
      appStore.setState({ profile: session.cluster.profile, seed: session.cluster.seed, workers });
    }
  });
  const shared = linkOpened ? null : scenarioFromHash(location.hash);
  linkOpened = true;
  if (shared) void openLink(shared).catch((e: unknown) => setReplay({ replaying: false, message: `Could not replay the link: ${e instanceof Error ? e.message : String(e)}` }));
  else if (/scenario=/.test(location.hash)) setReplay({ replaying: false, message: "This link's scenario could not be read; starting fresh." });

  // The URL follows the scenario (after a shared link has been replayed).
  let timer = 0;
  const offStore = appStore.subscribe((s, prev) => {
    if (s.steps === prev.steps && s.manifest === prev.manifest && s.profile === prev.profile && s.seed === prev.seed && s.workers === prev.workers) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (replayState.replaying) return;
      history.replaceState(history.state, "", currentShareUrl());
    }, 400);
  });
  return () => {
    offSession();
    offStore();
    clearTimeout(timer);
  };
}
