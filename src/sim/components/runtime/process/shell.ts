/**
 * Runs parsed shell scripts over virtual time. The interpreter is a generator: it yields the
 * milliseconds it wants to sleep (Infinity = blocks for good, e.g. an unknown long-running
 * program) and returns the exit status; the driver (process.ts) resumes it with `after(ms)`.
 */
import type { Userland } from "../imageTypes";
import type { FileSystem } from "./filesystem";
import { BUILTINS, isShellName, type BuiltinContext } from "./builtins";
import { evalArith } from "./shellArith";
import { parseShell, ShellSyntaxError, type Command, type List, type Pipeline, type Redir, type Word } from "./shellSyntax";

/** Yields ms to sleep, returns a value. */
export type Gen<T = number> = Generator<number, T, void>;

export class ShellExit {
  constructor(readonly code: number) {}
}

export interface ShellHost {
  fs: FileSystem;
  userland: Userland;
  hostname: string;
  now(): number;
  /** Memory the process's children allocate (stress, tail /dev/zero); may OOM-kill the process. */
  allocate(bytes: number): void;
  /** `trap` handlers by signal name (TERM, INT, …), shared by the process's shells. */
  traps?: Map<string, string>;
}

export interface IO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** undefined: stdin is closed (as in a container without `stdin: true`). */
  stdin: string | undefined;
}

/** Loop iterations in a row that passed no virtual time before the loop yields (busy loops). */
const BUSY_BATCH = 100;
const BUSY_PAUSE_MS = 100;

export class Shell {
  status = 0;
  private slept = 0;

  constructor(
    private readonly host: ShellHost,
    readonly vars: Map<string, string>,
    private readonly positional: string[] = ["sh"],
  ) {}

  get name(): string {
    return this.host.userland === "busybox" ? "sh" : (this.positional[0] ?? "sh");
  }

