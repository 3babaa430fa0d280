/**
 * Resolving an image reference the way a registry would: does the tag exist, how big is it,
 * what digest does it have, and what does its default command do.
 *
 * The rule for names nobody catalogued (see index.ts): they exist — any tag — with a size and
 * digest derived from the name, and behave as a generic long-running app that listens on the
 * container's declared ports; except "obviously fake" names, which are not found:
 *  - a repository component or tag containing a fake marker (`doesnotexist`, `does-not-exist`,
 *    `nonexistent`, `notexist`, `not-exist`, `fake`, `bogus`, `invalid`, `missing`, `nosuch`, `no-such`),
 *  - a one-word docker.io name within two edits of a catalogued official image (`ngnix`, `reddis`, `busyboxx`).
 * Catalogued images know their tags: `nginx:doesnotexist` and `nginx:1.27.99` are not found.
 */
import { catalogEntry, LIBRARY_NAMES, type CatalogEntry } from "./imageCatalog";
import type { ImageBehaviour, ResolvedImage } from "./imageTypes";
import type { ImageReference } from "./imageReference";
import { fnv32a, hex64 } from "./hash";

export type Resolution =
  | { found: true; image: ResolvedImage }
  | { found: false; why: "tag-not-found" | "repository-not-found" };

const FAKE_MARKERS = ["doesnotexist", "does-not-exist", "nonexistent", "non-existent", "notexist", "not-exist", "fake", "bogus", "invalid", "missing", "nosuch", "no-such"];

/** The behaviour of an image nobody catalogued: an app that listens where the pod says it does. */
export const GENERIC_BEHAVIOUR: ImageBehaviour = {
  entrypoint: ["/app"],
  cmd: [],
  userland: "gnu",
  server: { app: "generic", ports: [], http: {}, binaries: ["app"], readyAfterMs: 200 },
  memoryBytes: 24 * 1024 * 1024,
  onStop: "graceful",
  shutdownMs: 100,
};

/** Real official images that happen to be near a catalogued name. */
const REAL_NEIGHBOURS = new Set(["mono", "nats", "ghost", "haproxy", "mariadb", "caddy", "rust", "ruby"]);

function hasFakeMarker(text: string): boolean {
  const t = text.toLowerCase();
  return FAKE_MARKERS.some((m) => t.includes(m));
}

/** Optimal string alignment distance, capped: only "is it within 2" matters. */
function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A near miss of a catalogued official image (`ngnix`), which Docker Hub does not have. */
export function isTypoOfKnownImage(ref: ImageReference): boolean {
  if (ref.domain !== "docker.io" || !ref.path.startsWith("library/")) return false;
  const name = ref.path.slice("library/".length);
  if (name.length < 4 || REAL_NEIGHBOURS.has(name)) return false;
  return LIBRARY_NAMES.some((known) => known !== name && editDistance(known, name) <= 2);
}

/** For version lines like `1.27.5`: the tag's version (`1.27` → `1.27.5`), or undefined if the tag is not on any line. */
function versionOnLines(lines: readonly string[], v: string): string | undefined {
  for (const line of lines) {
    const parts = line.split(".");
    const last = Number(parts[parts.length - 1]);
    const head = parts.slice(0, -1);
    for (let n = 1; n <= head.length; n++) if (head.slice(0, n).join(".") === v) return line;
    const vp = v.split(".");
    if (vp.length === parts.length && vp.slice(0, -1).join(".") === head.join(".")) {
      const k = vp[vp.length - 1];
      if (/^\d+$/.test(k) && Number(k) <= last) return v;
    }
  }
  return undefined;
}

interface TagMatch {
  version: string | undefined;
  variant: string | undefined;
}

