/**
 * An in-memory kube-apiserver for kubectl's tests: objects keyed by resource/namespace/name
 * with resourceVersions; get, list (label and field selectors), create, update, merge patch,
 * delete; watches; a virtual clock that `sleep` advances (running scheduled callbacks).
 * Not the simulation: no controllers unless a test schedules their effects.
 */
import type { KubeObject, Status } from "../../sim/api/types";
import type { ApiRequest, ApiResponse, WatchEvent } from "../../sim/components/apiserver/request";
import { toTimestamp } from "../../sim/runtime";
import { groupResource, resourceByPlural } from "../../sim/api";
import type { ClusterTransport } from "../transport";

type Handler = (req: ApiRequest) => ApiResponse | undefined;

interface Watcher {
  req: ApiRequest;
  onEvent: (ev: WatchEvent) => void;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return clone(patch);
  const out: Record<string, unknown> = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function field(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split(".")) cur = isMap(cur) ? cur[p] : undefined;
  return cur;
}

/** `app=web,tier!=db,env in (a,b),!legacy,track` */
export function matchesLabelSelector(labels: Record<string, string>, selector: string): boolean {
  const parts = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return parts.every((raw) => {
    const p = raw.trim();
    if (!p) return true;
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const vals = m[3].split(",").map((s) => s.trim());
      return m[2] === "in" ? m[1] in labels && vals.includes(labels[m[1]]) : !(m[1] in labels && vals.includes(labels[m[1]]));
    }
    m = /^([^!=]+)(==|=|!=)(.*)$/.exec(p);
    if (m) return m[2] === "!=" ? labels[m[1]] !== m[3] : labels[m[1]] === m[3];
    if (p.startsWith("!")) return !(p.slice(1) in labels);
    return p in labels;
  });
}

function matchesFieldSelector(obj: KubeObject, selector: string): boolean {
  return selector.split(",").every((p) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(p.trim());
    if (!m) return true;
    const v = field(obj, m[1]);
    const s = v === undefined ? "" : String(v);
    return m[2] === "!=" ? s !== m[3] : s === m[3];
  });
}

export function status(code: number, reason: Status["reason"], message: string, details?: Status["details"]): ApiResponse {
  return { ok: false, status: code, error: { apiVersion: "v1", kind: "Status", status: "Failure", reason, message, code, details } };
}

export class FakeTransport implements ClusterTransport {
  private clock = 0;
  private rv = 100;
  private uid = 0;
  readonly objects = new Map<string, KubeObject>();
  readonly requests: ApiRequest[] = [];
  private handlers: Handler[] = [];
  private watchers = new Set<Watcher>();
  private timers: { at: number; fn: () => void }[] = [];
  /** kube-apiserver stopped: every request answers status 0. */
  down = false;
  /** Watches start by sending every current object as ADDED (the simulated cluster's list-then-watch). */
  replayOnWatch = false;

  now(): number {
    return this.clock;
  }

  /** Runs `fn` when virtual time reaches `at` (a controller's effect, in tests). */
  at(at: number, fn: () => void): void {
    this.timers.push({ at, fn });
    this.timers.sort((a, b) => a.at - b.at);
  }

  async sleep(ms: number): Promise<void> {
    const until = this.clock + ms;
    while (this.timers.length && this.timers[0].at <= until) {
      const t = this.timers.shift();
      if (!t) break;
      this.clock = Math.max(this.clock, t.at);
      t.fn();
    }
    this.clock = until;
  }

  /** Answers matching requests first (subresources, failures); undefined falls through. */
  handle(h: Handler): void {
    this.handlers.push(h);
  }

  private key(resource: string, ns: string | undefined, name: string): string {
    return `${resource}/${ns ?? ""}/${name}`;
  }

  /** Stores an object directly (test setup), as if created. */
  seed(resource: string, obj: KubeObject): KubeObject {
    const o = clone(obj);
    o.metadata.uid ??= `uid-${++this.uid}`;
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.creationTimestamp ??= toTimestamp(this.clock);
    this.objects.set(this.key(resource, o.metadata.namespace, o.metadata.name ?? ""), o);
    this.emit(resource, { type: "ADDED", object: clone(o) });
    return o;
  }

  get(resource: string, ns: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(this.key(resource, ns, name));
  }

  /** Replaces an object's content (a controller's status update), notifying watchers. */
  modify(resource: string, ns: string | undefined, name: string, change: (o: KubeObject) => void): void {
    const o = this.get(resource, ns, name);
    if (!o) throw new Error(`no ${resource} ${name}`);
    change(o);
    o.metadata.resourceVersion = String(++this.rv);
    this.emit(resource, { type: "MODIFIED", object: clone(o) });
  }

