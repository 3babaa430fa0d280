import { describe, expect, it } from "vitest";
import {
  apiResourceRows,
  etcdKey,
  groupKind,
  groupResource,
  qualifiedName,
  resourceFor,
  resourceForKind,
  resourcesInCategory,
} from "./resources";

// Names and short names as printed by `kubectl api-resources` on a v1.34 cluster; etcd prefixes
// from pkg/registry/*/storage (nodes are stored as "minions", services under "services/specs").
describe("resourceFor", () => {
  it.each([
    ["po", "pods"],
    ["pods", "pods"],
    ["pod", "pods"],
    ["Pod", "pods"],
    ["PODS", "pods"],
    ["deploy", "deployments"],
    ["deployments.apps", "deployments"],
    ["deployment.apps", "deployments"],
    ["deployments.v1.apps", "deployments"],
    ["no", "nodes"],
    ["svc", "services"],
    ["ep", "endpoints"],
    ["ev", "events"],
    ["cm", "configmaps"],
    ["sa", "serviceaccounts"],
    ["ns", "namespaces"],
    ["rs", "replicasets"],
    ["ds", "daemonsets"],
    ["pdb", "poddisruptionbudgets"],
    ["lease", "leases"],
    ["endpointslices.discovery.k8s.io", "endpointslices"],
  ])("%s → %s", (input, plural) => {
    expect(resourceFor(input)?.resource).toBe(plural);
  });

  it("rejects unknown names and wrong groups", () => {
    expect(resourceFor("foo")).toBeUndefined();
    expect(resourceFor("deployments.extensions")).toBeUndefined();
    expect(resourceFor("pods.apps")).toBeUndefined();
  });
});

describe("resourceForKind", () => {
  it("matches apiVersion and kind exactly", () => {
    expect(resourceForKind("apps/v1", "Deployment")?.resource).toBe("deployments");
    expect(resourceForKind("v1", "Service")?.resource).toBe("services");
    expect(resourceForKind("v1", "Deployment")).toBeUndefined();
    expect(resourceForKind("v1", "Foo")).toBeUndefined();
  });
});

describe("names and keys", () => {
  it("builds etcd keys like kube-apiserver", () => {
    expect(etcdKey(resourceFor("pods")!, "default", "web-1")).toBe("/registry/pods/default/web-1");
    expect(etcdKey(resourceFor("nodes")!, undefined, "worker-1")).toBe("/registry/minions/worker-1");
    expect(etcdKey(resourceFor("svc")!, "default", "web")).toBe("/registry/services/specs/default/web");
    expect(etcdKey(resourceFor("deploy")!, "default", "web")).toBe("/registry/deployments/default/web");
    expect(etcdKey(resourceFor("lease")!, "kube-node-lease", "worker-1")).toBe("/registry/leases/kube-node-lease/worker-1");
    expect(etcdKey(resourceFor("pods")!, "default")).toBe("/registry/pods/default");
  });

  it("qualifies names as kubectl prints them", () => {
    expect(qualifiedName(resourceFor("deploy")!)).toBe("deployment.apps");
    expect(qualifiedName(resourceFor("svc")!)).toBe("service");
    expect(qualifiedName(resourceFor("pdb")!)).toBe("poddisruptionbudget.policy");
    expect(groupResource(resourceFor("deploy")!)).toBe("deployments.apps");
    expect(groupResource(resourceFor("po")!)).toBe("pods");
    expect(groupKind(resourceFor("deploy")!)).toBe("Deployment.apps");
  });

  it("expands the all category in kubectl get all's order", () => {
    expect(resourcesInCategory("all").map(qualifiedName)).toEqual(["pod", "service", "daemonset.apps", "deployment.apps", "replicaset.apps"]);
  });

  it("lists api-resources rows", () => {
    const rows = apiResourceRows();
    expect(rows.find((row) => row.name === "deployments")).toEqual({
      name: "deployments",
      shortNames: "deploy",
      apiVersion: "apps/v1",
      namespaced: "true",
      kind: "Deployment",
    });
    expect(rows.find((row) => row.name === "nodes")?.namespaced).toBe("false");
    expect(rows[0].name).toBe("configmaps");
  });
});
