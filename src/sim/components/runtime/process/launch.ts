/**
 * Deciding what runs in a container from its image and command, as Kubernetes composes them:
 * `command` replaces the image's ENTRYPOINT, `args` its CMD (and a `command` without `args`
 * drops CMD). Then: the image's server binary → a server; a shell or a subset command → the
 * shell interpreter; `python -m http.server` → a tiny web server; a bare REPL (`python`,
 * `node`, `sh` with no script) → exits 0 at once, stdin being closed; on an image without a
 * userland, anything but its server cannot be exec'd; anything else runs until stopped.
 */
import { BUILTINS, isShellName } from "./builtins";
import type { OnExit } from "./baseProcess";
import { ServerProcess, type ServerLaunch } from "./serverProcess";
import { ShellProcess } from "./shellProcess";
import type { Process, ProcessSpec, Scheduler, StartError } from "./types";

const WRAPPERS = new Set(["docker-entrypoint.sh", "entrypoint.sh"]);
const REPLS = new Set(["python", "python3", "node", "irb", "bash", "sh"]);

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The argv the container starts with. */
export function effectiveArgv(spec: ProcessSpec): string[] {
  const b = spec.image.behaviour;
  if (spec.command && spec.command.length > 0) return [...spec.command, ...(spec.args ?? [])];
  return [...b.entrypoint, ...(spec.args ?? b.cmd)];
}

/** runc's message when argv[0] is not in the image (the container fails with StartError). */
export function execNotFoundMessage(command: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${command}": executable file not found in $PATH: unknown`;
}

function flag(argv: readonly string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1];
      if (argv[i].startsWith(`${n}=`)) return argv[i].slice(n.length + 1);
    }
  }
  return undefined;
}

function serverLaunch(spec: ProcessSpec, argv: readonly string[], viaEntrypoint: boolean): ServerLaunch | undefined {
  const b = spec.image.behaviour;
  const name = basename(argv[0]);
  const env = spec.env ?? {};
  if ((name === "python" || name === "python3") && argv[1] === "-m" && argv[2] === "http.server") {
    const port = Number.parseInt(argv.slice(3).find((a) => /^\d+$/.test(a)) ?? "8000", 10);
    const http = { [port]: ["/", "/index.html"] };
    return { app: "python-http", server: { app: "python-http", ports: [port], http, binaries: [], readyAfterMs: 150 }, ports: [port], http, checkEnv: false, echoText: "" };
  }
  const server = b.server;
  if (!server) return undefined;
  const isDefault = argv.join("\0") === [...b.entrypoint, ...b.cmd].join("\0");
  if (server.app === "generic") {
    if (isShellName(name) || BUILTINS[name]) return undefined;
  } else if (!isDefault && !server.binaries.includes(name)) return undefined;

  let ports: readonly number[] = server.ports;
  let http: Readonly<Record<number, readonly string[]>> = server.http;
  let echoText = "hello-world";
  const reHttp = (port: number) => {
    const paths = Object.values(server.http)[0] ?? ["*"];
    ports = [port];
    http = { [port]: paths };
  };
  switch (server.app) {
    case "generic": {
      ports = spec.declaredPorts ?? [];
      http = Object.fromEntries(ports.map((p) => [p, ["*"]]));
      break;
    }
    case "http-echo": {
      echoText = flag(argv, ["-text", "--text"]) ?? "hello-world";
      const listen = flag(argv, ["-listen", "--listen"]);
      if (listen) reHttp(Number.parseInt(listen.slice(listen.lastIndexOf(":") + 1), 10) || 5678);
      break;
    }
    case "whoami": {
      const port = flag(argv, ["--port", "-port"]) ?? env.WHOAMI_PORT_NUMBER;
      if (port) reHttp(Number.parseInt(port, 10) || 80);
      break;
    }
    case "hello-app":
      if (env.PORT) reHttp(Number.parseInt(env.PORT, 10) || 8080);
      break;
    case "redis": {
      const port = flag(argv, ["--port"]);
      if (port) ports = [Number.parseInt(port, 10) || 6379];
      break;
    }
  }
  return { app: server.app, server, ports, http, checkEnv: viaEntrypoint || isDefault, echoText };
}

/**
 * Starts the process of a container. `onExit` is called (never synchronously) when it ends.
 * Returns a StartError when the command cannot be executed in the image.
 */
export function startProcess(spec: ProcessSpec, sched: Scheduler, onExit: OnExit): Process | StartError {
  let argv = effectiveArgv(spec);
  if (argv.length === 0) return { message: "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown" };
  let viaEntrypoint = false;
  if (WRAPPERS.has(basename(argv[0])) && argv.length > 1) {
    viaEntrypoint = true;
    argv = argv.slice(1);
    const server = spec.image.behaviour.server;
    if (server && argv[0].startsWith("-") && server.binaries[0]) argv = [server.binaries[0], ...argv];
  }
  const launch = serverLaunch(spec, argv, viaEntrypoint);
  if (launch) return new ServerProcess(spec, sched, onExit, launch);
  const name = basename(argv[0]);
  if (spec.image.behaviour.userland === "none") return { message: execNotFoundMessage(argv[0]) };
  // busybox and alpine have sh, not bash.
  if (spec.image.behaviour.userland === "busybox" && name === "bash") return { message: execNotFoundMessage(argv[0]) };
  if (REPLS.has(name) && argv.length === 1) return new ShellProcess(spec, sched, onExit, ["true"], `${name} (stdin closed)`);
  const description = isShellName(name) && argv[1] === "-c" ? `${name} -c` : BUILTINS[name] ? name : "program";
  return new ShellProcess(spec, sched, onExit, argv, description);
}
