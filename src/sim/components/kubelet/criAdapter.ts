import type { Container, Probe } from "../../api/types";
import { parseBytes } from "../../api";
import { runProbe, type ContainerRuntime } from "../runtime";
import type { ContainerExit, CriRuntime, ProbeOutcome, PodRef, PullResult } from "./cri";

/** Binds the kubelet's CRI needs to the simulated containerd. */
export class CriAdapter implements CriRuntime {
  private readonly sandboxes = new Map<string, string>();
  private readonly exitHandlers = new Map<string, (exit: ContainerExit) => void>();

  constructor(
    readonly runtime: ContainerRuntime,
    private readonly now: () => number,
  ) {
    runtime.onContainerExit((c) => {
      const h = this.exitHandlers.get(c.id);
      if (h) h({ exitCode: c.exitCode ?? 0, reason: c.reason ?? (c.exitCode ? "Error" : "Completed"), message: c.message });
    });
  }

  ensureImage(image: string, pullPolicy: Container["imagePullPolicy"], pod: PodRef, onPulling: () => void, cb: (r: PullResult) => void): void {
    const ctx = pod; // what the runtime's trace entries name
    const rt = this.runtime;
    rt.imageStatus(
      image,
      (info) => {
        if (info && pullPolicy !== "Always") {
          cb({ ok: true, alreadyPresent: true, sizeBytes: info.sizeBytes, pullMs: 0, waitingMs: 0, imageRef: info.repoDigests[0] ?? info.id, imageName: info.repoTags[0] ?? image });
          return;
        }
        if (pullPolicy === "Never") {
          cb({ ok: false, reason: "ErrImageNeverPull", message: `Container image "${image}" is not present with pull policy of Never` });
          return;
        }
        onPulling();
        const started = this.now();
        rt.pullImage(
          image,
          (r) => {
            if (!r.ok) {
              cb({ ok: false, reason: r.reason, message: r.error });
              return;
            }
            cb({ ok: true, alreadyPresent: false, sizeBytes: r.image.sizeBytes, pullMs: r.pullMs, waitingMs: this.now() - started, imageRef: r.image.repoDigest, imageName: r.image.canonical });
          },
          ctx,
        );
      },
      ctx,
    );
  }

  runPodSandbox(pod: PodRef, podIP: string, cb: (ok: boolean, error?: string) => void): void {
    this.runtime.runPodSandbox({ podName: pod.name, namespace: pod.namespace, podUid: pod.uid, podIP }, (r) => {
      if (r.ok) this.sandboxes.set(pod.uid, r.sandboxId);
      cb(r.ok, r.ok ? undefined : r.error);
    });
  }

  startContainer(pod: PodRef, c: Container, attempt: number, onExit: (exit: ContainerExit) => void, cb: (r: { ok: true; containerID: string } | { ok: false; error: string }) => void): void {
    const sandboxId = this.sandboxes.get(pod.uid);
    if (!sandboxId) {
      cb({ ok: false, error: "sandbox not found" });
      return;
    }
    const env: Record<string, string> = {};
    for (const e of c.env ?? []) env[e.name] = e.value ?? "";
    const mem = c.resources?.limits?.memory;
    this.runtime.createContainer(sandboxId, { name: c.name, image: c.image, command: c.command, args: c.args, env, memoryLimitBytes: mem ? parseBytes(mem) : undefined, ports: (c.ports ?? []).map((p) => p.containerPort), attempt }, (created) => {
      if (!created.ok) {
        cb({ ok: false, error: created.error });
        return;
      }
      this.exitHandlers.set(created.containerId, onExit);
      this.runtime.startContainer(created.containerId, (started) => {
        if (!started.ok) cb({ ok: false, error: started.error });
        else cb({ ok: true, containerID: `containerd://${created.containerId}` });
      });
    });
  }

  stopContainer(containerID: string, graceSeconds: number, cb: (exit: ContainerExit) => void): void {
    const id = stripScheme(containerID);
    this.exitHandlers.delete(id);
    this.runtime.stopContainer(id, graceSeconds, () => {
      const info = this.runtime.container(id);
      cb({ exitCode: info?.exitCode ?? 137, reason: info?.reason ?? "Error" });
    });
  }

  removePodSandbox(podUid: string): void {
    const id = this.sandboxes.get(podUid);
    if (!id) return;
    this.sandboxes.delete(podUid);
    this.runtime.stopPodSandbox(id, () => this.runtime.removePodSandbox(id, () => {}));
  }

  probe(containerID: string, c: Container, kind: "liveness" | "readiness" | "startup", podIP: string, cb: (r: ProbeOutcome) => void): void {
    const probe: Probe | undefined = kind === "liveness" ? c.livenessProbe : kind === "readiness" ? c.readinessProbe : c.startupProbe;
    if (!probe) return cb({ success: true, message: "" });
    const id = stripScheme(containerID);
    const type = kind === "liveness" ? "Liveness" : kind === "readiness" ? "Readiness" : "Startup";
    runProbe(type, probe, { podIP, container: c, process: this.runtime.process(id) }, (cmd, timeout, done) => this.runtime.execSync(id, cmd, timeout, done), (r) => cb({ success: r.success, message: r.message ?? "" }));
  }

  powerOff(): void {
    this.runtime.powerOff();
    this.sandboxes.clear();
    this.exitHandlers.clear();
  }

  powerOn(): void {
    this.runtime.powerOn();
  }
}

function stripScheme(id: string): string {
  return id.replace(/^containerd:\/\//, "");
}
