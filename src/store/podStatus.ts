import type { Pod } from "../sim/api/types";

/**
 * The STATUS column of `kubectl get pods`, computed as kubectl's printer does
 * (pkg/printers/internalversion printPod): pod reason or phase, then init containers, then
 * containers in reverse order so the first container wins, then `Terminating`.
 */
export function podStatus(pod: Pod): string {
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || "Pending";

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const term = c.state.terminated;
    const wait = c.state.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : `Init:ExitCode:${term.exitCode}`;
      initializing = true;
    } else if (wait && wait.reason && wait.reason !== "PodInitializing") {
      reason = `Init:${wait.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${pod.spec.initContainers?.length ?? inits.length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    const containers = status.containerStatuses ?? [];
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i];
      const wait = c.state.waiting;
      const term = c.state.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state.running) hasRunning = true;
    }
    if (reason === "Completed" && hasRunning) {
      const ready = status.conditions?.some((c) => c.type === "Ready" && c.status === "True");
      reason = ready ? "Running" : "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp) reason = status.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

export type StatusTone = "pending" | "creating" | "running" | "terminating" | "failed" | "completed" | "unknown";

/** The colour family a STATUS string is drawn in. */
export function statusTone(status: string): StatusTone {
  if (status === "Running") return "running";
  if (status === "Completed" || status === "Succeeded") return "completed";
  if (status === "Terminating") return "terminating";
  if (status === "Pending" || /^Init:\d+\/\d+$/.test(status)) return "pending";
  if (status === "ContainerCreating" || status === "PodInitializing") return "creating";
  if (status === "Unknown" || status === "NotReady") return "unknown";
  return "failed";
}
