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
  /** When its latest container began running (0 before the first): a long run earns a fresh back-off. */
  runningSince: number;
}

export interface PodRecordView {
  pod: Pod;
  podIP?: string;
  hostIP: string;
  /** When the kubelet first synced the pod, as the API writes it. */
  startTime?: string;
  init: ContainerRecord[];
  containers: ContainerRecord[];
  sandboxReady: boolean;
}

// Whole literals, not properties added one by one: the status last sent is kept per pod, and
// objects grown past their literal get an extra property array.
function toStatus(c: ContainerRecord): ContainerStatus {
  if (c.containerID) {
    return { name: c.name, image: c.image, imageID: c.imageID, containerID: c.containerID, ready: c.ready, started: c.started, restartCount: c.restartCount, state: c.state, lastState: c.lastState };
  }
  return { name: c.name, image: c.image, imageID: c.imageID, ready: c.ready, started: c.started, restartCount: c.restartCount, state: c.state, lastState: c.lastState };
}

function toStatuses(records: ContainerRecord[]): ContainerStatus[] {
  const out: ContainerStatus[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = toStatus(records[i]);
  return out;
}

/** A condition as the status manager reports it; `reason` and `message` only when it is False. */
function condition(type: PodCondition["type"], ok: boolean, old: PodCondition[] | undefined, now: number, reason?: string, message?: string): PodCondition {
  const status = ok ? "True" : "False";
  let prev: PodCondition | undefined;
  if (old) {
    for (const c of old) {
      if (c.type === type) {
        prev = c;
        break;
      }
    }
  }
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : toTimestamp(now);
  const cond: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (!ok) {
    if (reason) cond.reason = reason;
    if (message !== undefined) cond.message = message;
  }
  return cond;
}

/** `[a b]`: the names of the containers not done, for condition messages. */
function namesWhere(records: ContainerRecord[], pick: (c: ContainerRecord) => boolean): string {
  let out = "";
  for (const c of records) if (pick(c)) out += out ? ` ${c.name}` : c.name;
  return `[${out}]`;
}

const notCompleted = (c: ContainerRecord) => c.state.terminated?.exitCode !== 0;
const notReady = (c: ContainerRecord) => !c.ready;

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
  const incomplete = initialized ? undefined : `containers with incomplete status: ${namesWhere(v.init, notCompleted)}`;
  const ready = containersReady && initialized;
  const readyReason = initialized ? "ContainersNotReady" : "ContainersNotInitialized";
  const readyMessage = ready ? undefined : (incomplete ?? `containers with unready status: ${namesWhere(v.containers, notReady)}`);
  const conditions: PodCondition[] = [
    condition("PodReadyToStartContainers", v.sandboxReady, old, now),
    condition("Initialized", initialized, old, now, "ContainersNotInitialized", incomplete),
    condition("Ready", ready, old, now, readyReason, readyMessage),
    condition("ContainersReady", ready, old, now, readyReason, readyMessage),
    condition("PodScheduled", true, old, now),
  ];
  const hostIPs = [{ ip: v.hostIP }];
  // Keys in the order the API has always seen them; a started pod without init containers in one literal.
  if (v.podIP && v.startTime !== undefined && !v.init.length) {
    return { phase, conditions, hostIP: v.hostIP, hostIPs, podIP: v.podIP, podIPs: [{ ip: v.podIP }], startTime: v.startTime, qosClass: v.pod.status?.qosClass, containerStatuses: toStatuses(v.containers) };
  }
  const status: PodStatus = { phase, conditions, hostIP: v.hostIP, hostIPs };
  if (v.podIP) {
    status.podIP = v.podIP;
    status.podIPs = [{ ip: v.podIP }];
  }
  if (v.startTime !== undefined) status.startTime = v.startTime;
  status.qosClass = v.pod.status?.qosClass;
  if (v.init.length) status.initContainerStatuses = toStatuses(v.init);
  status.containerStatuses = toStatuses(v.containers);
  return status;
}
