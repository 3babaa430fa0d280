import { describe, expect, it } from "vitest";
import { objectSelection, parseSelection } from "./selection";

describe("parseSelection", () => {
  it("reads the diagram's ids", () => {
    expect(parseSelection("pod:default/nginx-1")).toEqual({ type: "object", resource: "pods", namespace: "default", name: "nginx-1" });
    expect(parseSelection("node:worker-1")).toEqual({ type: "object", resource: "nodes", namespace: undefined, name: "worker-1" });
    expect(parseSelection("kube-proxy@worker-2")).toEqual({ type: "component", id: "kube-proxy@worker-2", role: "kube-proxy", node: "worker-2" });
    expect(parseSelection("etcd")).toEqual({ type: "component", id: "etcd", role: "etcd" });
  });
  it("round-trips object ids", () => {
    for (const [r, ns, n] of [["deployments", "default", "web"], ["nodes", undefined, "worker-1"], ["pods", "kube-system", "etcd-control-plane"], ["namespaces", undefined, "default"]] as const) {
      expect(parseSelection(objectSelection(r, ns, n))).toEqual({ type: "object", resource: r, namespace: ns, name: n });
    }
  });
});
