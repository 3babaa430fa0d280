import { describe, expect, it } from "vitest";
import type { Pod } from "../../api/types";
import type { ApiResponse } from "./request";
import { apiHarness } from "./testHarness";

const pod = (name: string, namespace = "default", nodeName?: string): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace },
  spec: { containers: [{ name: "c", image: "busybox" }], ...(nodeName ? { nodeName } : {}) },
});

const names = (res: ApiResponse) => (res.ok ? (res.items ?? []).map((o) => `${o.metadata.namespace}/${o.metadata.name}`) : []);

describe("listing pods by spec.nodeName", () => {
  it("returns the node's pods in key order, following binds and deletes", () => {
    const h = apiHarness();
    h.call({ verb: "create", resource: "namespaces", body: { apiVersion: "v1", kind: "Namespace", metadata: { name: "apps" } } });
    for (const [name, ns, node] of [["web-b", "default", "n1"], ["web-a", "default", "n1"], ["db", "apps", "n1"], ["other", "default", "n2"], ["pending", "default", undefined]] as const) {
      h.call({ verb: "create", resource: "pods", namespace: ns, body: pod(name, ns, node) });
    }
    const onNode = (node: string, namespace?: string) => names(h.call({ verb: "list", resource: "pods", namespace, fieldSelector: `spec.nodeName=${node}` }));
    expect(onNode("n1")).toEqual(["apps/db", "default/web-a", "default/web-b"]);
    expect(onNode("n1", "default")).toEqual(["default/web-a", "default/web-b"]);
    expect(onNode("")).toEqual(["default/pending"]);
    // Bound: the pod moves from "" to its node.
    h.call({ verb: "create", resource: "pods", namespace: "default", name: "pending", subresource: "binding", body: { apiVersion: "v1", kind: "Binding", metadata: { name: "pending" }, target: { kind: "Node", name: "n2" } } });
    expect(onNode("")).toEqual([]);
    expect(onNode("n2")).toEqual(["default/other", "default/pending"]);
    // Deleted at once (no kubelet here to finish a graceful delete).
    h.call({ verb: "delete", resource: "pods", namespace: "default", name: "other", gracePeriodSeconds: 0 });
    expect(onNode("n2")).toEqual(["default/pending"]);
    // Other selectors still apply on top of the node.
    expect(names(h.call({ verb: "list", resource: "pods", fieldSelector: "spec.nodeName=n1,metadata.name=db" }))).toEqual(["apps/db"]);
  });
});
