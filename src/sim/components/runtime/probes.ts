/**
 * Liveness, readiness and startup probes evaluated against a simulated process, with the
 * kubelet's exact wording (pkg/kubelet/prober, pkg/probe). httpGet and tcpSocket go from the
 * kubelet straight to the pod IP; exec goes through CRI ExecSync, so it takes a callback.
 */
import type { Container, HTTPGetAction, Probe } from "../../api/types";
import type { ExecResult } from "./criTypes";
import type { Process } from "./process";

export type ProbeType = "Liveness" | "Readiness" | "Startup";

/** The API defaults for a probe's timing fields. */
export const PROBE_DEFAULTS = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } as const;

/** `User-Agent` of kubelet probes. */
export const PROBE_USER_AGENT = "kube-probe/1.34";

export interface ProbeOutcome {
  /** `unknown`: the probe could not be run (the kubelet counts it as a failure). */
  result: "success" | "failure" | "unknown";
  /** The probe's output (failure text, exec output). */
  output: string;
}

export interface ProbeResult extends ProbeOutcome {
  success: boolean;
  /** The `Unhealthy` event message when not successful. */
  message?: string;
}

export interface ProbeTarget {
  podIP: string;
  /** The container spec: named ports resolve through its `ports`. */
  container: Pick<Container, "name" | "ports">;
  /** The running process; undefined when the container is not running. */
  process: Process | undefined;
  /** Source address the server sees; defaults to the node's bridge (`10.244.N.1`). */
  clientIp?: string;
}

/** Runs `cmd` in the container with a timeout (the runtime's execSync). */
export type ExecFn = (cmd: readonly string[], timeoutSeconds: number, cb: (r: ExecResult) => void) => void;

function bridgeIp(podIP: string): string {
  const i = podIP.lastIndexOf(".");
  return i < 0 ? podIP : `${podIP.slice(0, i)}.1`;
}

/** A probe port: a number, a named container port, or a number written as a string. */
export function resolveProbePort(port: number | string, container: Pick<Container, "ports">): { port: number } | { error: string } {
  let n: number;
  if (typeof port === "number") n = port;
  else {
    const named = container.ports?.find((p) => p.name === port);
    if (named) n = named.containerPort;
    else if (/^-?\d+$/.test(port)) n = Number.parseInt(port, 10);
    else return { error: `strconv.Atoi: parsing "${port}": invalid syntax` };
  }
  if (n > 0 && n < 65536) return { port: n };
  return { error: `invalid port number: ${n}` };
}

/** The URL Go prints: `http://10.244.1.5:8080/healthz`, with no trailing slash when no path was given. */
export function probeUrl(scheme: string, host: string, port: number, path: string | undefined): string {
  const p = path ? (path.startsWith("/") ? path : `/${path}`) : "";
  return `${scheme.toLowerCase()}://${host}:${port}${p}`;
}

export function probeHttpGet(action: HTTPGetAction, target: ProbeTarget): ProbeOutcome {
  const resolved = resolveProbePort(action.port, target.container);
  if ("error" in resolved) return { result: "unknown", output: resolved.error };
  const { port } = resolved;
  const url = probeUrl(action.scheme ?? "HTTP", target.podIP, port, action.path);
  const res = target.process?.http({ path: action.path || "/", port, clientIp: target.clientIp ?? bridgeIp(target.podIP), userAgent: PROBE_USER_AGENT });
  if (!res || res.kind === "refused") return { result: "failure", output: `Get "${url}": dial tcp ${target.podIP}:${port}: connect: connection refused` };
  if (res.kind === "eof") return { result: "failure", output: `Get "${url}": EOF` };
  if (res.status >= 200 && res.status < 400) return { result: "success", output: "" };
  return { result: "failure", output: `HTTP probe failed with statuscode: ${res.status}` };
}

export function probeTcpSocket(action: { port: number | string }, target: ProbeTarget): ProbeOutcome {
  const resolved = resolveProbePort(action.port, target.container);
  if ("error" in resolved) return { result: "unknown", output: resolved.error };
  if (target.process?.listening(resolved.port)) return { result: "success", output: "" };
  return { result: "failure", output: `dial tcp ${target.podIP}:${resolved.port}: connect: connection refused` };
}

/** Reads an ExecSync result as the exec prober does: exit 0 passes, anything else fails. */
export function execProbeOutcome(cmd: readonly string[], r: ExecResult): ProbeOutcome {
  if (r.kind === "exited") return { result: r.exitCode === 0 ? "success" : "failure", output: r.output.replace(/\n$/, "") };
  if (r.kind === "timeout") return { result: "unknown", output: `command timed out: "${cmd.join(" ")}" timed out after ${r.timeoutSeconds}s` };
  if (r.message.startsWith("OCI runtime exec failed")) return { result: "failure", output: r.message };
  return { result: "unknown", output: r.message };
}

/** The `Unhealthy` (Warning) event message. */
export function unhealthyMessage(type: ProbeType, o: ProbeOutcome): string {
  return o.result === "unknown" ? `${type} probe errored and resulted in unknown state: ${o.output}` : `${type} probe failed: ${o.output}`;
}

/** The `Killing` event when a liveness or startup probe has failed `failureThreshold` times. */
export function probeKillMessage(container: string, type: "Liveness" | "Startup"): string {
  return `Container ${container} failed ${type.toLowerCase()} probe, will be restarted`;
}

function finish(type: ProbeType, o: ProbeOutcome): ProbeResult {
  const success = o.result === "success";
  return success ? { ...o, success } : { ...o, success, message: unhealthyMessage(type, o) };
}

/**
 * Runs one probe. httpGet and tcpSocket answer synchronously; exec calls `exec` and answers when
 * the runtime replies. A probe with no handler succeeds.
 */
export function runProbe(type: ProbeType, probe: Probe, target: ProbeTarget, exec: ExecFn, cb: (r: ProbeResult) => void): void {
  if (probe.httpGet) cb(finish(type, probeHttpGet(probe.httpGet, target)));
  else if (probe.tcpSocket) cb(finish(type, probeTcpSocket(probe.tcpSocket, target)));
  else if (probe.exec) {
    const cmd = probe.exec.command;
    exec(cmd, probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds, (r) => cb(finish(type, execProbeOutcome(cmd, r))));
  } else cb({ result: "success", output: "", success: true });
}
