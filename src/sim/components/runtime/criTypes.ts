/** What the kubelet sends over CRI and what comes back (a typed subset of k8s.io/cri-api). */
import type { ResolvedImage } from "./imageTypes";
import type { ExitReason } from "./process";

export interface ImageInfo {
  /** `sha256:…` (config digest): what PullImage returns. */
  id: string;
  /** `docker.io/library/nginx:1.27` */
  repoTags: string[];
  /** `docker.io/library/nginx@sha256:…` */
  repoDigests: string[];
  sizeBytes: number;
  /** Pinned images (the sandbox image) are never garbage-collected. */
  pinned: boolean;
  image: ResolvedImage;
}

export type PullResult =
  | {
      ok: true;
      /** The image id (`sha256:…`), CRI's image ref. */
      imageRef: string;
      image: ResolvedImage;
      /** Virtual ms the runtime spent on this request, from receipt to reply. */
      pullMs: number;
    }
  | {
      ok: false;
      /** containerd's message, e.g. `failed to pull and unpack image "…": … not found`. */
      error: string;
      /** The kubelet's waiting reason for it. */
      reason: "ErrImagePull" | "InvalidImageName";
    };

export interface SandboxConfig {
  podName: string;
  namespace: string;
  podUid: string;
  /** The pod IP (allocated by the caller from the node's pod CIDR). */
  podIP: string;
  attempt?: number;
}

export interface SandboxInfo {
  id: string;
  config: SandboxConfig;
  state: "ready" | "notready";
  createdAt: number;
}

export type SandboxResult = { ok: true; sandboxId: string } | { ok: false; error: string };

export interface ContainerConfig {
  name: string;
  /** The image as the pod spec wrote it (`nginx:1.27`); must have been pulled. */
  image: string;
  command?: readonly string[];
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  /** From resources.limits.memory, in bytes. */
  memoryLimitBytes?: number;
  /** containerPorts of the container. */
  ports?: readonly number[];
  /** Restart count: CRI metadata.attempt. */
  attempt?: number;
}

export type ContainerState = "created" | "running" | "exited";

export interface ContainerInfo {
  /** 64 hex characters. */
  id: string;
  /** `containerd://<id>`, as pod status carries it. */
  containerID: string;
  sandboxId: string;
  podName: string;
  namespace: string;
  podUid: string;
  name: string;
  attempt: number;
  /** `docker.io/library/nginx:1.27` (ContainerStatus.image). */
  image: string;
  /** `docker.io/library/nginx@sha256:…` (ContainerStatus.imageID). */
  imageRef: string;
  state: ContainerState;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** `Completed`, `Error`, `OOMKilled`, `StartError`. */
  reason?: ExitReason | "StartError";
  message?: string;
}

export type CreateResult = { ok: true; containerId: string } | { ok: false; error: string };
export type StartResult = { ok: true } | { ok: false; error: string };
export type ExecResult =
  | { kind: "exited"; exitCode: number; output: string }
  /** The command could not run (not in the image, container not running). */
  | { kind: "error"; message: string }
  | { kind: "timeout"; timeoutSeconds: number };
