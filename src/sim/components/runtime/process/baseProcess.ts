/** What every simulated process shares: logs, memory, a writable layer, exit and signals. */
import type { Userland } from "../imageTypes";
import { FileSystem } from "./filesystem";
import { Shell, type ShellHost } from "./shell";
import type { ExecOutcome, ExitReason, HttpOutcome, HttpRequest, LogLine, Process, ProcessSpec, Scheduler, Stream } from "./types";

/** Log lines kept per container (older ones are dropped, as log rotation would). */
export const MAX_LOG_LINES = 5000;
/** A process without a memory limit is killed when it reaches the node's memory. */
export const UNLIMITED_MEMORY_CEILING = 16 * 1024 ** 3;

export type OnExit = (code: number, reason: ExitReason) => void;

interface Pending {
  cancel(): void;
}

export abstract class BaseProcess implements Process {
  running = true;
  exitCode: number | undefined;
  exitReason: ExitReason | undefined;
  finishedAt: number | undefined;
  protected readonly startedAt: number;
  protected memory: number;
  // Made on first use: 30,000 quiet containers must stay cheap.
  private files: FileSystem | undefined;
  private vars: Map<string, string> | undefined;
  private lines: LogLine[] | undefined;
  private partial: Record<Stream, string> | undefined;
  private timers: Set<Pending> | undefined;

  constructor(
    readonly description: string,
    protected readonly spec: ProcessSpec,
    protected readonly sched: Scheduler,
    private readonly onExit: OnExit,
    baseMemory: number,
  ) {
    this.startedAt = sched.now();
    this.memory = baseMemory;
  }

  /** The process environment (what `env` prints and `$VAR` reads). */
  get env(): Map<string, string> {
    this.vars ??= new Map([["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], ["HOSTNAME", this.spec.hostname], ["HOME", "/root"], ...Object.entries(this.spec.env ?? {})]);
    return this.vars;
  }

  /** The writable layer; /etc/hostname and /etc/hosts are the kubelet's. */
  get fs(): FileSystem {
    this.files ??= new FileSystem((path) => {
      if (path === "/etc/hostname") return `${this.spec.hostname}\n`;
      if (path === "/etc/hosts") return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${this.spec.podIP}\t${this.spec.hostname}\n`;
      return undefined;
    });
    return this.files;
  }

  protected get userland(): Userland {
    return this.spec.image.behaviour.userland;
  }

  protected get limit(): number | undefined {
    return this.spec.memoryLimitBytes;
  }

  /** Runs `fn` after `ms` unless the process has exited by then. */
  protected schedule(ms: number, fn: () => void): void {
    const holder: { t?: Pending } = {};
    holder.t = this.sched.after(ms, () => {
      if (holder.t) this.timers?.delete(holder.t);
      if (this.running) fn();
    });
    (this.timers ??= new Set()).add(holder.t);
  }

  /** Appends output, one log line per newline-terminated line. */
  write(stream: Stream, text: string): void {
    if (!this.running) return;
    const partial = (this.partial ??= { stdout: "", stderr: "" });
    const all = partial[stream] + text;
    const parts = all.split("\n");
    partial[stream] = parts.pop() ?? "";
    const at = this.sched.now();
    for (const p of parts) this.push({ at, stream, text: p });
  }

  protected push(line: LogLine): void {
    const lines = (this.lines ??= []);
    lines.push(line);
    if (lines.length > MAX_LOG_LINES * 1.2) lines.splice(0, lines.length - MAX_LOG_LINES);
  }

  logs(): LogLine[] {
    return this.lines ? this.lines.slice() : [];
  }

  memoryBytes(): number {
    return this.running ? this.memory : 0;
  }

  /** Memory grows; past the cgroup limit the kernel OOM-kills the container. */
  allocate(bytes: number): void {
    if (!this.running) return;
    this.memory += bytes;
    if (this.memory > (this.limit ?? UNLIMITED_MEMORY_CEILING)) this.finish(137, "OOMKilled");
  }

  listening(_port: number): boolean {
    return false;
  }

  http(_req: HttpRequest): HttpOutcome {
    return { kind: "refused" };
  }

  /** Ends the process: flushes partial lines, cancels its timers, tells the runtime. */
  finish(code: number, reason?: ExitReason): void {
    if (!this.running) return;
    for (const stream of ["stdout", "stderr"] as const) if (this.partial?.[stream]) this.write(stream, "\n");
    this.running = false;
    this.finishedAt = this.sched.now();
    this.exitCode = code;
    this.exitReason = reason ?? (code === 0 ? "Completed" : "Error");
    if (this.timers) for (const t of this.timers) t.cancel();
    this.timers = undefined;
    this.onExit(code, this.exitReason);
  }

  abstract signal(sig: "SIGTERM" | "SIGKILL"): void;

  crash(exitCode: number): void {
    this.finish(exitCode);
  }

  /** Commands a probe or `kubectl exec` may run that are not in the shell subset. */
  protected execExtra(_argv: readonly string[]): ExecOutcome | undefined {
    return undefined;
  }

  exec(argv: readonly string[], timeoutMs = 1000): ExecOutcome {
    if (argv.length === 0) return { kind: "not-found", command: "" };
    const extra = this.execExtra(argv);
    if (extra) return extra;
    if (this.userland === "none") return { kind: "not-found", command: argv[0] };
    let output = "";
    const host: ShellHost = { fs: this.fs, userland: this.userland, hostname: this.spec.hostname, now: () => this.sched.now(), allocate: () => undefined };
    const shell = new Shell(host, new Map(this.env));
    const gen = shell.runArgv([...argv], { out: (t) => (output += t), err: (t) => (output += t), stdin: undefined });
    let slept = 0;
    for (let i = 0; i < 100_000; i++) {
      const r = gen.next();
      if (r.done) return { kind: "exited", exitCode: r.value, output };
      slept += r.value;
      if (slept > timeoutMs) break;
    }
    return { kind: "timeout", output };
  }
}
