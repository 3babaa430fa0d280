import { describe, expect, it } from "vitest";
import { explain, explainTypeName, goTypeName, schemaForKind } from "./index";
import { RESOURCES } from "../resources";

// Field names and types follow the OpenAPI v3 documents kube-apiserver v1.34 publishes (what
// `kubectl explain` reads): `replicas <integer>`, `selector <LabelSelector> -required-`,
// `containers <[]Container> -required-`, `maxSurge <IntOrString>`.
describe("schema", () => {
  it("has a schema for every registered kind", () => {
    for (const r of RESOURCES) expect(schemaForKind(r.apiVersion, r.kind), r.kind).toBeDefined();
  });

  it("explains paths like kubectl explain", () => {
    const replicas = explain("apps/v1", "Deployment", ["spec", "replicas"])!;
    expect(explainTypeName(replicas.type)).toBe("integer");
    expect(replicas.description).toContain("Defaults to 1");
    const selector = explain("apps/v1", "Deployment", ["spec", "selector"])!;
    expect(selector.required).toBe(true);
    expect(explainTypeName(selector.type)).toBe("LabelSelector");
    const containers = explain("apps/v1", "Deployment", ["spec", "template", "spec", "containers"])!;
    expect(explainTypeName(containers.type)).toBe("[]Container");
    expect(containers.fields.map((f) => f.name)).toContain("imagePullPolicy");
    expect(explainTypeName(explain("apps/v1", "Deployment", ["spec", "strategy", "rollingUpdate", "maxSurge"])!.type)).toBe("IntOrString");
    expect(explainTypeName(explain("v1", "Pod", ["metadata", "labels"])!.type)).toBe("map[string]string");
    expect(explain("apps/v1", "Deployment", ["spec", "foo"])).toBeUndefined();
  });

  it("names Go types as reflect does", () => {
    expect(goTypeName(explain("v1", "Pod", ["spec", "containers"])!.type)).toBe("[]v1.Container");
    expect(goTypeName(explain("v1", "Pod", ["spec", "nodeSelector"])!.type)).toBe("map[string]string");
  });
});
