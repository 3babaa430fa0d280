/**
 * The images the simulated registry knows, with realistic compressed linux/amd64 sizes and what
 * their default command does. Tags: docker official images answer to every version prefix
 * (`nginx:1`, `nginx:1.27`, `nginx:1.27.5`) of the version lines listed, optionally with a
 * variant suffix (`1.27-alpine`); Kubernetes images only to their exact tags.
 */
import type { ImageBehaviour, ServerSpec } from "./imageTypes";

export interface CatalogEntry {
  repository: string;
  /** Version lines, newest first: `1.27.5` means 1.27.0 … 1.27.5 exist (and `1.27`, `1`). */
  lines?: readonly string[];
  /** Tags accepted exactly as written. */
  tags?: readonly string[];
  /** Variant suffixes: `alpine` accepts `alpine`, `1.27-alpine`, `1-alpine`. */
  variants?: readonly string[];
  /** Size of the default (latest) tag in bytes. */
  size: number;
  /** Size per variant (the first variant in a tag wins). */
  variantSizes?: Readonly<Record<string, number>>;
  /** Sizes seen in real `Pulled` events for specific tags. */
  tagSizes?: Readonly<Record<string, number>>;
  behaviour: ImageBehaviour;
}

const MiB = 1024 * 1024;

function server(spec: Omit<ServerSpec, "binaries" | "http"> & Partial<Pick<ServerSpec, "binaries" | "http">>): ServerSpec {
  return { binaries: [], http: {}, ...spec };
}

function serverImage(
  entrypoint: string[],
  cmd: string[],
  spec: ServerSpec,
  memoryBytes: number,
  shutdownMs = 100,
  userland: ImageBehaviour["userland"] = "gnu",
): ImageBehaviour {
  return { entrypoint, cmd, userland, server: spec, memoryBytes, onStop: "graceful", shutdownMs };
}

function shellImage(cmd: string[], userland: ImageBehaviour["userland"], memoryBytes: number): ImageBehaviour {
  return { entrypoint: [], cmd, userland, memoryBytes, onStop: "ignore", shutdownMs: 0 };
}

function kubeImage(app: ServerSpec["app"], binary: string, ports: number[], http: Record<number, string[]>, memoryBytes: number): ImageBehaviour {
  return serverImage([], [binary], server({ app, ports, http, binaries: [binary], readyAfterMs: 1500 }), memoryBytes, 200, "none");
}

const K8S = ["v1.34.1", "v1.34.0", "v1.33.4", "v1.33.0", "v1.32.8", "v1.31.12"];

