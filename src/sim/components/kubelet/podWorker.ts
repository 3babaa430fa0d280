import type { Container, Pod, Probe } from "../../api/types";
import type { Profile } from "../../profiles";
import { toTimestamp } from "../../runtime/virtualTime";
import type { CriRuntime, ContainerExit, PodRef } from "./cri";
import { alreadyPresentMessage, backOffPullingMessage, failedToPullMessage, imagePullBackOffWaitingMessage, pulledMessage, pullingMessage } from "../runtime";
import { computePodStatus, type ContainerRecord, type PodRecordView } from "./podStatus";

/** What a pod worker needs from its kubelet. */
export interface KubeletContext {
  readonly profile: Profile;
  readonly hostIP: string;
  readonly runtime: CriRuntime;
  now(): number;
  /** Runs `fn` after `ms` unless the kubelet stopped in between. */
  after(ms: number, fn: () => void, background?: boolean): void;
  event(pod: Pod, type: "Normal" | "Warning", reason: string, message: string, fieldPath?: string): void;
  allocateIP(): string;
  releaseIP(ip: string): void;
  statusChanged(worker: PodWorker): void;
  /** The final delete (grace 0) once every container is gone. */
  finishDeletion(pod: Pod): void;
}

interface Backoff {
  durationMs: number;
  lastUpdate: number;
}

function fresh(c: Container, waitingReason: string): ContainerRecord {
  // containerID is set once the container runs: in the literal, so the record keeps its shape.
  return { name: c.name, image: c.image, imageID: "", containerID: undefined, state: { waiting: { reason: waitingReason } }, lastState: {}, restartCount: 0, ready: false, started: false, runningSince: 0 };
}

/**
 * One pod on one node: sandbox, init containers in order, then the app containers; restarts
 * with back-off, probes, graceful termination. Everything it learns goes to the status manager.
 */
export class PodWorker {
  pod: Pod;
  podIP?: string;
  /** Formatted once: every status the pod reports carries it. */
  private startTime?: string;
  sandboxReady = false;
  readonly init: ContainerRecord[];
  readonly containers: ContainerRecord[];
  // Made on first use: most pods never back off nor probe.
  private backoffs: Map<string, Backoff> | undefined;
  private terminating = false;
  private done = false;
  private probeFailures: Map<string, number> | undefined;
  /** The pod as CRI calls name it (the same for every version of the pod). */
  private readonly podRef: PodRef;

  constructor(pod: Pod, private readonly k: KubeletContext) {
    this.pod = pod;
    this.podRef = { uid: pod.metadata.uid!, name: pod.metadata.name!, namespace: pod.metadata.namespace! };
    const prev = pod.status?.containerStatuses;
    this.init = (pod.spec.initContainers ?? []).map((c) => fresh(c, "PodInitializing"));
    this.containers = pod.spec.containers.map((c) => {
      const rec = fresh(c, this.init.length ? "PodInitializing" : "ContainerCreating");
      rec.restartCount = prev?.find((s) => s.name === c.name)?.restartCount ?? 0;
      return rec;
    });
  }

  view(): PodRecordView {
    return { pod: this.pod, podIP: this.podIP, hostIP: this.k.hostIP, startTime: this.startTime, init: this.init, containers: this.containers, sandboxReady: this.sandboxReady };
  }

  status() {
    return computePodStatus(this.view(), this.k.now());
  }

  /** First sync: an IP for the pod, its sandbox, then the containers. */
  start(): void {
    this.startTime = toTimestamp(this.k.now());
    this.k.statusChanged(this);
    const ip = this.pod.spec.hostNetwork ? this.k.hostIP : this.k.allocateIP();
    this.k.runtime.runPodSandbox(this.podRef, ip, (ok, error) => {
      if (this.terminating) return;
      if (!ok) {
        this.k.event(this.pod, "Warning", "FailedCreatePodSandBox", `Failed to create pod sandbox: ${error ?? "unknown error"}`);
        this.k.after(this.k.profile.kubelet.backoffInitialMs, () => this.start());
        return;
      }
      this.podIP = ip;
      this.sandboxReady = true;
      this.k.statusChanged(this);
      this.runNextInit();
    });
  }

  update(pod: Pod): void {
    this.pod = pod;
    if (pod.metadata.deletionTimestamp && !this.terminating) this.terminate();
  }

  private runNextInit(): void {
    const idx = this.init.findIndex((c) => c.state.terminated?.exitCode !== 0);
    if (idx === -1) {
      this.pod.spec.containers.forEach((c, i) => this.startContainer(c, this.containers[i], false));
      return;
    }
    this.startContainer(this.pod.spec.initContainers![idx], this.init[idx], true);
  }

