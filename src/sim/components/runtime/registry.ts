/**
 * The image registry every node pulls from (Docker Hub, registry.k8s.io, … as one box on the
 * diagram). A pull is one request (the manifest) and one answer whose latency is the layer
 * download: size over bandwidth, with jitter from the kernel's rng.
 */
import type { ComponentId, Kernel } from "../../runtime";
import type { ImageReference } from "./imageReference";
import { accessDeniedError, notFoundError, registryUnreachableError } from "./imageMessages";
import { resolveImage } from "./images";
import type { ResolvedImage } from "./imageTypes";

export const REGISTRY_ID: ComponentId = "registry";

export interface RegistryTimings {
  /** Round trip for a manifest request. */
  rttMs: number;
  /** Download bandwidth per node, in bytes per virtual ms (40_000 = 40 MB/s). */
  bandwidthBytesPerMs: number;
  /** ± fraction applied to each download time. */
  jitter: number;
  /** How long containerd waits on an unreachable registry before failing. */
  unreachableTimeoutMs: number;
}

export const DEFAULT_REGISTRY_TIMINGS: RegistryTimings = { rttMs: 80, bandwidthBytesPerMs: 40_000, jitter: 0.2, unreachableTimeoutMs: 10_000 };

export type RegistryAnswer =
  | { ok: true; image: ResolvedImage; downloadMs: number }
  | { ok: false; error: string; kind: "not-found" | "unreachable" };

/** `72.2 MB` */
export function formatMegabytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(0)} kB`;
}

export class Registry {
  readonly id = REGISTRY_ID;
  private up = true;
  readonly timings: RegistryTimings;

  constructor(
    private readonly kernel: Kernel,
    timings: Partial<RegistryTimings> = {},
  ) {
    this.timings = { ...DEFAULT_REGISTRY_TIMINGS, ...timings };
  }

  get available(): boolean {
    return this.up;
  }

  /** Registry outage (fault injection): pulls fail after the dial timeout. */
  setAvailable(up: boolean): void {
    this.up = up;
  }

  /**
   * Fetches `ref` for the runtime `from`. With `manifestOnly` (the layers are already on the
   * node) the answer carries no layers and returns after one round trip.
   */
  fetch(from: ComponentId, ref: ImageReference, manifestOnly: boolean, cb: (answer: RegistryAnswer) => void): void {
    const k = this.kernel;
    const half = this.timings.rttMs / 2;
    const short = ref.original;
    k.send(
      half,
      () => ({
        from,
        to: REGISTRY_ID,
        kind: "pull",
        verb: "GET",
        summary: `GET manifest ${short}`,
        narration: `The container runtime asks the registry for the manifest of ${ref.canonical}.`,
        detail: { image: ref.canonical },
      }),
      () => {
        if (!this.up) {
          // Nobody answers: containerd gives up when its dial times out.
          k.after(Math.max(0, this.timings.unreachableTimeoutMs - half), () => cb({ ok: false, error: registryUnreachableError(ref), kind: "unreachable" }));
          return;
        }
        const resolution = resolveImage(ref);
        if (!resolution.found) {
          const repoMissing = resolution.why === "repository-not-found";
          const error = repoMissing && ref.domain === "docker.io" ? accessDeniedError(ref) : notFoundError(ref);
          const status = repoMissing && ref.domain === "docker.io" ? 401 : 404;
          k.send(
            half,
            () => ({
              from: REGISTRY_ID,
              to: from,
              kind: "pull",
              verb: "GET",
              status,
              summary: `${status} ${short}`,
              narration: repoMissing ? `The registry has no repository ${ref.repository}.` : `The registry has ${ref.repository} but no tag ${ref.tag ?? ref.digest ?? ""}.`,
              detail: { image: ref.canonical },
            }),
            () => cb({ ok: false, error, kind: "not-found" }),
          );
          return;
        }
        const image = resolution.image;
        const base = manifestOnly ? 0 : image.sizeBytes / this.timings.bandwidthBytesPerMs;
        const downloadMs = Math.round(half + base * (1 + (k.rng.next() * 2 - 1) * this.timings.jitter));
        k.send(
          downloadMs,
          () => ({
            from: REGISTRY_ID,
            to: from,
            kind: "pull",
            verb: "GET",
            status: 200,
            summary: manifestOnly ? `manifest ${short}` : `layers ${short} (${formatMegabytes(image.sizeBytes)})`,
            narration: manifestOnly
              ? `The registry answers with the manifest of ${ref.canonical}; its layers are already on the node.`
              : `The registry sends the layers of ${ref.canonical}, ${formatMegabytes(image.sizeBytes)} compressed.`,
            detail: { image: ref.canonical, sizeBytes: image.sizeBytes, digest: image.digest },
          }),
          () => cb({ ok: true, image, downloadMs }),
        );
      },
    );
  }
}
