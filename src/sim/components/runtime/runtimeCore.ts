/**
 * The part of a node's container runtime (containerd 2.x) that is not about containers: the CRI
 * message plumbing, images, pod sandboxes, local reads and power. ContainerRuntime adds the
 * container calls on top.
 */
import type { ComponentId, Kernel, TraceInput } from "../../runtime";
import type { ContainerConfig, ContainerInfo, ImageInfo, PullResult, SandboxConfig, SandboxInfo, SandboxResult } from "./criTypes";
import { parseImageReference } from "./imageReference";
import { ImageStore } from "./imageStore";
import type { LogLine, Process } from "./process";
import type { Registry } from "./registry";
import { containerRuntimeId } from "../../clusterPlan";

const HEX_DIGITS = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
/** The character codes of the id being made (one at a time). */
const idCodes: number[] = new Array<number>(64).fill(0);

export const CONTAINERD_VERSION = "containerd://2.1.4";
export const PAUSE_IMAGE = "registry.k8s.io/pause:3.10.1";

export interface RuntimeTimings {
  /** One way over the CRI socket. */
  criLatencyMs: number;
  /** Unpacking pulled layers, bytes per virtual ms. */
  unpackBytesPerMs: number;
  /** RunPodSandbox: network namespace, CNI, pause container. */
  sandboxMs: number;
  createMs: number;
  startMs: number;
  /** From the container's exit to StopContainer's reply. */
  stopMs: number;
  removeMs: number;
  execMs: number;
}

export const DEFAULT_RUNTIME_TIMINGS: RuntimeTimings = { criLatencyMs: 1, unpackBytesPerMs: 150_000, sandboxMs: 300, createMs: 40, startMs: 80, stopMs: 10, removeMs: 15, execMs: 10 };

export interface RuntimeOptions {
  kernel: Kernel;
  node: string;
  registry: Registry;
  /** CPUs of the node (nginx starts one worker per CPU). */
  cpus?: number;
  timings?: Partial<RuntimeTimings>;
  /** Images already on the node (kubeadm pre-pulls the control plane's). */
  preloadImages?: readonly string[];
  /** Process timers (sleeps inside containers) do not keep the cluster busy; default true. */
  processTimersBackground?: boolean;
}

export interface ContainerRecord {
  info: ContainerInfo;
  config: ContainerConfig;
  process?: Process;
  killTimer?: { cancel(): void };
  /** StopContainer calls waiting for the exit (made by the first). */
  stopWaiters?: (() => void)[];
}

export type Ctx = { namespace?: string; name?: string };

/** What builds a CRI message's trace entry (made only while the trace is recorded). */
function criTrace(from: ComponentId, to: ComponentId, verb: string, ctx: Ctx, text: () => [string, string]): () => TraceInput {
  return () => {
    const [summary, narration] = text();
    return { from, to, kind: "cri", verb, summary, narration, ...(ctx.name ? { resource: "pods", namespace: ctx.namespace, name: ctx.name } : {}) };
  };
}

export abstract class RuntimeCore {
  readonly id: ComponentId;
  readonly kubeletId: ComponentId;
  readonly version = CONTAINERD_VERSION;
  readonly timings: RuntimeTimings;
  protected readonly kernel: Kernel;
  protected readonly store: ImageStore;
  protected readonly sandboxes = new Map<string, SandboxInfo>();
  protected readonly records = new Map<string, ContainerRecord>();
  protected readonly exitListeners = new Set<(c: ContainerInfo) => void>();
  protected readonly cpus: number;
  protected readonly background: boolean;
  protected powered = true;
  protected epoch = 0;
  private silent = false;
  /** The clock processes run on (one per runtime, shared by its containers). */
  protected readonly scheduler: { now(): number; after(ms: number, fn: () => void): { cancel(): void } };