  private startContainer(spec: Container, rec: ContainerRecord, isInit: boolean): void {
    if (this.terminating) return;
    // Events name the pod through this.pod, never a captured version: the exit callback below
    // lives as long as the container, and would keep that whole pod object alive with it.
    const fieldPath = `spec.${isInit ? "initContainers" : "containers"}{${spec.name}}`;
    // Restarting, the dead container's terminated state (STATUS `Error`) is what the kubelet reports until the new one runs.
    if (!rec.state.terminated) rec.state = { waiting: { reason: isInit ? "PodInitializing" : "ContainerCreating" } };
    this.k.runtime.ensureImage(spec.image, spec.imagePullPolicy, this.podRef, () => this.k.event(this.pod, "Normal", "Pulling", pullingMessage(spec.image), fieldPath), (r) => {
      if (this.terminating) return;
      if (!r.ok) {
        this.pullFailed(spec, rec, isInit, fieldPath, r.reason, r.message);
        return;
      }
      if (r.alreadyPresent) this.k.event(this.pod, "Normal", "Pulled", alreadyPresentMessage(spec.image), fieldPath);
      else this.k.event(this.pod, "Normal", "Pulled", pulledMessage(spec.image, r.pullMs, r.waitingMs, r.sizeBytes), fieldPath);
      rec.image = r.imageName;
      rec.imageID = r.imageRef;
      // A process can die before the start reply reaches the kubelet (`sh -c "exit 1"`): PLEG reports that exit once the container is known to have started.
      let replied = false;
      let earlyExit: ContainerExit | undefined;
      const exited = (exit: ContainerExit) => (replied ? this.onExit(spec, rec, isInit, exit) : (earlyExit = exit));
      this.k.runtime.startContainer(this.podRef, spec, rec.restartCount, exited, (res) => {
        replied = true;
        if (this.terminating) return;
        if (!res.ok) {
          rec.state = { waiting: { reason: "CreateContainerError", message: res.error } };
          this.k.event(this.pod, "Warning", "Failed", `Error: ${res.error}`, fieldPath);
          this.k.statusChanged(this);
          this.k.after(this.nextBackoff(`crash/${spec.name}`), () => this.startContainer(spec, rec, isInit));
          return;
        }
        rec.containerID = res.containerID;
        this.k.event(this.pod, "Normal", "Created", `Created container: ${spec.name}`, fieldPath);
        this.k.event(this.pod, "Normal", "Started", `Started container ${spec.name}`, fieldPath);
        rec.state = { running: { startedAt: toTimestamp(this.k.now()) } };
        rec.runningSince = this.k.now();
        rec.started = true;
        rec.ready = !isInit && !spec.readinessProbe;
        this.k.statusChanged(this);
        if (!isInit) this.startProbes(spec, rec);
        if (earlyExit) this.onExit(spec, rec, isInit, earlyExit);
      });
    });
  }

  // Apart from startContainer: the exit callback of a running container keeps that function's
  // closure scope alive, which must not hold the pull result.
  private pullFailed(spec: Container, rec: ContainerRecord, isInit: boolean, fieldPath: string, reason: string, message: string): void {
    rec.state = { waiting: { reason, message } };
    this.k.event(this.pod, "Warning", "Failed", failedToPullMessage(spec.image, message), fieldPath);
    this.k.event(this.pod, "Warning", "Failed", `Error: ${reason}`, fieldPath);
    this.k.statusChanged(this);
    const wait = this.nextBackoff(`pull/${spec.name}`);
    this.k.after(Math.min(wait, 1000), () => {
      if (this.terminating) return;
      rec.state = { waiting: { reason: "ImagePullBackOff", message: imagePullBackOffWaitingMessage(spec.image, message) } };
      this.k.event(this.pod, "Normal", "BackOff", backOffPullingMessage(spec.image), fieldPath);
      this.k.event(this.pod, "Warning", "Failed", "Error: ImagePullBackOff", fieldPath);
      this.k.statusChanged(this);
    });
    this.k.after(wait, () => this.startContainer(spec, rec, isInit));
  }

