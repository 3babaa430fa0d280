import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./ui/theme.css";
import { App } from "./App";
import { planCluster } from "./sim/clusterPlan";
import { kubectlRequest, showPlan, startFrameLoop, startSession, type Session } from "./store";
import { whenDiagramDrawn } from "./ui";

// `?workers=10&seed=7&profile=fast` shape the cluster (benchmarks, demos of large clusters).
const params = new URLSearchParams(location.search);
const workers = Math.min(1000, Math.max(1, Number(params.get("workers")) || 3));
const seed = Number(params.get("seed")) || 1;
const profile = params.get("profile") === "fast" ? "fast" : "real";

// A handle for end-to-end tests and benchmarks (and the curious, from the console).
declare global {
  interface Window {
    kubeglass?: { session: Session; request: typeof kubectlRequest };
  }
}

// The diagram is drawn at once from the cluster's plan (its parts, all starting); the simulation
// (its own chunk, fetched in parallel) boots once that is on screen, and the diagram turns live.
showPlan(planCluster(workers));
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Evaluating the simulation chunk and booting the cluster (one long task, ~100 ms cold) wait
// until the planned diagram is painted; the chunk itself downloads meanwhile (a prefetch link).
void whenDiagramDrawn(1000)
  .then(() => import("./sim"))
  .then(({ createCluster }) => {
    performance.mark("kubeglass:sim-loaded");
    // The bridge reads the trace live, so the cluster keeps no history (and boots faster).
    const session = startSession(createCluster({ workers, seed, profile, traceRetention: 0 }));
    performance.mark("kubeglass:cluster-booted");
    session.driver.frame(performance.now());
    startFrameLoop(session);
    window.kubeglass = { session, request: kubectlRequest };
    requestAnimationFrame(() => performance.mark("kubeglass:live-painted"));
  });
