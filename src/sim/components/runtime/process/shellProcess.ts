/** A container whose command is a shell script or a single command: runs the interpreter over virtual time. */
import { BaseProcess, type OnExit } from "./baseProcess";
import { Shell, type Gen } from "./shell";
import type { ProcessSpec, Scheduler } from "./types";

export class ShellProcess extends BaseProcess {
  private gen: Gen | undefined;
  private readonly shell: Shell;
  private readonly traps = new Map<string, string>();
  /** A trapped SIGTERM waits for the command in the foreground to finish, as in sh. */
  private pendingTerm = false;

  constructor(spec: ProcessSpec, sched: Scheduler, onExit: OnExit, argv: string[], description: string) {
    super(description, spec, sched, onExit, 1024 * 1024);
    this.shell = new Shell(
      { fs: this.fs, userland: this.userland, hostname: spec.hostname, now: () => sched.now(), allocate: (b) => this.allocate(b), traps: this.traps },
      this.env,
    );
    this.gen = this.shell.runArgv(argv, this.io);
    // Start on the next tick, so the caller has the process before it can exit.
    this.schedule(0, () => this.step());
  }

  private readonly io = { out: (t: string) => this.write("stdout", t), err: (t: string) => this.write("stderr", t), stdin: undefined };

  private step(): void {
    let gen = this.gen;
    if (!gen || !this.running) return;
    const handler = this.traps.get("TERM");
    if (this.pendingTerm && handler !== undefined) {
      this.pendingTerm = false;
      gen = this.gen = this.shell.trapThenResume(handler, this.io, gen);
    }
    const r = gen.next();
    if (!this.running) return;
    if (r.done) {
      this.gen = undefined;
      this.finish(r.value);
    } else if (r.value !== Infinity) {
      this.schedule(r.value, () => this.step());
    }
    // Infinity: blocked for good (an unknown program, `sleep infinity`, `tail -f`).
  }

  /**
   * PID 1 without a handler ignores SIGTERM; with `trap … TERM` the handler runs once the
   * foreground command (a `sleep`) returns. SIGKILL always works (exit 137).
   */
  signal(sig: "SIGTERM" | "SIGKILL"): void {
    if (sig === "SIGKILL") this.finish(137);
    else if (this.traps.get("TERM")) this.pendingTerm = true;
  }

  override finish(code: number, reason?: "Completed" | "Error" | "OOMKilled"): void {
    this.gen = undefined;
    super.finish(code, reason);
  }
}