  constructor(opts: RuntimeOptions) {
    this.kernel = opts.kernel;
    this.id = containerRuntimeId(opts.node);
    this.kubeletId = `kubelet@${opts.node}`;
    this.timings = { ...DEFAULT_RUNTIME_TIMINGS, ...opts.timings };
    this.cpus = opts.cpus ?? 4;
    this.background = opts.processTimersBackground ?? true;
    const kernel = opts.kernel;
    const background = this.background;
    this.scheduler = { now: () => kernel.now, after: (ms, fn) => kernel.after(ms, fn, { background }) };
    this.store = new ImageStore(opts.kernel, opts.registry, this.id, this.timings.unpackBytesPerMs);
    for (const image of opts.preloadImages ?? []) this.store.preload(image, image === PAUSE_IMAGE);
  }

  // ---- the CRI plumbing: request message, work, reply message ----

  protected call<T>(verb: string, ctx: Ctx, ask: () => [string, string], work: (reply: (result: T, tell: () => [string, string]) => void) => void, cb: (r: T) => void): void {
    const k = this.kernel;
    const epoch = this.epoch;
    // No trace entries to build when nobody records the trace.
    k.send(this.timings.criLatencyMs, k.trace.active ? criTrace(this.kubeletId, this.id, verb, ctx, ask) : null, () => {
      if (!this.powered || epoch !== this.epoch) return;
      work((result, tell) => {
        if (epoch !== this.epoch) return;
        k.sendTo(this.timings.criLatencyMs, k.trace.active ? criTrace(this.id, this.kubeletId, verb, ctx, tell) : null, cb, result);
      });
    });
  }

  protected later(ms: number, epoch: number, fn: () => void): void {
    this.kernel.after(ms, () => {
      if (epoch === this.epoch) fn();
    });
  }

  /** Trace context and display name for a container id. */
  protected about(containerId: string): { ctx: Ctx; name: string; rec: ContainerRecord | undefined } {
    const rec = this.records.get(containerId);
    return { ctx: rec ? { namespace: rec.info.namespace, name: rec.info.podName } : {}, name: rec?.info.name ?? containerId.slice(0, 13), rec };
  }

  /**
   * 64 hex digits from eight draws, made as one flat string: pieces concatenated make a rope,
   * which every map that takes the id as a key would first have to copy flat.
   */
  protected newId(): string {
    const r = this.kernel.rng;
    for (let i = 0; i < 64; i += 8) {
      const n = r.uint32();
      for (let j = 0; j < 8; j++) idCodes[i + j] = HEX_DIGITS[(n >>> (28 - 4 * j)) & 15];
    }
    return String.fromCharCode.apply(null, idCodes);
  }

  // ---- images ----

  /** CRI PullImage. Always asks the registry; downloads the layers unless already on the node. */
  pullImage(image: string, cb: (r: PullResult) => void, ctx: Ctx = {}): void {
    this.call<PullResult>(
      "PullImage",
      ctx,
      () => [`PullImage ${image}`, `The kubelet asks containerd on ${this.node} to pull ${image}.`],
      (reply) => {
        const parsed = parseImageReference(image);
        if (!parsed.ok) {
          reply({ ok: false, error: parsed.error, reason: "InvalidImageName" }, () => [`PullImage ${image}: invalid`, `containerd cannot parse the image reference ${image}.`]);
          return;
        }
        const t0 = this.kernel.now;
        this.store.pull(parsed.ref, true, false, (r) => {
          if (r.ok) {
            const pullMs = this.kernel.now - t0;
            reply({ ok: true, imageRef: r.info.id, image: r.info.image, pullMs }, () => [`PullImage ${image}: done`, `containerd on ${this.node} has ${image} (${r.info.image.sizeBytes} bytes) ready.`]);
          } else {
            reply({ ok: false, error: r.error, reason: "ErrImagePull" }, () => [`PullImage ${image}: failed`, `containerd on ${this.node} could not pull ${image}.`]);
          }
        });
      },
      cb,
    );
  }

  /** CRI ImageStatus: the image if it is on the node. */
  imageStatus(image: string, cb: (info: ImageInfo | undefined) => void, ctx: Ctx = {}): void {
    this.call<ImageInfo | undefined>(
      "ImageStatus",
      ctx,
      () => [`ImageStatus ${image}`, `The kubelet asks containerd whether ${image} is already on ${this.node}.`],
      (reply) => {
        const info = this.localImage(image);
        reply(info, () => [`ImageStatus ${image}: ${info ? "present" : "absent"}`, info ? `${image} is already on ${this.node}.` : `${image} is not on ${this.node} yet.`]);
      },
      cb,
    );
  }

