import { describe, expect, it } from "vitest";
import { createCluster } from "../../..";
import type { ApiRequest, ApiResponse } from "../../apiserver/request";
import type { Deployment, Namespace, ReplicaSet } from "../../../api";

function cluster() {
  const c = createCluster({ seed: 3, workers: 2 });
  const call = (req: ApiRequest): ApiResponse => {
    let out: ApiResponse | undefined;
    c.request(req, (r) => (out = r));
    c.settle(300_000);
    return out!;
  };
  const deploy = (name: string, namespace = "default") =>
    call({
      verb: "create",
      resource: "deployments",
      namespace,
      body: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace },
        spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
      } satisfies Deployment,
    });
  const finish = () => {
    c.advance(60_000);
    c.settle(300_000);
  };
  return { c, call, deploy, finish };
}

describe("garbage collector and namespace controller in a cluster", () => {
  it("background: the Deployment goes at once, then its ReplicaSet, then the pods", () => {
    const { c, call, deploy, finish } = cluster();
    deploy("web");
    call({ verb: "delete", resource: "deployments", namespace: "default", name: "web" });
    finish();
    expect(c.list("replicasets", "default")).toEqual([]);
    expect(c.list("pods", "default")).toEqual([]);
    const gc = c.kernel.trace.events.filter((e) => e.verb === "reconcile" && e.summary.startsWith("garbage-collector"));
    expect(gc[0].narration).toMatch(/^The garbage collector saw that ReplicaSet web-\w+ belongs to Deployment web, which no longer exists/);
  });

  it("foreground: the Deployment waits with its finalizer until its dependents are gone", () => {
    const { c, call, deploy, finish } = cluster();
    deploy("web");
    const res = call({ verb: "delete", resource: "deployments", namespace: "default", name: "web", propagationPolicy: "Foreground" });
    expect(res.ok).toBe(true);
    const seen = c.kernel.trace.events.filter((e) => e.verb === "reconcile" && e.summary.startsWith("garbage-collector")).map((e) => e.narration);
    expect(seen.some((n) => n.startsWith("Deployment web is being deleted in the foreground"))).toBe(true);
    finish();
    expect(c.list("deployments", "default")).toEqual([]);
    expect(c.list("replicasets", "default")).toEqual([]);
    expect(c.list("pods", "default")).toEqual([]);
  });

  it("orphan: the ReplicaSet and pods stay, without the owner reference", () => {
    const { c, call, deploy, finish } = cluster();
    deploy("web");
    call({ verb: "delete", resource: "deployments", namespace: "default", name: "web", propagationPolicy: "Orphan" });
    finish();
    expect(c.list("deployments", "default")).toEqual([]);
    const [rs] = c.list<ReplicaSet>("replicasets", "default");
    expect(rs.metadata.ownerReferences ?? []).toEqual([]);
    expect(c.list("pods", "default")).toHaveLength(2);
  });

  it("a new namespace gets its default ServiceAccount and kube-root-ca.crt; deleting it empties it first", () => {
    const { c, call, deploy, finish } = cluster();
    call({ verb: "create", resource: "namespaces", body: { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } } });
    expect(c.list("serviceaccounts", "team-a").map((s) => s.metadata.name)).toEqual(["default"]);
    expect(c.list("configmaps", "team-a").map((s) => s.metadata.name)).toEqual(["kube-root-ca.crt"]);
    deploy("api", "team-a");
    expect(c.list("pods", "team-a")).toHaveLength(2);
    call({ verb: "delete", resource: "namespaces", name: "team-a" });
    finish();
    const ns = c.kernel.trace.events.filter((e) => e.verb === "reconcile" && e.summary.startsWith("namespace-controller")).map((e) => e.narration);
    expect(ns[0]).toMatch(/^Namespace team-a is being deleted, so the namespace controller deletes everything in it \(/);
    expect(ns.at(-1)).toBe('Namespace team-a is empty now, so the namespace controller removes its "kubernetes" finalizer and kube-apiserver deletes the namespace.');
    expect(c.list<Namespace>("namespaces").map((n) => n.metadata.name)).not.toContain("team-a");
    expect(c.list("pods", "team-a")).toEqual([]);
    expect(c.list("events", "team-a")).toEqual([]);
  });
});
