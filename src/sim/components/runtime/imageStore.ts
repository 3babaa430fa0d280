/**
 * The images on one node (containerd's content store). Pulls of the same image on the node
 * coalesce: a second request waits for the first download instead of starting another.
 */
import type { ComponentId, Kernel } from "../../runtime";
import type { ImageInfo } from "./criTypes";
import { parseImageReference, type ImageReference } from "./imageReference";
import { resolveImage } from "./images";
import type { Registry } from "./registry";

export type StoreResult = { ok: true; info: ImageInfo } | { ok: false; error: string };

export class ImageStore {
  private readonly images = new Map<string, ImageInfo>();
  private readonly inflight = new Map<string, ((r: StoreResult) => void)[]>();
  /** Bumped on power-off: answers to pulls started before are dropped. */
  private epoch = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly registry: Registry,
    private readonly owner: ComponentId,
    private readonly unpackBytesPerMs: number,
  ) {}

  get(canonical: string): ImageInfo | undefined {
    return this.images.get(canonical);
  }

  list(): ImageInfo[] {
    return [...this.images.values()];
  }

  /** Puts an image on the node without a pull (kubeadm pre-pulls the control plane's images). */
  preload(reference: string, pinned = false): void {
    const p = parseImageReference(reference);
    if (!p.ok) throw new Error(`cannot preload ${reference}: ${p.error}`);
    const r = resolveImage(p.ref);
    if (!r.found) throw new Error(`cannot preload ${reference}: not in the registry`);
    this.add(r.image.canonical, r.image, pinned);
  }

  private add(canonical: string, image: ImageInfo["image"], pinned: boolean): ImageInfo {
    const info: ImageInfo = { id: image.imageId, repoTags: [canonical], repoDigests: [image.repoDigest], sizeBytes: image.sizeBytes, pinned, image };
    this.images.set(canonical, info);
    return info;
  }

  /**
   * Pulls `ref`. When the image is present and `force` is false, answers at once; when present
   * and forced (imagePullPolicy Always), re-resolves the manifest only.
   */
  pull(ref: ImageReference, force: boolean, pinned: boolean, cb: (r: StoreResult) => void): void {
    const key = ref.canonical;
    const present = this.images.get(key);
    if (present && !force) {
      cb({ ok: true, info: present });
      return;
    }
    const waiting = this.inflight.get(key);
    if (waiting) {
      waiting.push(cb);
      return;
    }
    this.inflight.set(key, [cb]);
    const epoch = this.epoch;
    const finish = (r: StoreResult) => {
      if (epoch !== this.epoch) return;
      const cbs = this.inflight.get(key) ?? [];
      this.inflight.delete(key);
      for (const c of cbs) c(r);
    };
    this.registry.fetch(this.owner, ref, present !== undefined, (answer) => {
      if (epoch !== this.epoch) return;
      if (!answer.ok) {
        finish({ ok: false, error: answer.error });
        return;
      }
      if (present) {
        finish({ ok: true, info: present });
        return;
      }
      // Unpacking the layers into snapshots takes time too.
      const unpackMs = Math.round(answer.image.sizeBytes / this.unpackBytesPerMs);
      this.kernel.after(unpackMs, () => {
        if (epoch !== this.epoch) return;
        finish({ ok: true, info: this.add(key, answer.image, pinned) });
      });
    });
  }

  /** Drops pulls in progress (the machine lost power); images on disk stay. */
  abandonPulls(): void {
    this.epoch++;
    this.inflight.clear();
  }
}
