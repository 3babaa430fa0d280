/**
 * The commands the shell subset knows, with busybox and GNU coreutils wording where they differ.
 * Everything else a script runs is treated as a program that runs until stopped.
 */
import type { Userland } from "../imageTypes";
import { civil, dateCommand, p2, isoDate, hms } from "./clock";
import type { FileSystem } from "./filesystem";
import type { Gen, IO } from "./shell";

export interface BuiltinContext {
  io: IO;
  fs: FileSystem;
  vars: Map<string, string>;
  userland: Userland;
  hostname: string;
  now(): number;
  allocate(bytes: number): void;
  sleep(ms: number): Gen<void>;
  traps?: Map<string, string>;
}

/** `TERM`, `SIGTERM`, `15` → `TERM`. */
export function signalName(s: string): string {
  const n = s.toUpperCase().replace(/^SIG/, "");
  return { "15": "TERM", "2": "INT", "3": "QUIT", "1": "HUP", "0": "EXIT" }[n] ?? n;
}

type Builtin = (ctx: BuiltinContext, args: string[]) => Gen;

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);
export function isShellName(name: string): boolean {
  return SHELLS.has(name);
}

/** `10`, `1.5`, `2m`, `1h`, `infinity` → ms; undefined if invalid. */
export function parseSleep(arg: string): number | undefined {
  if (arg === "infinity" || arg === "inf") return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]] ?? 1000;
  return Math.round(Number(m[1]) * unit);
}

/** `250M`, `1G`, `512k`, `100Mi` → bytes (stress accepts B K M G). */
export function parseSize(arg: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)i?[bB]?$/.exec(arg);
  if (!m) return undefined;
  const mult = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * mult);
}

// A builtin that finishes without sleeping is still a generator, so the interpreter treats all alike.
// eslint-disable-next-line require-yield
function* done(status: number): Gen {
  return status;
}

function escapes(s: string): string {
  return s.replace(/\\(n|t|\\|c)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c === "\\" ? "\\" : ""));
}

