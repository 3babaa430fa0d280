/**
 * Image references as the kubelet and containerd read them (github.com/distribution/reference):
 * `nginx` → `docker.io/library/nginx:latest`, `ghcr.io/org/app:v1`, `nginx@sha256:…`.
 */

export interface ImageReference {
  /** What the manifest said, e.g. `nginx:1.27`. */
  readonly original: string;
  /** `docker.io`, `registry.k8s.io`, `gcr.io`, `localhost:5000`, … */
  readonly domain: string;
  /** Repository path inside the domain: `library/nginx`, `coredns/coredns`. */
  readonly path: string;
  /** `docker.io/library/nginx`. */
  readonly repository: string;
  /** The tag; `latest` when neither tag nor digest was written. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** Fully qualified, as containerd names it: `docker.io/library/nginx:1.27`. */
  readonly canonical: string;
  /** What the kubelet hands to CRI (applyDefaultImageTag): `nginx` → `nginx:latest`. */
  readonly withDefaultTag: string;
}

export type ParsedReference = { ok: true; ref: ImageReference } | { ok: false; error: string };

const DEFAULT_DOMAIN = "docker.io";
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const INVALID = "invalid reference format";

/** Mirrors reference.splitDockerDomain: the first component is a domain only if it looks like one. */
function splitDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  const first = i === -1 ? "" : name.slice(0, i);
  let domain: string;
  let remainder: string;
  if (i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === "index.docker.io") domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = `library/${remainder}`;
  return [domain, remainder];
}

// Pure and called for every pull and container: remember the few distinct strings a cluster uses.
const CACHE = new Map<string, ParsedReference>();
const CACHE_LIMIT = 10_000;

/** Parses like reference.ParseNormalizedNamed, with the same error texts. */
export function parseImageReference(original: string): ParsedReference {
  let parsed = CACHE.get(original);
  if (!parsed) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    parsed = parse(original);
    CACHE.set(original, parsed);
  }
  return parsed;
}

function parse(original: string): ParsedReference {
  const s = original;
  if (s === "") return { ok: false, error: "repository name must have at least one component" };
  if (/^[a-f0-9]{64}$/.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domain, remainder] = splitDomain(s);
  const tagSep = remainder.indexOf(":");
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    return { ok: false, error: `${INVALID}: repository name (${remoteName}) must be lowercase` };
  }
  let rest = remainder;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at > -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: INVALID };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > -1 && !rest.slice(colon).includes("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, error: INVALID };
  }
  if (!DOMAIN.test(domain)) return { ok: false, error: INVALID };
  const components = rest.split("/");
  if (components.some((c) => !PATH_COMPONENT.test(c))) return { ok: false, error: INVALID };
  if (domain.length + 1 + rest.length > 255) return { ok: false, error: "repository name must not be more than 255 characters" };

  const repository = `${domain}/${rest}`;
  const effectiveTag = tag ?? (digest ? undefined : "latest");
  const canonical = repository + (effectiveTag ? `:${effectiveTag}` : "") + (digest ? `@${digest}` : "");
  const withDefaultTag = tag || digest ? original : `${original}:latest`;
  return { ok: true, ref: { original, domain, path: rest, repository, tag: effectiveTag, digest, canonical, withDefaultTag } };
}

/** `docker.io/library/nginx` → `nginx`; `docker.io/bitnami/redis` → `bitnami/redis`; others unchanged. */
export function familiarName(repository: string): string {
  if (repository.startsWith("docker.io/library/")) return repository.slice("docker.io/library/".length);
  if (repository.startsWith("docker.io/")) return repository.slice("docker.io/".length);
  return repository;
}
