import { describe, expect, it } from "vitest";
import { parseImageReference, familiarName, type ImageReference } from "./imageReference";
import { resolveImage, derivedSize } from "./images";
import { formatGoDuration, notFoundError, accessDeniedError, pulledMessage, failedToPullMessage, invalidImageNameMessage, registryUnreachableError } from "./imageMessages";

function ref(s: string): ImageReference {
  const p = parseImageReference(s);
  if (!p.ok) throw new Error(p.error);
  return p.ref;
}

describe("parseImageReference", () => {
  it("normalises short names like containerd", () => {
    const r = ref("nginx");
    expect(r.canonical).toBe("docker.io/library/nginx:latest");
    expect(r.withDefaultTag).toBe("nginx:latest");
    expect(ref("nginx:1.27").canonical).toBe("docker.io/library/nginx:1.27");
    expect(ref("bitnami/redis:7.2").canonical).toBe("docker.io/bitnami/redis:7.2");
    expect(ref("registry.k8s.io/coredns/coredns:v1.12.1").repository).toBe("registry.k8s.io/coredns/coredns");
    expect(ref("localhost:5000/app").canonical).toBe("localhost:5000/app:latest");
    expect(familiarName(ref("busybox").repository)).toBe("busybox");
  });

  it("keeps digests and does not add latest to them", () => {
    const d = "sha256:" + "a".repeat(64);
    const r = ref(`nginx@${d}`);
    expect(r.tag).toBeUndefined();
    expect(r.canonical).toBe(`docker.io/library/nginx@${d}`);
    expect(r.withDefaultTag).toBe(`nginx@${d}`);
  });

  it("rejects what reference.ParseNormalizedNamed rejects, with its words", () => {
    expect(parseImageReference("Nginx")).toEqual({ ok: false, error: "invalid reference format: repository name (library/Nginx) must be lowercase" });
    expect(parseImageReference("nginx:")).toEqual({ ok: false, error: "invalid reference format" });
    expect(parseImageReference("ngi nx")).toEqual({ ok: false, error: "invalid reference format" });
  });
});

describe("resolveImage", () => {
  it("knows catalogued tags, including version prefixes and variants", () => {
    for (const t of ["nginx", "nginx:1.27", "nginx:1", "nginx:1.27.3", "nginx:1.14.2", "nginx:alpine", "nginx:1.27-alpine", "nginx:stable", "busybox:1.28", "redis:7.4-alpine", "postgres:16", "registry.k8s.io/pause:3.10.1", "registry.k8s.io/kube-proxy:v1.34.1", "hashicorp/http-echo"]) {
      expect(resolveImage(ref(t)).found, t).toBe(true);
    }
  });

  it("does not know unknown tags of catalogued images", () => {
    for (const t of ["nginx:doesnotexist", "nginx:1.19.19", "nginx:1.27.99", "nginx:latests", "nginx:1.27-alpin", "registry.k8s.io/kube-proxy:v1.34"]) {
      expect(resolveImage(ref(t)), t).toEqual({ found: false, why: "tag-not-found" });
    }
  });

  it("resolves the version a tag points at and the size", () => {
    const r = resolveImage(ref("nginx:1.27"));
    if (!r.found) throw new Error("not found");
    expect(r.image.version).toBe("1.27.5");
    expect(r.image.sizeBytes).toBe(72195292);
    expect(r.image.repoDigest).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(r.image.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const alpine = resolveImage(ref("nginx:1.27-alpine"));
    if (!alpine.found) throw new Error("not found");
    expect(alpine.image.sizeBytes).toBeLessThan(30_000_000);
    expect(alpine.image.behaviour.userland).toBe("busybox");
  });

  it("lets unknown names exist with a stable derived size, except fakes and typos", () => {
    const a = resolveImage(ref("ghcr.io/acme/shop:v3"));
    const b = resolveImage(ref("ghcr.io/acme/shop:v3"));
    expect(a).toEqual(b);
    if (!a.found) throw new Error("not found");
    expect(a.image.catalogued).toBe(false);
    expect(a.image.sizeBytes).toBe(derivedSize("ghcr.io/acme/shop"));
    expect(a.image.sizeBytes).toBeGreaterThan(8_000_000);
    expect(a.image.sizeBytes).toBeLessThan(300_000_000);
    expect(resolveImage(ref("ngnix"))).toEqual({ found: false, why: "repository-not-found" });
    expect(resolveImage(ref("busyboxx:1.36"))).toEqual({ found: false, why: "repository-not-found" });
    expect(resolveImage(ref("myorg/does-not-exist"))).toEqual({ found: false, why: "repository-not-found" });
    expect(resolveImage(ref("myapp:fake-tag"))).toEqual({ found: false, why: "tag-not-found" });
    expect(resolveImage(ref("myapp:1.0")).found).toBe(true);
  });
});

describe("messages", () => {
  it("formats durations like Go", () => {
    expect(formatGoDuration(830)).toBe("830ms");
    expect(formatGoDuration(1200)).toBe("1.2s");
    expect(formatGoDuration(2386)).toBe("2.386s");
    expect(formatGoDuration(5000)).toBe("5s");
    expect(formatGoDuration(104248)).toBe("1m44.248s");
    expect(formatGoDuration(0)).toBe("0s");
  });

  it("words pull failures like containerd 2.x and the kubelet", () => {
    const r = ref("nginx:doesnotexist");
    expect(failedToPullMessage("nginx:doesnotexist", notFoundError(r))).toBe(
      'Failed to pull image "nginx:doesnotexist": failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    );
    expect(accessDeniedError(ref("ngnix"))).toBe(
      'failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(registryUnreachableError(ref("nginx:1.27"))).toContain('Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.27"');
    expect(pulledMessage("nginx:1.27", 1200, 1200, 72195292)).toBe('Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting). Image size: 72195292 bytes.');
    expect(invalidImageNameMessage("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase")).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image reference "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });
});
