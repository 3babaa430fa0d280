/**
 * What an image is and does: the data behind both the registry (does this tag exist, how big
 * is it) and the simulated process (what runs when the container starts).
 */

/** Which userland the image ships: decides `cat`'s error wording and whether exec finds `sh`. */
export type Userland = "busybox" | "gnu" | "none";

/** Server behaviours with their own logs (see process/serverApps.ts). */
export type ServerApp =
  | "nginx"
  | "httpd"
  | "redis"
  | "postgres"
  | "mysql"
  | "memcached"
  | "mongo"
  | "coredns"
  | "http-echo"
  | "whoami"
  | "hello-app"
  | "python-http"
  | "kube-apiserver"
  | "kube-controller-manager"
  | "kube-scheduler"
  | "kube-proxy"
  | "etcd"
  | "pause"
  | "generic";

export interface ServerSpec {
  app: ServerApp;
  /** Ports it listens on once ready. */
  ports: readonly number[];
  /** HTTP ports and the paths answered 200 there (`*` = every path); other listening ports are not HTTP. */
  http: Readonly<Record<number, readonly string[]>>;
  /** argv[0] basenames that start this server (besides the image's default command). */
  binaries: readonly string[];
  /** Virtual ms from start until the ports accept connections. */
  readyAfterMs: number;
  /** Environment the entrypoint insists on (any one of them): without it the server exits 1. */
  requiredEnv?: readonly string[];
}

export interface ImageBehaviour {
  entrypoint: readonly string[];
  cmd: readonly string[];
  userland: Userland;
  /** Set when the default command is a server. */
  server?: ServerSpec;
  /** Resident memory of the default process once started. */
  memoryBytes: number;
  /**
   * What PID 1 does with the stop signal: servers shut down gracefully (exit 0);
   * shells and sleepers ignore SIGTERM as PID 1 and are SIGKILLed after the grace period.
   */
  onStop: "graceful" | "ignore";
  /** Virtual ms a graceful shutdown takes. */
  shutdownMs: number;
}

/** A tag the registry knows, resolved to what the runtime stores and runs. */
export interface ResolvedImage {
  /** `docker.io/library/nginx:1.27` */
  canonical: string;
  repository: string;
  tag: string | undefined;
  /** Concrete version the tag points at (for logs): `1.27.5`; undefined when unknown. */
  version: string | undefined;
  /** Compressed size, as the `Pulled` event reports it. */
  sizeBytes: number;
  /** `sha256:<64 hex>`: the manifest digest. */
  digest: string;
  /** `docker.io/library/nginx@sha256:…`: ContainerStatus.imageID. */
  repoDigest: string;
  /** `sha256:<64 hex>`: the image (config) id CRI returns from PullImage. */
  imageId: string;
  behaviour: ImageBehaviour;
  /** False for images not in the catalogue (sizes and behaviour are derived). */
  catalogued: boolean;
}
