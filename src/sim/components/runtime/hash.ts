/**
 * Deterministic hashing for names the runtime derives rather than draws: image digests and
 * the sizes of images nobody catalogued. Same name → same digest on every node and every run.
 */

/** FNV-1a, 32 bits. */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64 lowercase hex characters (a sha256-looking digest) derived from `text`. */
export function hex64(text: string): string {
  let out = "";
  let h = fnv32a(text);
  for (let i = 0; i < 8; i++) {
    h = fnv32a(`${i}:${text}`, h ^ 0x9e3779b9);
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}