  /** Runs a script; syntax errors print like sh and exit 2. */
  *runScript(script: string, io: IO): Gen {
    let list: List;
    try {
      list = parseShell(script);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err(`${this.name}: ${e.message}\n`);
      return 2;
    }
    try {
      return yield* this.list(list, io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  }

  /** Runs one command given as argv (no parsing): `command: ["sleep", "10"]`. */
  *runArgv(argv: string[], io: IO): Gen {
    try {
      return yield* this.invoke(argv, io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  }

  /** Runs a trap handler, then resumes `rest` (the script where the signal found it); `exit` in the handler ends all. */
  *trapThenResume(handler: string, io: IO, rest: Gen): Gen {
    try {
      yield* this.list(parseShell(handler), io);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      if (!(e instanceof ShellSyntaxError)) throw e;
    }
    return yield* rest;
  }

  private *sleep(ms: number): Gen<void> {
    if (ms > 0) this.slept++;
    yield ms;
  }

  *list(list: List, io: IO): Gen {
    for (const item of list) {
      let status = yield* this.pipeline(item.first, io);
      for (const { op, p } of item.rest) {
        if ((op === "&&" && status === 0) || (op === "||" && status !== 0)) status = yield* this.pipeline(p, io);
      }
      this.status = status;
    }
    return this.status;
  }

  private *pipeline(p: Pipeline, io: IO): Gen {
    let status = 0;
    let stdin = io.stdin;
    for (let i = 0; i < p.cmds.length; i++) {
      const last = i === p.cmds.length - 1;
      let captured = "";
      const stageIO: IO = last ? { ...io, stdin } : { out: (t) => (captured += t), err: io.err, stdin };
      status = yield* this.command(p.cmds[i], stageIO);
      stdin = captured;
    }
    this.status = p.negate ? (status === 0 ? 1 : 0) : status;
    return this.status;
  }

  private *command(cmd: Command, io0: IO): Gen {
    const io = yield* this.redirect(cmd.redirs, io0);
    if (!io) return 1;
    switch (cmd.k) {
      case "simple": {
        const argv: string[] = [];
        for (const w of cmd.words) argv.push(...(yield* this.expand(w)));
        for (const a of cmd.assigns) this.vars.set(a.name, (yield* this.expand(a.value, true)).join(" "));
        if (argv.length === 0) return 0;
        return yield* this.invoke(argv, io);
      }
      case "loop": {
        let status = 0;
        let idle = 0;
        for (;;) {
          const before = this.slept;
          const c = yield* this.list(cmd.cond, io);
          if ((c === 0) === cmd.until) break;
          status = yield* this.list(cmd.body, io);
          if (this.slept === before && ++idle % BUSY_BATCH === 0) yield* this.sleep(BUSY_PAUSE_MS);
        }
        return status;
      }
      case "for": {
        const items: string[] = [];
        if (cmd.items) for (const w of cmd.items) items.push(...(yield* this.expand(w)));
        else items.push(...this.positional.slice(1));
        let status = 0;
        for (const item of items) {
          this.vars.set(cmd.name, item);
          status = yield* this.list(cmd.body, io);
        }
        return status;
      }
      case "if": {
        for (const b of cmd.branches) {
          if ((yield* this.list(b.cond, io)) === 0) return yield* this.list(b.body, io);
        }
        return cmd.otherwise ? yield* this.list(cmd.otherwise, io) : 0;
      }
      case "group": {
        if (!cmd.subshell) return yield* this.list(cmd.body, io);
        const sub = new Shell(this.host, new Map(this.vars), this.positional);
        try {
          return yield* sub.list(cmd.body, io);
        } catch (e) {
          if (e instanceof ShellExit) return e.code;
          throw e;
        }
      }
    }
  }

  private *redirect(redirs: Redir[], io: IO): Gen<IO | undefined> {
    let out = io.out;
    let err = io.err;
    let stdin = io.stdin;
    const fs = this.host.fs;
    for (const r of redirs) {
      if (r.op === "2>&1") err = out;
      else if (r.op === ">&2") out = err;
      else {
        const path = (yield* this.expand(r.target ?? [], true)).join(" ");
        if (r.op === "<") {
          const content = fs.read(path);
          if (content === undefined) {
            io.err(`${this.name}: can't open '${path}': No such file or directory\n`);
            return undefined;
          }
          stdin = content;
          continue;
        }
        const append = r.op === ">>" || r.op === "2>>";
        if (!fs.write(path, "", append)) {
          io.err(`${this.name}: can't create ${path}: nonexistent directory\n`);
          return undefined;
        }
        const writer = (t: string) => void fs.write(path, t, true);
        if (r.op === ">" || r.op === ">>") out = writer;
        else if (r.op === "2>" || r.op === "2>>") err = writer;
        else out = err = writer;
      }
    }
    return { out, err, stdin };
  }

  /** Expands a word into fields (one field when `single`). */
  *expand(word: Word, single = false): Gen<string[]> {
    const fields: string[] = [];
    let cur = "";
    let has = false;
    const addSplit = (value: string) => {
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, k) => {
        if (k > 0 && has) {
          fields.push(cur);
          cur = "";
          has = false;
        }
        if (piece !== "") {
          cur += piece;
          has = true;
        }
      });
    };
    for (const part of word) {
      let value: string;
      if (part.t === "lit") {
        cur += part.v;
        has = has || part.q || part.v !== "";
        continue;
      } else if (part.t === "var") {
        value = this.lookup(part.name) ?? "";
        if (value === "" && part.def) value = (yield* this.expand(part.def, true)).join(" ");
      } else if (part.t === "arith") {
        value = String(evalArith(part.expr, (n) => this.lookup(n)));
      } else {
        let captured = "";
        const sub = new Shell(this.host, new Map(this.vars), this.positional);
        yield* sub.runScript(part.script, { out: (t) => (captured += t), err: () => undefined, stdin: undefined });
        this.status = sub.status;
        value = captured.replace(/\n+$/, "");
      }
      if (part.q || single) {
        cur += value;
        has = true;
      } else addSplit(value);
    }
    if (has) fields.push(cur);
    return single ? [fields.join(" ")] : fields;
  }

  private lookup(name: string): string | undefined {
    if (name === "?") return String(this.status);
    if (name === "$") return "1";
    if (name === "#") return String(Math.max(0, this.positional.length - 1));
    if (name === "@" || name === "*") return this.positional.slice(1).join(" ");
    if (/^\d$/.test(name)) return this.positional[Number(name)];
    return this.vars.get(name);
  }

  /** Runs a command by name: a builtin, a nested shell, or an unknown program that runs for good. */
  *invoke(argv: string[], io: IO): Gen {
    const name = argv[0].includes("/") ? argv[0].slice(argv[0].lastIndexOf("/") + 1) : argv[0];
    if (name === "exit") throw new ShellExit(argv[1] === undefined ? this.status : (Number.parseInt(argv[1], 10) & 255) || 0);
    if (name === "bash" && this.host.userland === "busybox") {
      io.err(`sh: bash: not found\n`);
      return 127;
    }
    if (isShellName(name)) {
      const c = argv.indexOf("-c");
      // `sh -c script arg0 arg1…`: $0 is arg0 when given.
      const positional = c >= 0 && argv.length > c + 2 ? argv.slice(c + 2) : [name];
      const sub = new Shell(this.host, new Map(this.vars), positional);
      if (c >= 0) {
        if (argv[c + 1] === undefined) {
          io.err(`${name}: -c requires an argument\n`);
          return 2;
        }
        return yield* sub.runScript(argv[c + 1], io);
      }
      if (argv.length > 1) {
        const script = this.host.fs.read(argv[1]);
        if (script === undefined) {
          io.err(`${name}: can't open '${argv[1]}': No such file or directory\n`);
          return 2;
        }
        return yield* sub.runScript(script, io);
      }
      // An interactive shell whose stdin is closed reads EOF and exits.
      return io.stdin === undefined ? 0 : yield* sub.runScript(io.stdin, { ...io, stdin: undefined });
    }
    const builtin = BUILTINS[name];
    if (!builtin) {
      // Outside the subset: a program that runs until it is stopped.
      yield* this.sleep(Infinity);
      return 0;
    }
    const ctx: BuiltinContext = {
      io,
      fs: this.host.fs,
      vars: this.vars,
      userland: this.host.userland,
      hostname: this.host.hostname,
      now: () => this.host.now(),
      allocate: (b) => this.host.allocate(b),
      sleep: (ms) => this.sleep(ms),
      traps: this.host.traps,
    };
    return yield* builtin(ctx, argv.slice(1));
  }
}
