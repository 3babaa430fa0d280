import type { KubeObject } from "../../api/types";
import { Channel } from "../../runtime/channel";
import type { Kernel, Timer } from "../../runtime/kernel";
import type { ComponentId, TraceInput } from "../../runtime/trace";
import { draw, type Profile } from "../../profiles";
import type { KubeApiserver } from "../apiserver/kubeApiserver";
import { requestSummary, verbPhrase } from "../apiserver/httpVerb";
import type { ApiRequest, ApiResponse, ResponseCallback, WatchEvent } from "../apiserver/request";
import type { ApiClient, WatchHandle } from "./types";

/** What a client sees of kube-apiserver right now. */
export type Reachability = "ok" | "refused" | "unreachable";

export const CONNECTION_REFUSED = "connection refused";

interface OpenWatch {
  req: ApiRequest;
  onEvent: (ev: WatchEvent) => void;
  /** Hands an arrived event to `onEvent` unless the watch or the process stopped meanwhile. */
  arrive: (ev: WatchEvent) => void;
  onSync?: (items: KubeObject[]) => void;
  stopped: boolean;
  detach?: () => void;
  retry?: Timer;
}

/**
 * A component's connection to kube-apiserver (client-go's REST client + reflector). Requests
 * and responses are traced messages over ordered channels; watches re-list after outages.
 */
export class ApiClientImpl implements ApiClient {
  private readonly toServer: Channel;
  private readonly fromServer: Channel;
  private readonly watches = new Set<OpenWatch>();
  /** A partitioned node's components cannot reach kube-apiserver at all. */
  partitioned = false;
  /** A stopped component sends nothing and drops what arrives. */
  private alive = true;
  /** Counts halts: an answer reaches only the process that asked, never one started since. */
  private session = 0;

  constructor(
    readonly identity: ComponentId,
    private readonly kernel: Kernel,
    private readonly apiserver: KubeApiserver,
    private readonly profile: Profile,
  ) {
    this.toServer = new Channel(kernel);
    this.fromServer = new Channel(kernel);
    apiserver.onOutage(() => this.breakWatches());
  }

  private reachability(): Reachability {
    if (this.partitioned) return "unreachable";
    return this.apiserver.running ? "ok" : "refused";
  }

  /** Still the process that was running when `session` was read. */
  private live(session: number): boolean {
    return this.alive && this.session === session;
  }

  private hop(): number {
    return draw(this.kernel.rng, this.profile.network.hopMs);
  }