  protected localImage(image: string): ImageInfo | undefined {
    const parsed = parseImageReference(image);
    return parsed.ok ? this.store.get(parsed.ref.canonical) : undefined;
  }

  /** Local read (no message): is the image on the node? */
  hasImage(image: string): boolean {
    return this.localImage(image) !== undefined;
  }

  /** Local read: images on the node (the scheduler's ImageLocality, inspectors). */
  images(): ImageInfo[] {
    return this.store.list();
  }

  /** Node.status.images as the kubelet reports them: largest first, at most 50 (nodeStatusMaxImages). */
  statusImages(): { names: string[]; sizeBytes: number }[] {
    return this.store
      .list()
      .sort((a, b) => b.sizeBytes - a.sizeBytes)
      .slice(0, 50)
      .map((i) => ({ names: [...i.repoDigests, ...i.repoTags], sizeBytes: i.sizeBytes }));
  }

  protected get node(): string {
    return this.id.slice("container-runtime@".length);
  }

  // ---- sandboxes ----

  /** CRI RunPodSandbox: pulls the pause image if needed (pinned), sets up the network, starts pause. */
  runPodSandbox(config: SandboxConfig, cb: (r: SandboxResult) => void): void {
    const ctx = { namespace: config.namespace, name: config.podName };
    const pod = `${config.namespace}/${config.podName}`;
    this.call<SandboxResult>(
      "RunPodSandbox",
      ctx,
      () => [`RunPodSandbox ${pod}`, `The kubelet asks containerd to create the sandbox of ${pod}: its network namespace and pause container, IP ${config.podIP}.`],
      (reply) => {
        const epoch = this.epoch;
        const parsed = parseImageReference(PAUSE_IMAGE);
        if (!parsed.ok) throw new Error(parsed.error);
        this.store.pull(parsed.ref, false, true, (r) => {
          if (!r.ok) {
            const error = `failed to get sandbox image "${PAUSE_IMAGE}": failed to pull image "${PAUSE_IMAGE}": ${r.error}`;
            reply({ ok: false, error }, () => [`RunPodSandbox ${pod}: failed`, `containerd could not get the pause image for ${pod}.`]);
            return;
          }
          this.later(this.timings.sandboxMs, epoch, () => {
            const id = this.newId();
            this.sandboxes.set(id, { id, config, state: "ready", createdAt: this.kernel.now });
            reply({ ok: true, sandboxId: id }, () => [`RunPodSandbox ${pod}: ready`, `The sandbox of ${pod} is up with IP ${config.podIP}.`]);
          });
        });
      },
      cb,
    );
  }

  /** CRI StopPodSandbox: kills what still runs in it and tears down its network. */
  stopPodSandbox(sandboxId: string, cb: (ok: boolean) => void): void {
    const sb = this.sandboxes.get(sandboxId);
    const ctx = sb ? { namespace: sb.config.namespace, name: sb.config.podName } : {};
    this.call<boolean>(
      "StopPodSandbox",
      ctx,
      () => [`StopPodSandbox ${sb ? sb.config.podName : sandboxId.slice(0, 13)}`, "The kubelet asks containerd to stop the pod's sandbox."],
      (reply) => {
        const s = this.sandboxes.get(sandboxId);
        if (s) {
          s.state = "notready";
          for (const rec of this.records.values()) if (rec.info.sandboxId === sandboxId) rec.process?.signal("SIGKILL");
        }
        reply(s !== undefined, () => [`StopPodSandbox: ${s ? "stopped" : "not found"}`, s ? "The sandbox is stopped and its IP released." : "There is no such sandbox."]);
      },
      cb,
    );
  }

