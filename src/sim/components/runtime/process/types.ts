/** The contract between a simulated process and whoever runs it (the container runtime). */
import type { ImageBehaviour } from "../imageTypes";

export type Stream = "stdout" | "stderr";

export interface LogLine {
  /** Virtual ms when it was written. */
  at: number;
  stream: Stream;
  text: string;
}

/** containerd's reason for a finished container. */
export type ExitReason = "Completed" | "Error" | "OOMKilled";

/** The virtual clock a process lives on (the runtime passes the Kernel's). */
export interface Scheduler {
  now(): number;
  after(ms: number, fn: () => void): { cancel(): void };
}

export interface ProcessSpec {
  image: {
    behaviour: ImageBehaviour;
    /** Concrete version for banners (`1.27.5`). */
    version?: string;
    /** False for uncatalogued images: they listen on `declaredPorts`. */
    catalogued: boolean;
  };
  command?: readonly string[];
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  /** The pod's hostname (pod name). */
  hostname: string;
  podIP: string;
  memoryLimitBytes?: number;
  /** containerPorts from the pod spec. */
  declaredPorts?: readonly number[];
  /** CPUs of the node (nginx starts one worker per CPU). */
  cpus?: number;
}

export interface HttpRequest {
  method?: string;
  path: string;
  port: number;
  clientIp: string;
  userAgent: string;
  /** Host header; defaults to `<podIP>:<port>`. */
  host?: string;
}

export type HttpOutcome =
  | { kind: "response"; status: number; bytes: number; body: string }
  /** Nothing listens on the port (yet): `connect: connection refused`. */
  | { kind: "refused" }
  /** Something listens but does not speak HTTP: the client reads `EOF`. */
  | { kind: "eof" };

export type ExecOutcome =
  | { kind: "exited"; exitCode: number; output: string }
  /** The binary is not in the image (CRI ExecSync fails). */
  | { kind: "not-found"; command: string }
  /** It did not finish within the timeout (virtual time does not pass during exec). */
  | { kind: "timeout"; output: string };

/** How the process came out of start: running, or refused to start (CRI StartContainer fails). */
export type StartError = { message: string };

export interface Process {
  /** What it is, for inspectors: `nginx`, `sh -c`, `sleep`, `program`. */
  readonly description: string;
  readonly running: boolean;
  readonly exitCode: number | undefined;
  readonly exitReason: ExitReason | undefined;
  /** Everything written so far, oldest first (bounded). */
  logs(): LogLine[];
  /** Resident memory now. */
  memoryBytes(): number;
  /** True when a TCP connect to `port` would succeed now. */
  listening(port: number): boolean;
  /** One HTTP request to the process; logs it as the app would. */
  http(req: HttpRequest): HttpOutcome;
  /** Runs a command inside the container (exec probes, kubectl exec), without virtual time passing. */
  exec(argv: readonly string[], timeoutMs?: number): ExecOutcome;
  /** SIGTERM (the image's stop signal) or SIGKILL. */
  signal(sig: "SIGTERM" | "SIGKILL"): void;
  /** Kills the process now as a crash would (fault injection). */
  crash(exitCode: number): void;
}