  request(req: ApiRequest, cb?: ResponseCallback): void {
    if (!this.alive) return;
    const id = this.identity;
    const session = this.session;
    // The response message carries `res` to `answer`, which shares this call's closure scope.
    const answer = (res: ApiResponse) => {
      if (this.live(session) && !(this.partitioned && res.ok === false)) cb?.(res);
    };
    this.toServer.send(
      this.hop(),
      !this.kernel.trace.active ? null : () => ({ from: id, to: "kube-apiserver", kind: "request", verb: req.subresource === "binding" ? "bind" : req.verb, resource: req.resource, namespace: req.namespace, name: req.name ?? (req.body as KubeObject | undefined)?.metadata?.name, summary: requestSummary(req), narration: `${id} asks kube-apiserver to ${verbPhrase(req, kindOf(req))}.` }),
      () => {
        const reach = this.reachability();
        if (reach === "unreachable") {
          // The packet is lost; the client gives up after its timeout.
          this.kernel.after(this.profile.network.etcdTimeoutMs, () => this.live(session) && cb?.(failure(0, "i/o timeout")));
          return;
        }
        if (reach === "refused") {
          this.kernel.after(0, () => this.live(session) && cb?.(failure(0, CONNECTION_REFUSED)));
          return;
        }
        this.apiserver.handle(id, req, (res) => this.fromServer.sendTo(this.hop(), this.kernel.trace.active ? responseTrace(id, req, res) : null, answer, res));
      },
    );
  }

  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void, onSync?: (items: KubeObject[]) => void): WatchHandle {
    const w: OpenWatch = {
      req: { ...req, verb: "watch" },
      onEvent,
      arrive: (ev) => {
        if (!w.stopped && this.alive) onEvent(ev);
      },
      onSync,
      stopped: false,
    };
    this.watches.add(w);
    this.connect(w);
    return {
      stop: () => {
        w.stopped = true;
        w.detach?.();
        w.retry?.cancel();
        this.watches.delete(w);
      },
    };
  }

  /** List then watch, atomically at kube-apiserver so nothing is missed between the two. */
  private connect(w: OpenWatch): void {
    if (w.stopped || !this.alive) return;
    const id = this.identity;
    const req = w.req;
    this.toServer.send(
      this.hop(),
      () => ({ from: id, to: "kube-apiserver", kind: "request", verb: "watch", resource: req.resource, namespace: req.namespace, summary: requestSummary(req), narration: `${id} lists ${req.resource}${req.fieldSelector ? ` (${req.fieldSelector})` : ""} and opens a watch, so kube-apiserver will push every change to it.` }),
      () => {
        if (w.stopped) return;
        if (this.reachability() !== "ok") {
          this.scheduleReconnect(w);
          return;
        }
        const listed: KubeObject[] = [];
        const watcher = this.apiserver.watch(req, (ev) => this.deliverWatchEvent(w, ev));
        if ("kind" in watcher) return; // a malformed selector: nothing to watch
        w.detach = () => this.apiserver.unwatch(watcher);
        for (const o of this.apiserver.snapshot(req)) listed.push(o);
        this.fromServer.send(
          this.hop(),
          () => ({ from: "kube-apiserver", to: id, kind: "response", verb: "list", resource: req.resource, status: 200, summary: `200 OK (${listed.length} ${req.resource})`, narration: `kube-apiserver sends ${id} the current ${req.resource} from its watch cache; changes will follow on the watch.` }),
          () => {
            if (w.stopped || !this.alive) return;
            if (w.onSync) w.onSync(listed);
            else for (const o of listed) w.onEvent({ type: "ADDED", object: o });
          },
        );
      },
    );
  }

  /** One message per event; it carries the (shared) event itself to the watch's `arrive`. */
  private deliverWatchEvent(w: OpenWatch, ev: WatchEvent): void {
    if (this.partitioned) return; // lost on the wire; the re-list after healing catches up
    this.fromServer.sendTo(this.hop(), this.kernel.trace.active ? watchTrace(this.identity, w.req, ev) : null, w.arrive, ev);
  }

  private scheduleReconnect(w: OpenWatch): void {
    w.detach?.();
    w.detach = undefined;
    w.retry?.cancel();
    w.retry = this.kernel.after(this.profile.network.relistBackoffMs, () => this.connect(w), { background: true });
  }

  /** kube-apiserver went away: every watch connection broke; reflectors retry. */
  private breakWatches(): void {
    for (const w of this.watches) this.scheduleReconnect(w);
  }

  /** The node was cut off from (or reconnected to) the control plane. */
  setPartitioned(partitioned: boolean): void {
    this.partitioned = partitioned;
    if (partitioned) for (const w of this.watches) { w.detach?.(); w.detach = undefined; }
    else for (const w of this.watches) this.scheduleReconnect(w);
  }

  /** The process stopped: drop everything in flight. Restart with `resume`. */
  halt(): void {
    this.alive = false;
    this.session++;
    for (const w of this.watches) {
      w.detach?.();
      w.retry?.cancel();
      w.stopped = true;
    }
    this.watches.clear();
  }

  resume(): void {
    this.alive = true;
  }
}

// The trace builders live outside the methods that send, so that what they capture is only
// allocated when the trace is recorded.
function responseTrace(id: ComponentId, req: ApiRequest, res: ApiResponse): () => TraceInput {
  return () => ({ from: "kube-apiserver", to: id, kind: "response", verb: req.verb, resource: req.resource, namespace: req.namespace, name: req.name ?? (res.ok ? res.object?.metadata.name : undefined), status: res.status, summary: `${res.status} ${res.ok ? statusText(res.status) : res.error.reason || "Error"}`, narration: res.ok ? `kube-apiserver answers ${id}: ${statusText(res.status)}.` : `kube-apiserver rejects the request: ${res.error.message}` });
}

function watchTrace(id: ComponentId, req: ApiRequest, ev: WatchEvent): () => TraceInput {
  const o = ev.object;
  return () => ({ from: "kube-apiserver", to: id, kind: "watch", verb: ev.type, resource: req.resource, namespace: o.metadata.namespace, name: o.metadata.name, summary: `watch: ${o.kind} ${ev.type}`, narration: `kube-apiserver tells ${id} that ${o.kind} ${o.metadata.name} was ${ev.type === "ADDED" ? "added" : ev.type === "DELETED" ? "deleted" : "modified"}.` });
}

function kindOf(req: ApiRequest): string {
  const body = req.body as KubeObject | undefined;
  return body?.kind && req.subresource === undefined ? body.kind : req.resource.replace(/s$/, "");
}

function statusText(code: number): string {
  return code === 201 ? "Created" : code === 200 ? "OK" : String(code);
}

function failure(status: number, message: string): ApiResponse {
  return { ok: false, status, error: { apiVersion: "v1", kind: "Status", status: "Failure", message, reason: "", code: status } };
}
