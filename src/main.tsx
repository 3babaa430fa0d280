import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./ui/theme.css";
import { App } from "./App";
import { createCluster } from "./sim";
import { kubectlRequest, startFrameLoop, startSession, type Session } from "./store";

// `?workers=10&seed=7&profile=fast` shape the cluster (benchmarks, demos of large clusters).
const params = new URLSearchParams(location.search);
const workers = Math.min(1000, Math.max(1, Number(params.get("workers")) || 3));
const seed = Number(params.get("seed")) || 1;
const profile = params.get("profile") === "fast" ? "fast" : "real";

// The trace is read live by the bridge; keep only a short history in memory.
const session = startSession(createCluster({ workers, seed, profile, traceRetention: 2000 }));
// One frame before the first paint so the diagram starts with the whole cluster.
session.driver.frame(performance.now());
startFrameLoop(session);

// A handle for end-to-end tests and benchmarks (and the curious, from the console).
declare global {
  interface Window {
    kubeglass?: { session: Session; request: typeof kubectlRequest };
  }
}
window.kubeglass = { session, request: kubectlRequest };

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
