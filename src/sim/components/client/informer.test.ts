import { describe, expect, it } from "vitest";
import type { KubeObject, Pod } from "../../api/types";
import type { ApiRequest, WatchEvent } from "../apiserver/request";
import { SharedInformer } from "./informer";
import type { ApiClient } from "./types";

/** An ApiClient whose single watch the test drives by hand. */
function fakeClient() {
  const stream: { onEvent?: (ev: WatchEvent) => void; onSync?: (items: KubeObject[]) => void } = {};
  const client: ApiClient = {
    identity: "test",
    request() {},
    watch(_req: ApiRequest, onEvent, onSync) {
      stream.onEvent = onEvent;
      stream.onSync = onSync;
      return { stop() {} };
    },
  };
  return { client, stream };
}

let rv = 1;
function pod(name: string, opts: { node?: string; owner?: string; labels?: Record<string, string>; namespace?: string } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: opts.namespace ?? "default",
      uid: `${name}-uid`,
      resourceVersion: String(rv++),
      labels: opts.labels,
      ownerReferences: opts.owner ? [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: opts.owner, uid: opts.owner, controller: true }] : undefined,
    },
    spec: { containers: [{ name: "c", image: "nginx" }], nodeName: opts.node },
  };
}
const next = (p: Pod, change: (p: Pod) => Pod = (x) => x): Pod => change({ ...p, metadata: { ...p.metadata, resourceVersion: String(rv++) } });
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

function started() {
  const { client, stream } = fakeClient();
  const inf = new SharedInformer<Pod>("pods", client);
  const seen: string[] = [];
  inf.addHandler({ add: (p) => seen.push(`add ${p.metadata.name}`), update: (o, p) => seen.push(`update ${o.metadata.resourceVersion}->${p.metadata.resourceVersion}`), delete: (p) => seen.push(`delete ${p.metadata.name}`) });
  inf.start();
  return { inf, stream, seen };
}

describe("SharedInformer", () => {
  it("keeps the latest version, by namespace and name, and calls handlers once per real change", () => {
    const { inf, stream, seen } = started();
    const a = pod("a");
    stream.onEvent!({ type: "ADDED", object: a });
    const a2 = next(a);
    stream.onEvent!({ type: "MODIFIED", object: a2 });
    stream.onEvent!({ type: "MODIFIED", object: a2 }); // same resourceVersion: no change
    stream.onEvent!({ type: "ADDED", object: pod("a", { namespace: "other" }) });
    expect(inf.get("default", "a")).toBe(a2);
    expect(inf.get(undefined, "a")).toBeUndefined();
    expect(names(inf.list())).toEqual(["a", "a"]);
    expect(names(inf.list("other"))).toEqual(["a"]);
    expect(seen).toEqual(["add a", `update ${a.metadata.resourceVersion}->${a2.metadata.resourceVersion}`, "add a"]);
    stream.onEvent!({ type: "DELETED", object: a2 });
    expect(inf.get("default", "a")).toBeUndefined();
    expect(seen.at(-1)).toBe("delete a");
  });

  it("orders the standard indexes by last change and updates custom ones in place", () => {
    const { inf, stream } = started();
    inf.addIndex("app", (p) => (p.metadata.labels?.app ? [p.metadata.labels.app] : []), (p) => p.metadata.labels);
    const [a, b, c] = ["a", "b", "c"].map((n) => pod(n, { node: "w1", owner: "rs", labels: { app: "web" } }));
    for (const p of [a, b, c]) stream.onEvent!({ type: "ADDED", object: p });
    stream.onEvent!({ type: "MODIFIED", object: next(a) });
    expect(names(inf.byIndex("nodeName", "w1"))).toEqual(["b", "c", "a"]);
    expect(names(inf.byIndex("controller", "rs"))).toEqual(["b", "c", "a"]);
    expect(names(inf.byIndex("app", "web"))).toEqual(["a", "b", "c"]);
    expect(inf.byIndex("app", "web")[0].metadata.resourceVersion).toBe(inf.get("default", "a")!.metadata.resourceVersion);
    expect(inf.byIndex("nodeName", "w1")[2]).toBe(inf.get("default", "a"));
  });

  it("moves an object between index values when what they are computed from changes", () => {
    const { inf, stream } = started();
    inf.addIndex("app", (p) => (p.metadata.labels?.app ? [p.metadata.labels.app] : []), (p) => p.metadata.labels);
    const a = pod("a", { node: "w1", owner: "rs1", labels: { app: "web" } });
    const b = pod("b", { node: "w1", owner: "rs1", labels: { app: "web" } });
    stream.onEvent!({ type: "ADDED", object: a });
    stream.onEvent!({ type: "ADDED", object: b });
    const moved = next(a, (p) => ({ ...p, spec: { ...p.spec, nodeName: "w2" }, metadata: { ...p.metadata, labels: { app: "db" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs2", uid: "rs2", controller: true }] } }));
    stream.onEvent!({ type: "MODIFIED", object: moved });
    expect(names(inf.byIndex("nodeName", "w1"))).toEqual(["b"]);
    expect(names(inf.byIndex("nodeName", "w2"))).toEqual(["a"]);
    expect(names(inf.byIndex("controller", "rs1"))).toEqual(["b"]);
    expect(names(inf.byIndex("controller", "rs2"))).toEqual(["a"]);
    expect(names(inf.byIndex("app", "web"))).toEqual(["b"]);
    expect(names(inf.byIndex("app", "db"))).toEqual(["a"]);
    stream.onEvent!({ type: "DELETED", object: moved });
    expect(inf.byIndex("nodeName", "w2")).toEqual([]);
    expect(inf.byIndex("app", "db")).toEqual([]);
  });

  it("after a re-list, reports what changed while the watch was broken", () => {
    const { inf, stream, seen } = started();
    const a = pod("a", { node: "w1" });
    const b = pod("b", { node: "w1" });
    stream.onSync!([a, b]);
    expect(inf.hasSynced).toBe(true);
    seen.length = 0;
    const a2 = next(a);
    const c = pod("c", { node: "w1" });
    stream.onSync!([a2, c]);
    expect(seen).toEqual([`update ${a.metadata.resourceVersion}->${a2.metadata.resourceVersion}`, "add c", "delete b"]);
    expect(names(inf.list())).toEqual(["a", "c"]);
    expect(names(inf.byIndex("nodeName", "w1"))).toEqual(["a", "c"]);
  });

  it("refuses a standard index it was created without", () => {
    const { client } = fakeClient();
    const inf = new SharedInformer<Pod>("pods", client, undefined, { standardIndexes: false });
    expect(() => inf.byIndex("nodeName", "w1")).toThrow(/without the nodeName index/);
  });
});