  private onExit(spec: Container, rec: ContainerRecord, isInit: boolean, exit: ContainerExit, killedByProbe = false): void {
    if (this.terminating || (!rec.state.running && !killedByProbe)) return;
    const startedAt = rec.state.running?.startedAt;
    // A container that ran long enough has earned a fresh back-off.
    if (this.k.now() - rec.runningSince >= this.k.profile.kubelet.backoffResetMs) this.backoffs?.delete(`crash/${spec.name}`);
    rec.state = { terminated: { exitCode: exit.exitCode, reason: exit.reason, ...(exit.message ? { message: exit.message } : {}), startedAt, finishedAt: toTimestamp(this.k.now()), containerID: rec.containerID } };
    rec.ready = false;
    rec.started = false;
    this.k.statusChanged(this);
    const policy = this.pod.spec.restartPolicy ?? "Always";
    const restart = policy === "Always" || (policy === "OnFailure" && exit.exitCode !== 0) || (isInit && exit.exitCode !== 0 && policy !== "Never");
    if (isInit && exit.exitCode === 0) {
      this.runNextInit();
      return;
    }
    if (!restart) return;
    const key = `crash/${spec.name}`;
    const b = this.backoffs?.get(key);
    const now = this.k.now();
    if (b && now - b.lastUpdate < b.durationMs) {
      const waitMs = b.lastUpdate + b.durationMs - now;
      const podRef = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.pod.metadata.uid})`;
      const terminated = rec.state.terminated!;
      // The exit is reported first (STATUS `Error`); the next sync finds the container in back-off.
      this.k.after(Math.min(waitMs, 1000), () => {
        if (this.terminating || rec.state.terminated !== terminated) return;
        rec.lastState = { terminated };
        rec.state = { waiting: { reason: "CrashLoopBackOff", message: `back-off ${Math.round(b.durationMs / 1000)}s restarting failed container=${spec.name} pod=${podRef}` } };
        this.k.event(this.pod, "Warning", "BackOff", `Back-off restarting failed container ${spec.name} in pod ${podRef}`, `spec.containers{${spec.name}}`);
        this.k.statusChanged(this);
      });
      this.k.after(waitMs, () => this.restart(spec, rec, isInit));
      return;
    }
    this.restart(spec, rec, isInit);
  }

  private restart(spec: Container, rec: ContainerRecord, isInit: boolean): void {
    if (this.terminating) return;
    this.nextBackoff(`crash/${spec.name}`);
    if (rec.state.terminated) rec.lastState = { terminated: rec.state.terminated };
    rec.restartCount++;
    this.startContainer(spec, rec, isInit);
  }

  /** client-go flowcontrol.Backoff: 10 s initial, doubling to the cap, per container. */
  private nextBackoff(key: string): number {
    const p = this.k.profile.kubelet;
    const now = this.k.now();
    const b = this.backoffs?.get(key);
    const durationMs = !b || now - b.lastUpdate > 2 * p.backoffMaxMs ? p.backoffInitialMs : Math.min(b.durationMs * 2, p.backoffMaxMs);
    (this.backoffs ??= new Map()).set(key, { durationMs, lastUpdate: now });
    return durationMs;
  }

  private startProbes(spec: Container, rec: ContainerRecord): void {
    const id = rec.containerID;
    const run = (kind: "liveness" | "readiness", probe: Probe) => {
      const period = (probe.periodSeconds ?? 10) * 1000;
      const tick = () => {
        if (this.terminating || rec.containerID !== id || !rec.state.running) return;
        this.k.runtime.probe(id!, spec, kind, this.podIP ?? "", (r) => {
          if (this.terminating || rec.containerID !== id || !rec.state.running) return;
          const fkey = `${kind}/${spec.name}`;
          if (r.success) {
            (this.probeFailures ??= new Map()).set(fkey, 0);
            if (kind === "readiness" && !rec.ready) {
              rec.ready = true;
              this.k.statusChanged(this);
            }
          } else {
            const n = (this.probeFailures?.get(fkey) ?? 0) + 1;
            (this.probeFailures ??= new Map()).set(fkey, n);
            this.k.event(this.pod, "Warning", "Unhealthy", r.message, `spec.containers{${spec.name}}`);
            if (n >= (probe.failureThreshold ?? 3)) {
              if (kind === "readiness" && rec.ready) {
                rec.ready = false;
                this.k.statusChanged(this);
              }
              if (kind === "liveness") {
                this.probeFailures.set(fkey, 0);
                this.k.event(this.pod, "Normal", "Killing", `Container ${spec.name} failed liveness probe, will be restarted`, `spec.containers{${spec.name}}`);
                this.k.runtime.stopContainer(id!, this.pod.spec.terminationGracePeriodSeconds ?? 30, (exit) => this.onExit(spec, rec, false, exit, true));
                return;
              }
            }
          }
          this.k.after(period, tick, true);
        });
      };
      this.k.after((probe.initialDelaySeconds ?? 0) * 1000, tick, true);
    };
    if (spec.readinessProbe) run("readiness", spec.readinessProbe);
    if (spec.livenessProbe) run("liveness", spec.livenessProbe);
  }

  /** Graceful termination: SIGTERM every container, wait, then tell kube-apiserver it is gone. */
  terminate(): void {
    if (this.terminating) return;
    this.terminating = true;
    const graceSeconds = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    const running = [...this.init, ...this.containers].filter((c) => c.state.running && c.containerID);
    let left = running.length;
    const finish = () => {
      if (this.done) return;
      this.done = true;
      this.k.runtime.removePodSandbox(this.pod.metadata.uid!);
      if (this.podIP && !this.pod.spec.hostNetwork) this.k.releaseIP(this.podIP);
      this.k.finishDeletion(this.pod);
    };
    if (!left) {
      finish();
      return;
    }
    for (const c of running) {
      this.k.event(this.pod, "Normal", "Killing", `Stopping container ${c.name}`, `spec.containers{${c.name}}`);
      this.k.runtime.stopContainer(c.containerID!, graceSeconds, (exit) => {
        c.state = { terminated: { exitCode: exit.exitCode, reason: exit.reason, startedAt: c.state.running?.startedAt, finishedAt: toTimestamp(this.k.now()), containerID: c.containerID } };
        c.ready = false;
        if (--left === 0) {
          this.k.statusChanged(this);
          finish();
        }
      });
    }
  }

  /** The node lost power: containers are gone without a trace. */
  get isDone(): boolean {
    return this.done;
  }
}
