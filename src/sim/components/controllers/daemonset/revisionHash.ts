import type { PodTemplateSpec } from "../../../api/types";

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** Deterministic JSON: object keys sorted, so equal templates hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * controller.ComputeHash: FNV-32a of the pod template, printed in decimal, then
 * rand.SafeEncodeString (each digit mapped into the vowel-free alphabet). The label value
 * `controller-revision-hash` and the ControllerRevision name suffix.
 */
export function revisionHash(template: PodTemplateSpec): string {
  // Objects from the caches are never changed in place, so one hash per template object holds.
  let hash = hashes.get(template);
  if (hash === undefined) {
    hash = computeHash(template);
    hashes.set(template, hash);
  }
  return hash;
}

const hashes = new WeakMap<PodTemplateSpec, string>();

function computeHash(template: PodTemplateSpec): string {
  const text = canonical(template);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const decimal = String(h >>> 0);
  let out = "";
  for (let i = 0; i < decimal.length; i++) out += ALPHANUMS[decimal.charCodeAt(i) % ALPHANUMS.length];
  return out;
}
