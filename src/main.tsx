import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./ui/theme.css";
import { App } from "./App";
import { kubectlRequest, startFrameLoop, startSession, type Session } from "./store";
// TEMPORARY until src/sim exports createCluster: the store's test double.
import { createFakeCluster } from "./store/testing/fakeCluster";

// `?workers=10` sizes the cluster (benchmarks, demos of large clusters).
const params = new URLSearchParams(location.search);
const workers = Math.min(1000, Math.max(1, Number(params.get("workers")) || 3));

const session = startSession(createFakeCluster({ workers }));
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
