/**
 * READY / STATUS / RESTARTS of a pod, exactly as printPod in
 * kubernetes/pkg/printers/internalversion/printers.go computes them (v1.34).
 */
import type { Container, ContainerStatus, Pod } from "../../sim/api/types";
import { fromTimestamp } from "../../sim/runtime";
import { humanDuration } from "../format";

/** pod.Status.Reason set by the node lifecycle controller for pods on an unreachable node. */
export const NODE_UNREACHABLE_POD_REASON = "NodeLost";

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** Container.restartPolicy "Always" on an init container makes it a sidecar. */
function isRestartable(c: Container | undefined): boolean {
  return (c as (Container & { restartPolicy?: string }) | undefined)?.restartPolicy === "Always";
}

function finishedAt(s: ContainerStatus): number {
  const t = s.lastState?.terminated?.finishedAt;
  return t ? fromTimestamp(t) : -Infinity;
}

/** ContainerStateTerminated.signal (not in the sim's types; 0 when absent). */
function signalOf(t: object): number {
  const sig = (t as { signal?: unknown }).signal;
  return typeof sig === "number" ? sig : 0;
}

export function summarizePod(pod: Pod, now: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart = -Infinity;
  let lastSidecarRestart = -Infinity;

  let reason: string = status.phase ?? "";
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount;
    if (cs.lastState?.terminated) lastRestart = Math.max(lastRestart, finishedAt(cs));
    const sidecar = isRestartable(initContainers.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      if (cs.lastState?.terminated) lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(cs));
    }
    const term = cs.state.terminated;
    const wait = cs.state.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) {
        reason = signalOf(term) !== 0 ? `Init:Signal:${signalOf(term)}` : `Init:ExitCode:${term.exitCode}`;
      } else {
        reason = `Init:${term.reason}`;
      }
    } else if (wait && wait.reason && wait.reason !== "PodInitializing") {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some(
    (c) => c.type === "Initialized" && c.status === "True",
  );
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // the first container wins: iterate from the last so earlier ones overwrite
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      if (cs.lastState?.terminated) lastRestart = Math.max(lastRestart, finishedAt(cs));
      const term = cs.state.terminated;
      const wait = cs.state.waiting;
      if (wait && wait.reason) {
        reason = wait.reason;
      } else if (term && term.reason) {
        reason = term.reason;
      } else if (term && !term.reason) {
        reason = signalOf(term) !== 0 ? `Signal:${signalOf(term)}` : `ExitCode:${term.exitCode}`;
      } else if (cs.ready && cs.state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
      reason = podReady ? "Running" : "NotReady";
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = "Unknown";
  } else if (pod.metadata.deletionTimestamp && status.phase !== "Succeeded" && status.phase !== "Failed") {
    reason = "Terminating";
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== -Infinity && !Number.isNaN(lastRestart)) {
    restartsStr = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}
