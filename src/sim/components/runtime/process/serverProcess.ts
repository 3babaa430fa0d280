/** A container running a server: listens once ready, answers HTTP, logs like the real image. */
import type { ServerApp, ServerSpec } from "../imageTypes";
import { BaseProcess, type OnExit } from "./baseProcess";
import { byteLength, respond } from "./serverHttp";
import { missingEnvLogs, startupLogs, stopLogs, type AppContext } from "./serverLogs";
import type { ExecOutcome, HttpOutcome, HttpRequest, LogLine, ProcessSpec, Scheduler } from "./types";

export interface ServerLaunch {
  app: ServerApp;
  server: ServerSpec;
  ports: readonly number[];
  /** HTTP ports → paths answered 200. */
  http: Readonly<Record<number, readonly string[]>>;
  /** Whether the image's entrypoint checks its required environment. */
  checkEnv: boolean;
  echoText: string;
}

export class ServerProcess extends BaseProcess {
  /** What the app's logs and answers are made from; built on first use (most servers are never asked). */
  private appCtx: AppContext | undefined;
  private readonly readyAt: number;
  private startup: LogLine[] | undefined;
  private stopping = false;

  constructor(
    spec: ProcessSpec,
    sched: Scheduler,
    onExit: OnExit,
    private readonly launch: ServerLaunch,
  ) {
    super(launch.app, spec, sched, onExit, spec.image.behaviour.memoryBytes);
    const now = sched.now();
    this.readyAt = now + launch.server.readyAfterMs;
    const required = launch.server.requiredEnv;
    if (launch.checkEnv && required && !required.some((name) => (spec.env?.[name] ?? "") !== "")) {
      this.startup = [];
      const lines = missingEnvLogs(this.ctx, now);
      this.schedule(30, () => {
        for (const l of lines) this.push({ ...l, at: this.sched.now() });
        this.finish(1);
      });
      return;
    }
    const limit = this.limit;
    if (limit !== undefined && limit < this.memory) {
      // The cgroup limit is below what the server needs: killed while it starts.
      this.schedule(Math.max(20, Math.floor(launch.server.readyAfterMs / 2)), () => this.finish(137, "OOMKilled"));
    }
  }

  private get ctx(): AppContext {
    const spec = this.spec;
    this.appCtx ??= {
      app: this.launch.app,
      version: spec.image.version,
      startedAt: this.startedAt,
      readyAt: this.readyAt,
      cpus: spec.cpus ?? 4,
      podIP: spec.podIP,
      hostname: spec.hostname,
      ports: this.launch.ports,
    };
    return this.appCtx;
  }

  private get ready(): boolean {
    return this.running && !this.stopping && this.sched.now() >= this.readyAt;
  }

  override logs(): LogLine[] {
    // Startup lines are derived from the start time on first read, not stored per container.
    this.startup ??= startupLogs(this.ctx);
    const now = this.sched.now();
    const end = this.finishedAt ?? now;
    const visible = this.startup.filter((l) => l.at <= end);
    return [...visible, ...super.logs()];
  }

  override listening(port: number): boolean {
    return this.ready && this.launch.ports.includes(port);
  }

  override http(req: HttpRequest): HttpOutcome {
    if (!this.listening(req.port)) return { kind: "refused" };
    const paths = this.launch.http[req.port];
    if (!paths) return { kind: "eof" };
    const reply = respond(this.ctx, paths, req, this.sched.now(), { echoText: this.launch.echoText });
    for (const l of reply.logs) this.push(l);
    return { kind: "response", status: reply.status, bytes: byteLength(reply.body), body: reply.body };
  }

  /** Graceful shutdown on the stop signal (nginx SIGQUIT, httpd SIGWINCH, others SIGTERM). */
  signal(sig: "SIGTERM" | "SIGKILL"): void {
    if (sig === "SIGKILL") {
      this.finish(137);
      return;
    }
    if (this.stopping || !this.running) return;
    this.stopping = true;
    const behaviour = this.spec.image.behaviour;
    if (behaviour.onStop === "ignore") return;
    this.startup ??= startupLogs(this.ctx);
    for (const l of stopLogs(this.ctx, this.sched.now())) this.push(l);
    this.schedule(behaviour.shutdownMs, () => this.finish(0));
  }

  /** Health commands database images ship, used by exec probes. */
  protected override execExtra(argv: readonly string[]): ExecOutcome | undefined {
    const cmd = argv[0].slice(argv[0].lastIndexOf("/") + 1);
    const up = this.ready;
    switch (cmd) {
      case "redis-cli":
        if (this.launch.app !== "redis") return undefined;
        return up ? { kind: "exited", exitCode: 0, output: "PONG\n" } : { kind: "exited", exitCode: 1, output: "Could not connect to Redis at 127.0.0.1:6379: Connection refused\n" };
      case "pg_isready":
        if (this.launch.app !== "postgres") return undefined;
        return up ? { kind: "exited", exitCode: 0, output: "/var/run/postgresql:5432 - accepting connections\n" } : { kind: "exited", exitCode: 2, output: "/var/run/postgresql:5432 - no response\n" };
      case "mysqladmin":
        if (this.launch.app !== "mysql") return undefined;
        return up ? { kind: "exited", exitCode: 0, output: "mysqld is alive\n" } : { kind: "exited", exitCode: 1, output: "mysqladmin: connect to server at 'localhost' failed\n" };
      default:
        return undefined;
    }
  }
}