  /** CRI RemovePodSandbox: removes it and every container in it. */
  removePodSandbox(sandboxId: string, cb: (ok: boolean) => void): void {
    const sb = this.sandboxes.get(sandboxId);
    const ctx = sb ? { namespace: sb.config.namespace, name: sb.config.podName } : {};
    this.call<boolean>(
      "RemovePodSandbox",
      ctx,
      () => [`RemovePodSandbox ${sb ? sb.config.podName : sandboxId.slice(0, 13)}`, "The kubelet asks containerd to remove the pod's sandbox and its containers."],
      (reply) => {
        const existed = this.sandboxes.delete(sandboxId);
        for (const [id, rec] of this.records) {
          if (rec.info.sandboxId !== sandboxId) continue;
          this.quietly(() => rec.process?.signal("SIGKILL"));
          this.records.delete(id);
        }
        reply(existed, () => [`RemovePodSandbox: ${existed ? "removed" : "not found"}`, existed ? "The sandbox and its containers are gone." : "There is no such sandbox."]);
      },
      cb,
    );
  }

  /** Local read: one sandbox. */
  sandbox(id: string): SandboxInfo | undefined {
    return this.sandboxes.get(id);
  }

  /** Local read: the ready sandbox that owns `podIP` on this node (the data path delivers packets to it). */
  sandboxByIP(podIP: string): SandboxInfo | undefined {
    for (const s of this.sandboxes.values()) if (s.state === "ready" && s.config.podIP === podIP) return s;
    return undefined;
  }

  /**
   * A container process's exit callback, made apart from the CRI call that starts the process:
   * the process keeps it as long as it runs, and a closure made inside the call would keep the
   * call's whole chain of scopes and callbacks alive with it.
   */
  protected exitHandler(rec: ContainerRecord): (code: number, reason: ContainerInfo["reason"]) => void {
    return (code, reason) => this.exited(rec, code, reason);
  }

  protected exited(rec: ContainerRecord, code: number, reason: ContainerInfo["reason"]): void {
    Object.assign(rec.info, { state: "exited", exitCode: code, reason, finishedAt: this.kernel.now });
    rec.killTimer?.cancel();
    rec.killTimer = undefined;
    const waiters = rec.stopWaiters;
    rec.stopWaiters = undefined;
    if (waiters) for (const w of waiters) w();
    if (this.silent) return;
    for (const l of this.exitListeners) l({ ...rec.info });
  }

  protected quietly(fn: () => void): void {
    this.silent = true;
    try {
      fn();
    } finally {
      this.silent = false;
    }
  }


  // ---- local reads (no message): status building, logs, probes, inspectors ----

  container(id: string): ContainerInfo | undefined {
    const rec = this.records.get(id);
    return rec ? { ...rec.info } : undefined;
  }

  /** Containers of one pod (by uid), oldest first. */
  containersOf(podUid: string): ContainerInfo[] {
    const out: ContainerInfo[] = [];
    for (const rec of this.records.values()) if (rec.info.podUid === podUid) out.push({ ...rec.info });
    return out;
  }

  /** The running process, for httpGet/tcpSocket probes and the data path. */
  process(id: string): Process | undefined {
    return this.records.get(id)?.process;
  }

  /** What `kubectl logs` shows (the kubelet reads the container's log file). */
  logs(id: string): LogLine[] {
    return this.records.get(id)?.process?.logs() ?? [];
  }

  /** Listens for container exits (crash, completion, OOM, stop); returns an unsubscribe. */
  onContainerExit(listener: (c: ContainerInfo) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  // ---- faults ----

  /** The process dies as if it crashed (fault `pod-crash`). */
  crashContainer(id: string, exitCode = 1): boolean {
    const proc = this.records.get(id)?.process;
    if (!proc || !proc.running) return false;
    proc.crash(exitCode);
    return true;
  }

  /** The machine loses power: every process and sandbox is gone; images stay on disk. */
  powerOff(): void {
    this.powered = false;
    this.epoch++;
    this.store.abandonPulls();
    this.quietly(() => {
      for (const rec of this.records.values()) rec.process?.signal("SIGKILL");
    });
    this.records.clear();
    this.sandboxes.clear();
  }

  powerOn(): void {
    this.powered = true;
  }

  get running(): boolean {
    return this.powered;
  }
}
