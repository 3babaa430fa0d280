import type { ApiRequest, ApiResponse, WatchEvent } from "../sim/components/apiserver/request";
import type { KubeObject } from "../sim/api/types";
import type { ClusterTransport } from "./transport";
import type { Output } from "./output";
import type { FlagSpec, FlagValue, ParsedFlags } from "./parse/flags";
import { ApiError, CONNECTION_REFUSED, KubectlError } from "./errors";

/** What the caller (script interpreter, terminal, test) supplies to a kubectl run. */
export interface KubectlEnv {
  transport: ClusterTransport;
  /** Reads a file named by `-f`; undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
  /** Standard input (a heredoc), read by `-f -`. */
  stdin?: string;
  /** Virtual ms at which streaming or waiting commands (`get -w`, `rollout status`) stop. */
  deadline?: number;
  /** Ctrl-C in a terminal. */
  interrupted?: () => boolean;
}

export interface Command {
  name: string;
  aliases?: string[];
  flags?: FlagSpec[];
  /** Flags cobra marks required. */
  required?: string[];
  subcommands?: Command[];
  /** Hidden from suggestions (kubectl commands kubeglass does not implement). */
  run?: (ctx: CommandContext) => Promise<number>;
}

/** Granularity of waiting loops, in virtual ms. */
export const WAIT_STEP_MS = 100;

export class CommandContext {
  constructor(
    readonly env: KubectlEnv,
    readonly out: Output,
    readonly parsed: ParsedFlags,
    /** `kubectl rollout status` */
    readonly commandPath: string,
  ) {}

  get transport(): ClusterTransport {
    return this.env.transport;
  }
  get args(): string[] {
    return this.parsed.args;
  }
  get dashArgs(): string[] | undefined {
    return this.parsed.dashArgs;
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
  value(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }
  str(name: string): string {
    const v = this.value(name);
    return typeof v === "string" ? v : "";
  }
  bool(name: string): boolean {
    return this.value(name) === true;
  }
  int(name: string, fallback = 0): number {
    const v = this.value(name);
    return typeof v === "number" ? v : fallback;
  }
  list(name: string): string[] {
    const v = this.value(name);
    return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
  }
  get namespace(): string {
    return this.str("namespace") || "default";
  }
  get allNamespaces(): boolean {
    return this.bool("all-namespaces");
  }

  /** A request; connection refused becomes kubectl's message, API failures an ApiError. */
  async request(req: ApiRequest): Promise<ApiResponse & { ok: true }> {
    const res = await this.transport.request(req);
    if (res.ok) return res;
    if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
    throw new ApiError(res.error);
  }
  /** Like request, but a 404 resolves to undefined. */
  async getOrUndefined(req: ApiRequest): Promise<KubeObject | undefined> {
    const res = await this.transport.request(req);
    if (res.ok) return res.object;
    if (res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
    if (res.status === 404) return undefined;
    throw new ApiError(res.error);
  }

  /** Whether a waiting command must stop now (deadline reached or interrupted). */
  shouldStop(): boolean {
    if (this.env.interrupted?.()) return true;
    return this.env.deadline !== undefined && this.transport.now() >= this.env.deadline;
  }

  /** Lets virtual time pass until `done()` or the deadline/interrupt; true when done. */
  async waitUntil(done: () => boolean, timeoutMs = Infinity): Promise<boolean> {
    const until = this.transport.now() + timeoutMs;
    while (!done()) {
      if (this.shouldStop() || this.transport.now() >= until) return false;
      let step = Math.min(WAIT_STEP_MS, until - this.transport.now());
      if (this.env.deadline !== undefined) step = Math.min(step, this.env.deadline - this.transport.now());
      await this.transport.sleep(Math.max(1, step));
    }
    return true;
  }

  /** Opens a watch; the returned function cancels it. */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void): () => void {
    return this.transport.watch(req, onEvent);
  }
}