function noSuchFile(ctx: BuiltinContext, path: string, verb: "open" | "remove" | "access" | "touch"): void {
  const bb = ctx.userland === "busybox";
  const text =
    verb === "open"
      ? bb ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`
      : verb === "remove"
        ? bb ? `rm: can't remove '${path}': No such file or directory` : `rm: cannot remove '${path}': No such file or directory`
        : verb === "access"
          ? bb ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`
          : bb ? `touch: ${path}: No such file or directory` : `touch: cannot touch '${path}': No such file or directory`;
  ctx.io.err(`${text}\n`);
}

function formatDate(ms: number, fmt: string): string {
  const c = civil(ms);
  return fmt.replace(/%([a-zA-Z%])/g, (_, f: string) => {
    switch (f) {
      case "Y": return String(c.y);
      case "m": return p2(c.mo);
      case "d": return p2(c.d);
      case "e": return String(c.d).padStart(2, " ");
      case "H": return p2(c.h);
      case "M": return p2(c.mi);
      case "S": return p2(c.s);
      case "s": return String(c.unix);
      case "T": return hms(c);
      case "F": return isoDate(ms);
      case "a": return c.weekday;
      case "b": return c.month;
      case "Z": return "UTC";
      case "z": return "+0000";
      case "%": return "%";
      default: return `%${f}`;
    }
  });
}

function testExpr(ctx: BuiltinContext, a: string[]): boolean {
  if (a[0] === "!") return !testExpr(ctx, a.slice(1));
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== "";
  if (a.length === 2) {
    const [op, x] = a;
    if (op === "-f") return ctx.fs.isFile(x);
    if (op === "-d") return ctx.fs.isDir(x);
    if (op === "-e" || op === "-r" || op === "-s") return ctx.fs.exists(x) && (op !== "-s" || (ctx.fs.read(x) ?? "x") !== "");
    if (op === "-z") return x === "";
    if (op === "-n") return x !== "";
    return false;
  }
  const [l, op, r] = a;
  const nl = Number.parseInt(l, 10);
  const nr = Number.parseInt(r, 10);
  switch (op) {
    case "=":
    case "==": return l === r;
    case "!=": return l !== r;
    case "-eq": return nl === nr;
    case "-ne": return nl !== nr;
    case "-lt": return nl < nr;
    case "-le": return nl <= nr;
    case "-gt": return nl > nr;
    case "-ge": return nl >= nr;
    default: return false;
  }
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  true: () => done(0),
  ":": () => done(0),
  false: () => done(1),
  *sleep(ctx, args) {
    let total = 0;
    for (const a of args) {
      const ms = parseSleep(a);
      if (ms === undefined) {
        ctx.io.err(ctx.userland === "busybox" ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\n`);
        return 1;
      }
      total += ms;
    }
    if (args.length === 0) {
      ctx.io.err(ctx.userland === "busybox" ? "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n" : "sleep: missing operand\n");
      return 1;
    }
    yield* ctx.sleep(total);
    return 0;
  },
  echo(ctx, args) {
    let newline = true;
    let interpret = false;
    while (args[0] === "-n" || args[0] === "-e" || args[0] === "-ne" || args[0] === "-en") {
      const f = args.shift() ?? "";
      if (f.includes("n")) newline = false;
      if (f.includes("e")) interpret = true;
    }
    const text = args.join(" ");
    ctx.io.out((interpret ? escapes(text) : text) + (newline ? "\n" : ""));
    return done(0);
  },
  printf(ctx, args) {
    const fmt = args[0] ?? "";
    const rest = args.slice(1);
    let k = 0;
    let out = "";
    do {
      out += escapes(fmt).replace(/%([sdi%])/g, (_, f: string) => (f === "%" ? "%" : f === "s" ? (rest[k++] ?? "") : String(Number.parseInt(rest[k++] ?? "0", 10) || 0)));
    } while (k > 0 && k < rest.length);
    ctx.io.out(out);
    return done(0);
  },
  date(ctx, args) {
    const fmt = args.find((a) => a.startsWith("+"));
    ctx.io.out(`${fmt ? formatDate(ctx.now(), fmt.slice(1)) : dateCommand(ctx.now())}\n`);
    return done(0);
  },
  hostname(ctx) {
    ctx.io.out(`${ctx.hostname}\n`);
    return done(0);
  },
  pwd(ctx) {
    ctx.io.out("/\n");
    return done(0);
  },
  cd: () => done(0),
  trap(ctx, args) {
    // `trap 'handler' TERM INT`, `trap - TERM` (reset), `trap '' TERM` (ignore)
    if (args.length < 2 || !ctx.traps) return done(0);
    const [handler, ...signals] = args;
    for (const sig of signals) {
      if (handler === "-") ctx.traps.delete(signalName(sig));
      else ctx.traps.set(signalName(sig), handler);
    }
    return done(0);
  },
  wait: () => done(0),
  export(ctx, args) {
    for (const a of args) {
      const i = a.indexOf("=");
      if (i > 0) ctx.vars.set(a.slice(0, i), a.slice(i + 1));
    }
    return done(0);
  },
  unset(ctx, args) {
    for (const a of args) ctx.vars.delete(a);
    return done(0);
  },
  env(ctx) {
    for (const [k, v] of ctx.vars) ctx.io.out(`${k}=${v}\n`);
    return done(0);
  },
  printenv(ctx, args) {
    if (args.length === 0) return BUILTINS.env(ctx, args);
    let status = 0;
    for (const a of args) {
      const v = ctx.vars.get(a);
      if (v === undefined) status = 1;
      else ctx.io.out(`${v}\n`);
    }
    return done(status);
  },
  cat(ctx, args) {
    if (args.length === 0) {
      if (ctx.io.stdin !== undefined) ctx.io.out(ctx.io.stdin);
      return done(0);
    }
    let status = 0;
    for (const path of args) {
      const content = ctx.fs.read(path);
      if (content === undefined) {
        noSuchFile(ctx, path, "open");
        status = 1;
      } else ctx.io.out(content);
    }
    return done(status);
  },
  ls(ctx, args) {
    const paths = args.filter((a) => !a.startsWith("-"));
    let status = 0;
    for (const path of paths.length ? paths : ["/"]) {
      if (ctx.fs.isFile(path)) ctx.io.out(`${path}\n`);
      else if (ctx.fs.isDir(path)) for (const n of ctx.fs.list(path)) ctx.io.out(`${n}\n`);
      else {
        noSuchFile(ctx, path, "access");
        status = ctx.userland === "busybox" ? 1 : 2;
      }
    }
    return done(status);
  },
  touch(ctx, args) {
    let status = 0;
    for (const path of args.filter((a) => !a.startsWith("-"))) {
      if (!ctx.fs.exists(path) && !ctx.fs.write(path, "")) {
        noSuchFile(ctx, path, "touch");
        status = 1;
      }
    }
    return done(status);
  },
  rm(ctx, args) {
    const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
    let status = 0;
    for (const path of args.filter((a) => !a.startsWith("-"))) {
      if (!ctx.fs.remove(path) && !force) {
        noSuchFile(ctx, path, "remove");
        status = 1;
      }
    }
    return done(status);
  },
  mkdir(ctx, args) {
    const parents = args.includes("-p");
    let status = 0;
    for (const path of args.filter((a) => !a.startsWith("-"))) {
      if (!ctx.fs.mkdir(path, parents)) {
        ctx.io.err(ctx.userland === "busybox" ? `mkdir: can't create directory '${path}': File exists\n` : `mkdir: cannot create directory '${path}': File exists\n`);
        status = 1;
      }
    }
    return done(status);
  },
  test(ctx, args) {
    return done(testExpr(ctx, args) ? 0 : 1);
  },
  "["(ctx, args) {
    if (args[args.length - 1] !== "]") {
      ctx.io.err("[: missing ]\n");
      return done(2);
    }
    return done(testExpr(ctx, args.slice(0, -1)) ? 0 : 1);
  },
  seq(ctx, args) {
    const n = args.map((a) => Number.parseInt(a, 10));
    const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
    let out = "";
    for (let v = first; step > 0 ? v <= last : v >= last; v += step) out += `${v}\n`;
    ctx.io.out(out);
    return done(0);
  },
  *tail(ctx, args) {
    const files = args.filter((a) => !a.startsWith("-") && !/^\d+$/.test(a));
    if (files.includes("/dev/zero") || files.includes("/dev/urandom")) {
      // tail buffers a file with no newline: memory grows until the limit kills it.
      for (;;) {
        ctx.allocate(64 * 1024 * 1024);
        yield* ctx.sleep(100);
      }
    }
    if (args.includes("-f") || args.includes("-F")) {
      yield* ctx.sleep(Infinity);
      return 0;
    }
    for (const f of files) {
      const content = ctx.fs.read(f);
      if (content !== undefined) ctx.io.out(content.split("\n").slice(-11).join("\n"));
    }
    return 0;
  },
  *stress(ctx, args) {
    let vm = 0;
    let vmBytes = 256 * 1024 * 1024;
    let cpu = 0;
    let timeout: number | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const v = args[i + 1];
      if (a === "--vm" || a === "-m") vm = Number.parseInt(v ?? "1", 10);
      else if (a === "--vm-bytes") vmBytes = parseSize(v ?? "") ?? vmBytes;
      else if (a === "--cpu" || a === "-c") cpu = Number.parseInt(v ?? "1", 10);
      else if (a === "--timeout" || a === "-t") timeout = parseSleep(v ?? "");
    }
    ctx.io.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
    yield* ctx.sleep(50);
    ctx.allocate(vm * vmBytes);
    yield* ctx.sleep(timeout === undefined ? Infinity : Math.max(0, timeout - 50));
    ctx.io.out(`stress: info: [1] successful run completed in ${Math.round((timeout ?? 0) / 1000)}s\n`);
    return 0;
  },
};
