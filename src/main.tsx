import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./ui/theme.css";
import { App } from "./App";
import { kubectlRequest, startFrameLoop, startSession, type Session } from "./store";

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

// The page paints first; the simulation (its own chunk, fetched in parallel) boots right after.
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void import("./sim").then(({ createCluster }) => {
  performance.mark("kubeglass:sim-loaded");
  // The bridge reads the trace live, so the cluster keeps no history (and boots faster).
  const session = startSession(createCluster({ workers, seed, profile, traceRetention: 0 }));
  performance.mark("kubeglass:cluster-booted");
  session.driver.frame(performance.now());
  startFrameLoop(session);
  window.kubeglass = { session, request: kubectlRequest };
});