  remove(resource: string, ns: string | undefined, name: string): void {
    const k = this.key(resource, ns, name);
    const o = this.objects.get(k);
    if (!o) return;
    this.objects.delete(k);
    this.emit(resource, { type: "DELETED", object: clone(o) });
  }

  private emit(resource: string, ev: WatchEvent): void {
    for (const w of this.watchers) {
      if (w.req.resource !== resource) continue;
      if (w.req.namespace && w.req.namespace !== ev.object.metadata.namespace) continue;
      if (w.req.labelSelector && !matchesLabelSelector(ev.object.metadata.labels ?? {}, w.req.labelSelector)) continue;
      if (w.req.fieldSelector && !matchesFieldSelector(ev.object, w.req.fieldSelector)) continue;
      w.onEvent(ev);
    }
  }

  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void): () => void {
    this.requests.push(req);
    const w = { req, onEvent };
    this.watchers.add(w);
    if (this.replayOnWatch) {
      const res = this.serve({ ...req, verb: "list" });
      if (res.ok) for (const o of res.items ?? []) onEvent({ type: "ADDED", object: o });
    }
    return () => this.watchers.delete(w);
  }

  async request(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req);
    this.clock += 1;
    if (this.down) return { ok: false, status: 0, error: { apiVersion: "v1", kind: "Status", status: "Failure", reason: "", message: "connection refused", code: 0 } };
    for (const h of this.handlers) {
      const r = h(req);
      if (r) return r;
    }
    return this.serve(req);
  }

  private notFound(req: ApiRequest): ApiResponse {
    const info = resourceByPlural(req.resource);
    const gr = info ? groupResource(info) : req.resource;
    return status(404, "NotFound", `${gr} "${req.name ?? ""}" not found`, { name: req.name, kind: req.resource });
  }

  private serve(req: ApiRequest): ApiResponse {
    const name = req.name ?? "";
    const k = this.key(req.resource, req.namespace, name);
    switch (req.verb) {
      case "get": {
        const o = this.objects.get(k);
        return o ? { ok: true, status: 200, object: clone(o) } : this.notFound(req);
      }
      case "list": {
        const items = [...this.objects.entries()]
          .filter(([key]) => key.startsWith(`${req.resource}/`))
          .map(([, o]) => o)
          .filter((o) => !req.namespace || o.metadata.namespace === req.namespace)
          .filter((o) => !req.labelSelector || matchesLabelSelector(o.metadata.labels ?? {}, req.labelSelector))
          .filter((o) => !req.fieldSelector || matchesFieldSelector(o, req.fieldSelector))
          .sort((a, b) => `${a.metadata.namespace ?? ""}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ""}/${b.metadata.name}`));
        return { ok: true, status: 200, items: clone(items), resourceVersion: String(this.rv) };
      }
      case "create": {
        const body = clone(req.body) as KubeObject;
        body.metadata ??= {};
        if (!body.metadata.name && body.metadata.generateName) body.metadata.name = `${body.metadata.generateName}x${++this.uid}`;
        const info = resourceByPlural(req.resource);
        if (info?.namespaced) body.metadata.namespace = req.namespace ?? body.metadata.namespace ?? "default";
        const key = this.key(req.resource, body.metadata.namespace, body.metadata.name ?? "");
        if (this.objects.has(key)) {
          const gr = info ? groupResource(info) : req.resource;
          return status(409, "AlreadyExists", `${gr} "${body.metadata.name}" already exists`, { name: body.metadata.name, kind: req.resource });
        }
        if (req.dryRun) return { ok: true, status: 201, object: body };
        return { ok: true, status: 201, object: clone(this.seed(req.resource, body)) };
      }
      case "update":
      case "patch": {
        const o = this.objects.get(k);
        if (!o) return this.notFound(req);
        const patch = req.subresource === "scale" ? { spec: (req.body as { spec?: unknown }).spec } : req.body;
        const next = (req.verb === "update" ? clone(req.body) : mergePatch(o, patch)) as KubeObject;
        if (req.dryRun) return { ok: true, status: 200, object: next };
        next.metadata.resourceVersion = String(++this.rv);
        this.objects.set(k, next);
        this.emit(req.resource, { type: "MODIFIED", object: clone(next) });
        return { ok: true, status: 200, object: clone(next) };
      }
      case "delete": {
        const o = this.objects.get(k);
        if (!o) return this.notFound(req);
        if (!req.dryRun) this.remove(req.resource, req.namespace, name);
        return { ok: true, status: 200, object: clone(o) };
      }
      default:
        return status(405, "MethodNotAllowed", `${req.verb} not supported`);
    }
  }
}
