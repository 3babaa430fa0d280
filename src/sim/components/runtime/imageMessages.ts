/**
 * The exact texts around image pulls: containerd's errors (what CRI PullImage returns) and the
 * kubelet's event messages (pkg/kubelet/images/image_manager.go, v1.34).
 */
import type { ImageReference } from "./imageReference";

/** Go's time.Duration.String() for a whole number of milliseconds: `830ms`, `1.2s`, `1m44.248s`. */
export function formatGoDuration(ms: number): string {
  const total = Math.max(0, Math.trunc(ms));
  if (total === 0) return "0s";
  if (total < 1000) return `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const rest = total % 60_000;
  const s = Math.floor(rest / 1000);
  const frac = rest % 1000;
  const sec = frac === 0 ? `${s}s` : `${s}.${String(frac).padStart(3, "0").replace(/0+$/, "")}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

/** The registry host containerd talks to for a domain. */
export function registryHost(domain: string): string {
  return domain === "docker.io" ? "registry-1.docker.io" : domain;
}

function wrap(ref: ImageReference, cause: string): string {
  return `failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}": ${cause}`;
}

/** containerd 2.x: the tag (or, outside Docker Hub, the repository) does not exist. */
export function notFoundError(ref: ImageReference): string {
  return wrap(ref, `${ref.canonical}: not found`);
}

/** containerd 2.x: Docker Hub answers 401 for a repository that does not exist. */
export function accessDeniedError(ref: ImageReference): string {
  return wrap(ref, "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed");
}

/** containerd 2.x: the registry cannot be reached. */
export function registryUnreachableError(ref: ImageReference): string {
  const host = registryHost(ref.domain);
  const what = ref.digest ?? ref.tag ?? "latest";
  return wrap(ref, `failed to do request: Head "https://${host}/v2/${ref.path}/manifests/${what}": dial tcp: lookup ${host}: i/o timeout`);
}

// ---- kubelet events (reason → message) ----

/** `Pulling`. `image` is the container's image as written in the pod spec. */
export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

/** `Pulled` after a pull: both durations are truncated to the millisecond. */
export function pulledMessage(image: string, pullMs: number, includingWaitingMs: number, sizeBytes: number): string {
  return `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(includingWaitingMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** `Pulled` when the image is on the node and the policy does not force a pull. */
export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine`;
}

/** `Failed` (Warning) right after a failed pull; `error` is the runtime's message. */
export function failedToPullMessage(image: string, error: string): string {
  return `Failed to pull image "${image}": ${error}`;
}

/** `Failed` (Warning) that follows, and the container's waiting reason printed as `Error: <reason>`. */
export function errorReasonMessage(reason: "ErrImagePull" | "ImagePullBackOff" | "InvalidImageName" | "ErrImageNeverPull" | string): string {
  return `Error: ${reason}`;
}

/** `BackOff` (Normal) while the pull is backing off. */
export function backOffPullingMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

/** Container status `waiting.message` while in ImagePullBackOff (reason `ImagePullBackOff`). */
export function imagePullBackOffWaitingMessage(image: string, lastError: string): string {
  return `Back-off pulling image "${image}": ErrImagePull: ${lastError}`;
}

/** `InspectFailed` (Warning) for an unparsable reference; waiting reason `InvalidImageName`. */
export function invalidImageNameMessage(image: string, parseError: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${parseError}`;
}

/** `ErrImageNeverPull` (Warning) for imagePullPolicy Never on a node without the image. */
export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}