/** Whether a catalogued image has `tag`; returns the version it points at and the variant. */
export function matchTag(entry: CatalogEntry, tag: string): TagMatch | undefined {
  const newest = entry.lines?.[0];
  if (entry.tags?.includes(tag)) {
    const variant = entry.variants?.find((v) => tag === v || tag.endsWith(`-${v}`)) ?? (tag.includes("alpine") ? "alpine" : undefined);
    return { version: newest ?? (/^v?\d/.test(tag) ? tag.replace(/^v/, "") : undefined), variant };
  }
  const lines = entry.lines ?? [];
  if (entry.variants?.includes(tag)) return { version: newest, variant: tag };
  const version = versionOnLines(lines, tag);
  if (version) return { version, variant: undefined };
  // Longest variant first, so `1.27-alpine-slim` is not read as variant `slim`.
  const variants = [...(entry.variants ?? [])].sort((a, b) => b.length - a.length);
  for (const variant of variants) {
    if (!tag.endsWith(`-${variant}`)) continue;
    const v = versionOnLines(lines, tag.slice(0, -variant.length - 1));
    if (v) return { version: v, variant };
  }
  return undefined;
}

function digestsFor(canonical: string): Pick<ResolvedImage, "digest" | "imageId"> {
  return { digest: `sha256:${hex64(`manifest:${canonical}`)}`, imageId: `sha256:${hex64(`config:${canonical}`)}` };
}

function sizeFor(entry: CatalogEntry, tag: string, variant: string | undefined): number {
  const exact = entry.tagSizes?.[tag];
  if (exact !== undefined) return exact;
  const base = (variant && entry.variantSizes?.[variant]) || entry.size;
  if (tag === "latest") return base;
  // Older versions differ a little: ±4 %, stable per tag.
  const wobble = ((fnv32a(tag) % 801) - 400) / 10000;
  return Math.round(base * (1 + wobble));
}

/** A plausible compressed size for an image nobody catalogued: 8 MB … ~300 MB, skewed small. */
export function derivedSize(repository: string): number {
  const h = fnv32a(repository);
  const f = (h % 10000) / 10000;
  return Math.round(8_000_000 + f * f * 290_000_000 + (h % 997));
}

const CACHE = new Map<string, Resolution>();
const CACHE_LIMIT = 10_000;

/** What the registry holds for `ref` (memoised: the answer depends on the reference only). */
export function resolveImage(ref: ImageReference): Resolution {
  const key = `${ref.canonical} ${ref.original}`;
  let r = CACHE.get(key);
  if (!r) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    r = resolve(ref);
    CACHE.set(key, r);
  }
  return r;
}

function resolve(ref: ImageReference): Resolution {
  const entry = catalogEntry(ref.repository);
  const tag = ref.tag;
  if (entry) {
    let match: TagMatch | undefined = { version: entry.lines?.[0], variant: undefined };
    if (tag !== undefined) match = matchTag(entry, tag);
    if (!match) return { found: false, why: "tag-not-found" };
    const userland = match.variant?.includes("alpine") && entry.behaviour.userland !== "none" ? "busybox" : entry.behaviour.userland;
    const behaviour = userland === entry.behaviour.userland ? entry.behaviour : { ...entry.behaviour, userland };
    const repoDigest = `${ref.repository}@${ref.digest ?? digestsFor(ref.canonical).digest}`;
    return {
      found: true,
      image: {
        canonical: ref.canonical,
        repository: ref.repository,
        tag,
        version: match.version,
        sizeBytes: sizeFor(entry, tag ?? "latest", match.variant),
        ...digestsFor(ref.canonical),
        ...(ref.digest ? { digest: ref.digest } : {}),
        repoDigest,
        behaviour,
        catalogued: true,
      },
    };
  }
  if (hasFakeMarker(ref.path) || (tag !== undefined && hasFakeMarker(tag))) {
    return { found: false, why: tag !== undefined && hasFakeMarker(tag) && !hasFakeMarker(ref.path) ? "tag-not-found" : "repository-not-found" };
  }
  if (isTypoOfKnownImage(ref)) return { found: false, why: "repository-not-found" };
  const digests = digestsFor(ref.canonical);
  return {
    found: true,
    image: {
      canonical: ref.canonical,
      repository: ref.repository,
      tag,
      version: undefined,
      sizeBytes: derivedSize(ref.repository),
      ...digests,
      ...(ref.digest ? { digest: ref.digest } : {}),
      repoDigest: `${ref.repository}@${ref.digest ?? digests.digest}`,
      behaviour: GENERIC_BEHAVIOUR,
      catalogued: false,
    },
  };
}
