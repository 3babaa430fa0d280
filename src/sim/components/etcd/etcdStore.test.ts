import { describe, expect, it } from "vitest";
import { EtcdStore } from "./etcdStore";

const pod = (name: string, ns = "default") => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns } });

describe("EtcdStore", () => {
  it("bumps one global revision per write and sets resourceVersion", () => {
    const s = new EtcdStore();
    const a = s.put("/registry/pods/default/a", pod("a"))!;
    const b = s.put("/registry/deployments/default/web", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } })!;
    expect(b.modRevision).toBe(a.modRevision + 1);
    expect(a.value.metadata.resourceVersion).toBe(String(a.modRevision));
    const a2 = s.put("/registry/pods/default/a", pod("a"))!;
    expect(a2.createRevision).toBe(a.createRevision);
    expect(a2.version).toBe(2);
  });

  it("ranges by prefix in key order without crossing resources", () => {
    const s = new EtcdStore();
    s.put("/registry/pods/kube-system/z", pod("z", "kube-system"));
    s.put("/registry/pods/default/b", pod("b"));
    s.put("/registry/pods/default/a", pod("a"));
    s.put("/registry/minions/worker-1", { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" } });
    expect(s.range("/registry/pods/").map((e) => e.key)).toEqual([
      "/registry/pods/default/a",
      "/registry/pods/default/b",
      "/registry/pods/kube-system/z",
    ]);
    expect(s.range("/registry/pods/default/").map((e) => e.value.metadata.name)).toEqual(["a", "b"]);
    expect(s.range("/registry/services/specs/")).toEqual([]);
  });

  it("compare-and-swap fails on a stale revision and delete reports the last value", () => {
    const s = new EtcdStore();
    const e = s.put("/registry/pods/default/a", pod("a"))!;
    s.put("/registry/pods/default/a", pod("a"));
    expect(s.put("/registry/pods/default/a", pod("a"), e.modRevision)).toBeUndefined();
    const writes: string[] = [];
    s.onWrite((w) => writes.push(`${w.type} ${w.key}`));
    expect(s.delete("/registry/pods/default/a")?.value.metadata.name).toBe("a");
    expect(s.get("/registry/pods/default/a")).toBeUndefined();
    expect(writes).toEqual(["delete /registry/pods/default/a"]);
  });

  it("swap stores the caller's object, reports the replaced entry and leaves a refused value alone", () => {
    const s = new EtcdStore();
    const first = s.swap("/registry/pods/default/a", pod("a"), 0)!;
    expect(first.prev).toBeUndefined();
    const next = pod("a");
    const second = s.swap("/registry/pods/default/a", next, first.entry.modRevision)!;
    expect(second.entry.value).toBe(next);
    expect(next.metadata).toEqual({ name: "a", namespace: "default", resourceVersion: String(second.entry.modRevision) });
    expect(second.prev).toBe(first.entry);
    const stale = pod("a");
    expect(s.swap("/registry/pods/default/a", stale, first.entry.modRevision)).toBeUndefined();
    expect(stale.metadata).toEqual({ name: "a", namespace: "default" });
    expect(s.range("/registry/pods/default/").map((e) => e.modRevision)).toEqual([second.entry.modRevision]);
  });

  it("swap through a located slot writes the key, and falls back to a lookup once the key was deleted", () => {
    const s = new EtcdStore();
    const key = "/registry/pods/default/a";
    const created = s.put(key, pod("a"))!;
    const slot = s.locate(key)!;
    expect(slot.entry).toBe(created);
    const updated = s.swap(key, pod("a"), created.modRevision, slot)!;
    expect(s.get(key)).toBe(updated.entry);
    expect(updated.prev).toBe(created);
    s.delete(key);
    expect(s.swap(key, pod("a"), updated.entry.modRevision, slot)).toBeUndefined();
    const again = s.swap(key, pod("a"), 0, slot)!;
    expect(again.prev).toBeUndefined();
    expect(s.get(key)).toBe(again.entry);
    expect(s.range("/registry/pods/").map((e) => e.key)).toEqual([key]);
  });

  it("tells a resource's listeners of its writes only, after the store-wide ones", () => {
    const s = new EtcdStore();
    const heard: string[] = [];
    s.onWrite((w) => heard.push(`all ${w.type} ${w.key}`));
    s.onWriteUnder("/registry/pods", (w) => heard.push(`pods ${w.type} ${w.key} ${w.slot.key === w.key}`));
    s.put("/registry/pods/default/a", pod("a"));
    s.put("/registry/deployments/default/web", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } });
    s.delete("/registry/pods/default/a");
    expect(heard).toEqual([
      "all put /registry/pods/default/a",
      "pods put /registry/pods/default/a true",
      "all put /registry/deployments/default/web",
      "all delete /registry/pods/default/a",
      "pods delete /registry/pods/default/a true",
    ]);
  });
});
