/** A container whose command is a shell script or a single command: runs the interpreter over virtual time. */
import { BaseProcess, type OnExit } from "./baseProcess";
import { Shell, type Gen } from "./shell";
import type { ProcessSpec, Scheduler } from "./types";

export class ShellProcess extends BaseProcess {
  private gen: Gen | undefined;

  constructor(spec: ProcessSpec, sched: Scheduler, onExit: OnExit, argv: string[], description: string) {
    super(description, spec, sched, onExit, 1024 * 1024);
    const shell = new Shell(
      { fs: this.fs, userland: this.userland, hostname: spec.hostname, now: () => sched.now(), allocate: (b) => this.allocate(b) },
      this.env,
    );
    this.gen = shell.runArgv(argv, { out: (t) => this.write("stdout", t), err: (t) => this.write("stderr", t), stdin: undefined });
    // Start on the next tick, so the caller has the process before it can exit.
    this.schedule(0, () => this.step());
  }

  private step(): void {
    const gen = this.gen;
    if (!gen || !this.running) return;
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

  /** PID 1 without a handler ignores SIGTERM; SIGKILL always works (exit 137). */
  signal(sig: "SIGTERM" | "SIGKILL"): void {
    if (sig === "SIGKILL") this.finish(137);
  }

  override finish(code: number, reason?: "Completed" | "Error" | "OOMKilled"): void {
    this.gen = undefined;
    super.finish(code, reason);
  }
}