export const CATALOG: readonly CatalogEntry[] = [
  {
    repository: "docker.io/library/nginx",
    lines: ["1.29.1", "1.28.0", "1.27.5", "1.26.3", "1.25.5", "1.24.0", "1.23.4", "1.22.1", "1.21.6", "1.20.2", "1.19.10", "1.18.0", "1.17.10", "1.16.1", "1.15.12", "1.14.2", "1.13.12", "1.12.2", "1.11.13", "1.10.3", "1.9.15", "1.7.9"],
    tags: ["latest", "stable", "mainline"],
    variants: ["alpine", "alpine-slim", "alpine-perl", "perl", "bookworm", "bookworm-perl", "stable-alpine", "mainline-alpine"],
    size: 72_804_911,
    variantSizes: { alpine: 21_154_932, "alpine-slim": 5_306_118, "alpine-perl": 27_688_403, perl: 81_332_518, "stable-alpine": 20_961_207, "mainline-alpine": 21_154_932 },
    tagSizes: { "1.27": 72_195_292, "1.27.5": 72_195_292 },
    behaviour: serverImage(["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], server({ app: "nginx", ports: [80], http: { 80: ["/", "/index.html"] }, binaries: ["nginx", "docker-entrypoint.sh"], readyAfterMs: 40 }), 9 * MiB, 80),
  },
  {
    repository: "docker.io/library/httpd",
    lines: ["2.4.65", "2.2.34"],
    tags: ["latest"],
    variants: ["alpine", "bookworm"],
    size: 58_224_370,
    variantSizes: { alpine: 21_120_476 },
    behaviour: serverImage([], ["httpd-foreground"], server({ app: "httpd", ports: [80], http: { 80: ["/", "/index.html"] }, binaries: ["httpd-foreground", "httpd", "apachectl"], readyAfterMs: 60 }), 7 * MiB, 120),
  },
  {
    repository: "docker.io/library/redis",
    lines: ["8.2.1", "8.0.3", "7.4.5", "7.2.10", "7.0.15", "6.2.19", "6.0.20", "5.0.14", "4.0.14", "3.2.12"],
    tags: ["latest"],
    variants: ["alpine", "bookworm"],
    size: 49_510_951,
    variantSizes: { alpine: 17_284_660 },
    behaviour: serverImage(["docker-entrypoint.sh"], ["redis-server"], server({ app: "redis", ports: [6379], binaries: ["redis-server", "docker-entrypoint.sh"], readyAfterMs: 30 }), 4 * MiB, 50),
  },
  {
    repository: "docker.io/library/postgres",
    lines: ["17.6", "16.10", "15.14", "14.19", "13.22", "12.22", "11.22", "10.23", "9.6.24"],
    tags: ["latest"],
    variants: ["alpine", "bookworm", "bullseye"],
    size: 161_430_709,
    variantSizes: { alpine: 106_932_455 },
    behaviour: serverImage(["docker-entrypoint.sh"], ["postgres"], server({ app: "postgres", ports: [5432], binaries: ["postgres", "docker-entrypoint.sh"], readyAfterMs: 2600, requiredEnv: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"] }), 42 * MiB, 300),
  },
  {
    repository: "docker.io/library/mysql",
    lines: ["9.4.0", "8.4.6", "8.0.43", "5.7.44"],
    tags: ["latest", "lts", "innovation"],
    variants: ["oracle", "debian"],
    size: 244_173_018,
    behaviour: serverImage(["docker-entrypoint.sh"], ["mysqld"], server({ app: "mysql", ports: [3306, 33060], binaries: ["mysqld", "docker-entrypoint.sh"], readyAfterMs: 9000, requiredEnv: ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"] }), 380 * MiB, 1500),
  },
  {
    repository: "docker.io/library/memcached",
    lines: ["1.6.39", "1.5.22"],
    tags: ["latest"],
    variants: ["alpine", "bookworm"],
    size: 31_532_790,
    variantSizes: { alpine: 4_916_407 },
    behaviour: serverImage(["docker-entrypoint.sh"], ["memcached"], server({ app: "memcached", ports: [11211], binaries: ["memcached"], readyAfterMs: 10 }), 3 * MiB, 20),
  },
  {
    repository: "docker.io/library/mongo",
    lines: ["8.0.13", "7.0.24", "6.0.26", "5.0.31", "4.4.29"],
    tags: ["latest"],
    variants: ["jammy", "noble"],
    size: 266_041_812,
    behaviour: serverImage(["docker-entrypoint.sh"], ["mongod"], server({ app: "mongo", ports: [27017], binaries: ["mongod", "docker-entrypoint.sh"], readyAfterMs: 1800 }), 160 * MiB, 500),
  },
  {
    repository: "docker.io/library/busybox",
    lines: ["1.37.0", "1.36.1", "1.35.0", "1.34.1", "1.33.1", "1.32.1", "1.31.1", "1.30.1", "1.29.3", "1.28.4", "1.27.2", "1.26.2", "1.25.1", "1.24.2"],
    tags: ["latest", "stable", "unstable"],
    variants: ["glibc", "musl", "uclibc"],
    size: 2_222_260,
    tagSizes: { "1.28": 727_869, "1.28.4": 727_869 },
    behaviour: shellImage(["sh"], "busybox", 1 * MiB),
  },
  {
    repository: "docker.io/library/alpine",
    lines: ["3.22.1", "3.21.4", "3.20.7", "3.19.8", "3.18.12", "3.17.10", "3.16.9", "3.15.11", "3.14.10", "3.13.12", "3.12.12"],
    tags: ["latest", "edge"],
    size: 3_799_542,
    behaviour: shellImage(["/bin/sh"], "busybox", 1 * MiB),
  },
  {
    repository: "docker.io/library/ubuntu",
    tags: ["latest", "rolling", "devel", "25.04", "24.10", "24.04", "22.04", "20.04", "18.04", "16.04", "plucky", "oracular", "noble", "jammy", "focal", "bionic", "xenial"],
    size: 29_724_688,
    behaviour: shellImage(["/bin/bash"], "gnu", 2 * MiB),
  },
  {
    repository: "docker.io/library/debian",
    lines: ["13.0", "12.11", "11.11", "10.13"],
    tags: ["latest", "stable", "testing", "trixie", "bookworm", "bullseye", "buster", "stable-slim", "trixie-slim", "bookworm-slim", "bullseye-slim"],
    variants: ["slim"],
    size: 48_494_120,
    variantSizes: { slim: 28_227_259 },
    behaviour: shellImage(["bash"], "gnu", 2 * MiB),
  },
  {
    repository: "docker.io/library/python",
    lines: ["3.13.7", "3.12.11", "3.11.13", "3.10.18", "3.9.23", "3.8.20", "2.7.18"],
    tags: ["latest", "slim", "alpine"],
    variants: ["slim", "alpine", "bookworm", "slim-bookworm", "bullseye", "slim-bullseye"],
    size: 412_535_094,
    variantSizes: { slim: 41_305_716, "slim-bookworm": 41_305_716, "slim-bullseye": 45_820_002, alpine: 17_452_106 },
    behaviour: { entrypoint: [], cmd: ["python3"], userland: "gnu", memoryBytes: 10 * MiB, onStop: "ignore", shutdownMs: 0 },
  },
  {
    repository: "docker.io/library/node",
    lines: ["24.7.0", "22.19.0", "20.19.5", "18.20.8", "16.20.2"],
    tags: ["latest", "lts", "current", "slim", "alpine", "lts-alpine", "lts-slim", "current-alpine"],
    variants: ["slim", "alpine", "bookworm", "bookworm-slim", "bullseye"],
    size: 392_813_374,
    variantSizes: { slim: 75_238_301, "bookworm-slim": 75_238_301, alpine: 55_106_553 },
    behaviour: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], userland: "gnu", memoryBytes: 40 * MiB, onStop: "ignore", shutdownMs: 0 },
  },
  {
    repository: "registry.k8s.io/pause",
    tags: ["3.10.1", "3.10", "3.9", "3.8", "3.7", "3.6", "3.5", "3.4.1", "3.2", "3.1", "latest"],
    size: 320_368,
    behaviour: serverImage([], ["/pause"], server({ app: "pause", ports: [], binaries: ["pause"], readyAfterMs: 0 }), 300 * 1024, 5, "none"),
  },
  {
    repository: "registry.k8s.io/coredns/coredns",
    tags: ["v1.12.3", "v1.12.2", "v1.12.1", "v1.12.0", "v1.11.4", "v1.11.3", "v1.11.1", "v1.10.1", "v1.9.3", "v1.8.6"],
    size: 22_384_805,
    behaviour: serverImage(["/coredns"], [], server({ app: "coredns", ports: [53, 8080, 8181, 9153], http: { 8080: ["/health"], 8181: ["/ready"], 9153: ["/metrics"] }, binaries: ["coredns"], readyAfterMs: 900 }), 14 * MiB, 5000, "none"),
  },
  { repository: "registry.k8s.io/kube-proxy", tags: K8S, size: 26_010_573, behaviour: kubeImage("kube-proxy", "kube-proxy", [10249, 10256], { 10256: ["/healthz", "/livez"], 10249: ["/metrics"] }, 24 * MiB) },
  { repository: "registry.k8s.io/kube-apiserver", tags: K8S, size: 27_065_814, behaviour: kubeImage("kube-apiserver", "kube-apiserver", [6443], { 6443: ["/livez", "/readyz", "/healthz", "/version"] }, 260 * MiB) },
  { repository: "registry.k8s.io/kube-controller-manager", tags: K8S, size: 22_819_474, behaviour: kubeImage("kube-controller-manager", "kube-controller-manager", [10257], { 10257: ["/healthz"] }, 60 * MiB) },
  { repository: "registry.k8s.io/kube-scheduler", tags: K8S, size: 17_385_568, behaviour: kubeImage("kube-scheduler", "kube-scheduler", [10259], { 10259: ["/healthz", "/livez", "/readyz"] }, 30 * MiB) },
  { repository: "registry.k8s.io/etcd", tags: ["3.6.4-0", "3.6.1-1", "3.5.21-0", "3.5.16-0", "3.5.15-0", "3.5.12-0"], size: 74_311_308, behaviour: kubeImage("etcd", "etcd", [2379, 2380, 2381], { 2381: ["/health", "/livez", "/readyz", "/metrics"] }, 70 * MiB) },
  {
    repository: "docker.io/hashicorp/http-echo",
    tags: ["latest", "1.0.0", "1.0", "0.2.3"],
    size: 3_607_162,
    behaviour: serverImage(["/http-echo"], [], server({ app: "http-echo", ports: [5678], http: { 5678: ["*"] }, binaries: ["http-echo"], readyAfterMs: 5 }), 5 * MiB, 10, "none"),
  },
  {
    repository: "docker.io/traefik/whoami",
    tags: ["latest", "v1.11.0", "v1.10.3", "v1.10.2", "v1.10", "v1.9.0", "v1.8.7"],
    size: 2_934_178,
    behaviour: serverImage(["/whoami"], [], server({ app: "whoami", ports: [80], http: { 80: ["*"] }, binaries: ["whoami"], readyAfterMs: 5 }), 4 * MiB, 10, "none"),
  },
  {
    repository: "gcr.io/google-samples/hello-app",
    tags: ["1.0", "2.0"],
    size: 11_271_003,
    behaviour: serverImage([], ["./hello-app"], server({ app: "hello-app", ports: [8080], http: { 8080: ["*"] }, binaries: ["hello-app"], readyAfterMs: 5 }), 5 * MiB, 10, "none"),
  },
  {
    repository: "us-docker.pkg.dev/google-samples/containers/gke/hello-app",
    tags: ["1.0", "2.0"],
    size: 11_271_003,
    behaviour: serverImage([], ["./hello-app"], server({ app: "hello-app", ports: [8080], http: { 8080: ["*"] }, binaries: ["hello-app"], readyAfterMs: 5 }), 5 * MiB, 10, "none"),
  },
  {
    repository: "docker.io/polinux/stress",
    tags: ["latest", "1.0.4"],
    size: 4_228_112,
    behaviour: shellImage(["/bin/sh"], "busybox", 1 * MiB),
  },
];

const BY_REPOSITORY = new Map(CATALOG.map((e) => [e.repository, e]));

export function catalogEntry(repository: string): CatalogEntry | undefined {
  return BY_REPOSITORY.get(repository);
}

/** The short names of official docker.io images in the catalogue (for typo detection). */
export const LIBRARY_NAMES: readonly string[] = CATALOG.filter((e) => e.repository.startsWith("docker.io/library/")).map((e) => e.repository.slice("docker.io/library/".length));
