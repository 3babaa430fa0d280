import type { Container } from "../../api/types";

/** The result of the kubelet's image step (ImageStatus, then PullImage if needed). */
export type PullResult =
  | { ok: true; alreadyPresent: boolean; sizeBytes: number; pullMs: number; waitingMs: number; imageRef: string; imageName: string }
  | { ok: false; reason: "ErrImagePull" | "InvalidImageName" | "ErrImageNeverPull"; message: string };

export interface ContainerExit {
  exitCode: number;
  /** Completed, Error, OOMKilled … as the runtime reports it. */
  reason: string;
  message?: string;
}

export interface ProbeOutcome {
  success: boolean;
  /** The `Unhealthy` event message: `Readiness probe failed: HTTP probe failed with statuscode: 404`. */
  message: string;
}

/**
 * What the kubelet needs from its container runtime (a CRI subset). Every call is a message
 * between kubelet@node and container-runtime@node; results arrive through callbacks.
 */
export interface CriRuntime {
  /** ImageStatus, then PullImage when the policy requires it; `onPulling` fires when a pull starts. */
  ensureImage(image: string, pullPolicy: Container["imagePullPolicy"], ctx: PodRef, onPulling: () => void, cb: (r: PullResult) => void): void;
  runPodSandbox(pod: PodRef, podIP: string, cb: (ok: boolean, error?: string) => void): void;
  /** CreateContainer + StartContainer; `onExit` fires whenever its process ends on its own. */
  startContainer(pod: PodRef, container: Container, attempt: number, onExit: (exit: ContainerExit) => void, cb: (r: { ok: true; containerID: string } | { ok: false; error: string }) => void): void;
  /** SIGTERM, then SIGKILL after the grace period; `cb` once it is gone. */
  stopContainer(containerID: string, graceSeconds: number, cb: (exit: ContainerExit) => void): void;
  removePodSandbox(podUid: string): void;
  probe(containerID: string, container: Container, kind: "liveness" | "readiness" | "startup", podIP: string, cb: (r: ProbeOutcome) => void): void;
  powerOff(): void;
  powerOn(): void;
}

export interface PodRef {
  uid: string;
  name: string;
  namespace: string;
}
