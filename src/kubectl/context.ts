import type { ApiRequest, ApiResponse, WatchEvent } from "../sim/components/apiserver/request";
import type { KubeObject } from "../sim/api/types";
import type { ClusterTransport } from "./transport";
import type { Output } from "./output";
import type { FlagSpec, FlagValue, ParsedFlags } from "./parse/flags";
import { ApiError, CONNECTION_REFUSED, KubectlError } from "./errors";
import { parseGoDuration } from "./parse/duration";

/** What the caller (script interpreter, terminal, test) supplies to a kubectl run. */
export interface KubectlEnv {
  transport: ClusterTransport;
  /** Reads a file named by `-f`; undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
  /** Standard input (a heredoc), read by `-f -`. */
  stdin?: string;
  /** Longest a blocking command (`rollout status`, `delete --wait`, `drain`) may wait, in virtual ms (default: no limit). */
  maxWaitMs?: number;
  /** Longest a streaming command (`get -w`, `logs -f`, `events -w`) runs, in virtual ms (default: until interrupted). */
  maxStreamMs?: number;
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
  private readonly startedAt: number;
  constructor(
    readonly env: KubectlEnv,
    readonly out: Output,
    readonly parsed: ParsedFlags,
    /** `kubectl rollout status` */
    readonly commandPath: string,
  ) {
    this.startedAt = env.transport.now();
  }

  /** When waiting must end: `--request-timeout` if set, else the caller's limit. */
  private deadline(streaming: boolean): number {
    const rt = this.str("request-timeout");
    const ms = /^\d+$/.test(rt) ? Number(rt) * 1000 : (parseGoDuration(rt) ?? 0);
    if (ms > 0) return this.startedAt + ms;
    const limit = streaming ? this.env.maxStreamMs : this.env.maxWaitMs;
    return limit === undefined ? Infinity : this.startedAt + limit;
  }

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

  /** Whether a waiting (or, with `streaming`, a streaming) command must stop now. */
  shouldStop(streaming = false): boolean {
    if (this.env.interrupted?.()) return true;
    return this.transport.now() >= this.deadline(streaming);
  }

  /** Lets virtual time pass until `done()`, `timeoutMs`, the deadline or an interrupt; true when done. */
  async waitUntil(done: () => boolean, timeoutMs = Infinity, streaming = false): Promise<boolean> {
    const until = Math.min(this.transport.now() + timeoutMs, this.deadline(streaming));
    while (!done()) {
      if (this.env.interrupted?.() || this.transport.now() >= until) return false;
      const step = Math.min(WAIT_STEP_MS, until - this.transport.now());
      await this.transport.sleep(Math.max(1, step));
    }
    return true;
  }

  /** A streaming command's main loop: time passes until the stream limit or an interrupt. */
  async stream(): Promise<void> {
    await this.waitUntil(() => false, Infinity, true);
  }

  /**
   * Opens a watch for what changes after `seen` was read; the returned function cancels it.
   * A watch may start by replaying current objects as ADDED (list-then-watch): those already
   * seen at the same resourceVersion are skipped, as kubectl's watch from the list's
   * resourceVersion would never send them.
   */
  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void, seen: readonly KubeObject[] = []): () => void {
    const versions = new Map<string, string | undefined>();
    const key = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
    for (const o of seen) versions.set(key(o), o.metadata.resourceVersion);
    return this.transport.watch(req, (ev) => {
      const k = key(ev.object);
      if (versions.has(k)) {
        const rv = versions.get(k);
        versions.delete(k);
        if (ev.type === "ADDED" && rv !== undefined && rv === ev.object.metadata.resourceVersion) return;
      }
      onEvent(ev);
    });
  }
}
