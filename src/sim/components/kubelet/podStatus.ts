import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "../../api/types";
import { toTimestamp } from "../../runtime/virtualTime";

/** The kubelet's record of one container of a pod. */
export interface ContainerRecord {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
}

export interface PodRecordView {
  pod: Pod;
  podIP?: string;
  hostIP: string;
  startTime?: number;
  init: ContainerRecord[];
  containers: ContainerRecord[];
  sandboxReady: boolean;
}

function toStatus(c: ContainerRecord): ContainerStatus {
  return {
    name: c.name,
    image: c.image,
    imageID: c.imageID,
    ...(c.containerID ? { containerID: c.containerID } : {}),
    ready: c.ready,
    started: c.started,
    restartCount: c.restartCount,
    state: c.state,
    lastState: c.lastState,
  };
}

function condition(type: PodCondition["type"], ok: boolean, old: PodCondition[] | undefined, now: number, reason?: string): PodCondition {
  const status = ok ? "True" : "False";
  const prev = old?.find((c) => c.type === type);
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : toTimestamp(now);
  return { type, status, lastProbeTime: null, lastTransitionTime, ...(reason && !ok ? { reason } : {}) };
}

/** The pod phase from its containers (pkg/kubelet/kubelet_pods.go getPhase). */
function phaseOf(v: PodRecordView): NonNullable<PodStatus["phase"]> {
  const policy = v.pod.spec.restartPolicy ?? "Always";
  if (v.init.some((c) => !c.state.terminated || c.state.terminated.exitCode !== 0)) {
    const failedInit = v.init.find((c) => c.state.terminated && c.state.terminated.exitCode !== 0);
    return failedInit && policy === "Never" ? "Failed" : "Pending";
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const c of v.containers) {
    if (c.state.running) running++;
    else if (c.state.terminated) {
      stopped++;
      if (c.state.terminated.exitCode === 0) succeeded++;
    } else if (c.lastState.terminated) stopped++; // waiting to restart
    else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    return policy === "Never" ? "Failed" : "Running";
  }
  return "Pending";
}

/** The status the kubelet's status manager reports for a pod. */
export function computePodStatus(v: PodRecordView, now: number): PodStatus {
  const old = v.pod.status?.conditions;
  const initialized = v.init.every((c) => c.state.terminated?.exitCode === 0);
  const containersReady = v.containers.every((c) => c.ready);
  const phase = phaseOf(v);
  const notReadyReason = containersReady ? undefined : "ContainersNotReady";
  const conditions: PodCondition[] = [
    condition("PodReadyToStartContainers", v.sandboxReady, old, now),
    condition("Initialized", initialized, old, now, "ContainersNotInitialized"),
    condition("Ready", containersReady && initialized, old, now, initialized ? notReadyReason : "ContainersNotInitialized"),
    condition("ContainersReady", containersReady && initialized, old, now, initialized ? notReadyReason : "ContainersNotInitialized"),
    condition("PodScheduled", true, old, now),
  ];
  const notReadyNames = v.containers.filter((c) => !c.ready).map((c) => c.name);
  for (const c of conditions) {
    if ((c.type === "Ready" || c.type === "ContainersReady") && c.status === "False") {
      c.message = initialized ? `containers with unready status: [${notReadyNames.join(" ")}]` : `containers with incomplete status: [${v.init.filter((i) => i.state.terminated?.exitCode !== 0).map((i) => i.name).join(" ")}]`;
    }
    if (c.type === "Initialized" && c.status === "False") c.message = `containers with incomplete status: [${v.init.filter((i) => i.state.terminated?.exitCode !== 0).map((i) => i.name).join(" ")}]`;
  }
  return {
    phase,
    conditions,
    hostIP: v.hostIP,
    hostIPs: [{ ip: v.hostIP }],
    ...(v.podIP ? { podIP: v.podIP, podIPs: [{ ip: v.podIP }] } : {}),
    ...(v.startTime !== undefined ? { startTime: toTimestamp(v.startTime) } : {}),
    qosClass: v.pod.status?.qosClass,
    ...(v.init.length ? { initContainerStatuses: v.init.map(toStatus) } : {}),
    containerStatuses: v.containers.map(toStatus),
  };
}
