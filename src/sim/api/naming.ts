// Generated names: pod-template-hash, random suffixes, generateName and UIDs, from the
// simulation's seeded generator (never Math.random).
import type { PodTemplateSpec } from "./types";

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** The part of the runtime Rng this file needs (src/sim/runtime/rng.ts satisfies it). */
export interface RandomSource {
  uint32(): number;
  string(alphabet: string, length: number): string;
}

/** rand.SafeEncodeString: each character mapped onto SAFE_ALPHABET by its code point. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

const encoder = new TextEncoder();

/** FNV-1a, 32 bit, over the UTF-8 bytes of s (Go's hash/fnv New32a). */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level, so equal objects serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/**
 * controller.ComputeHash: FNV-32a of the pod template (plus the collision count, when set),
 * printed in decimal and passed through SafeEncodeString; e.g. `7d4b9c8f5`.
 * Real Kubernetes hashes go-spew's dump of the Go struct (hashutil.DeepHashObject); that byte
 * stream cannot be reproduced from JSON, so we hash canonical JSON instead. The shape of the
 * result (alphabet, length 1–10) and its stability for equal templates are the same.
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  if (collisionCount !== undefined) return safeEncodeString(String(fnv32a(`${canonicalJson(template)}#${collisionCount}`)));
  // Controllers hash the same cached template on every sync; objects are never changed in place.
  let hash = templateHashes.get(template);
  if (hash === undefined) {
    hash = safeEncodeString(String(fnv32a(canonicalJson(template))));
    templateHashes.set(template, hash);
  }
  return hash;
}

const templateHashes = new WeakMap<PodTemplateSpec, string>();

/** rand.String(n): n characters from SAFE_ALPHABET. */
export function randomSuffix(rng: RandomSource, n = 5): string {
  return rng.string(SAFE_ALPHABET, n);
}

/** names.SimpleNameGenerator: base truncated to 58 characters, then 5 random characters. */
export const MAX_GENERATED_NAME_LENGTH = 63 - 5;
export function generateName(prefix: string, rng: RandomSource): string {
  const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
  return `${base}${randomSuffix(rng, 5)}`;
}

/** An RFC 4122 version 4 UUID (`3f2b…-…-4…-[89ab]…-…`) drawn from the seeded generator. */
export function newUid(rng: RandomSource): string {
  // Four words → 16 bytes, big-endian; version 4 and the RFC 4122 variant bits set.
  const w0 = rng.uint32();
  const w1 = rng.uint32();
  const w2 = rng.uint32();
  const w3 = rng.uint32();
  const b6 = ((w1 >>> 8) & 0x0f) | 0x40;
  const b8 = ((w2 >>> 24) & 0x3f) | 0x80;
  const c = UID_CHARS;
  putWord(c, 0, w0);
  putByte(c, 9, w1 >>> 24);
  putByte(c, 11, (w1 >>> 16) & 0xff);
  putByte(c, 14, b6);
  putByte(c, 16, w1 & 0xff);
  putByte(c, 19, b8);
  putByte(c, 21, (w2 >>> 16) & 0xff);
  putByte(c, 24, (w2 >>> 8) & 0xff);
  putByte(c, 26, w2 & 0xff);
  putWord(c, 28, w3);
  // One flat string from the character codes: concatenating pieces would leave a chain of
  // rope nodes behind every uid the cluster keeps.
  return String.fromCharCode.apply(null, c);
}

/**
 * The 36 character codes of a uid, with its dashes in place (reused: newUid copies them out).
 * A plain array: apply() spreads it as it is, where a typed array would be converted first.
 */
const UID_CHARS: number[] = Array.from({ length: 36 }, () => 45);
const HEX_DIGITS = Uint16Array.from("0123456789abcdef", (ch) => ch.charCodeAt(0));

function putByte(c: number[], at: number, b: number): void {
  c[at] = HEX_DIGITS[b >>> 4];
  c[at + 1] = HEX_DIGITS[b & 0x0f];
}

function putWord(c: number[], at: number, w: number): void {
  putByte(c, at, w >>> 24);
  putByte(c, at + 2, (w >>> 16) & 0xff);
  putByte(c, at + 4, (w >>> 8) & 0xff);
  putByte(c, at + 6, w & 0xff);
}
