import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMergePatch, applyStrategicMergePatch, createThreeWayMergePatch, deepEqual, mergeKeyFor, threeWayMerge } from "./patch";

// RFC 7386 appendix A examples; merge keys from the patchMergeKey struct tags of k8s.io/api
// (Container by name, ContainerPort by containerPort, ServicePort by port, EnvVar by name);
// three-way semantics from k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch
// as kubectl apply uses it.
describe("JSON merge patch (RFC 7386)", () => {
  it.each([
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
  ])("%j + %j", (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });
});

describe("strategic merge patch", () => {
  const deploy = {
    spec: {
      template: {
        spec: {
          containers: [
            { name: "nginx", image: "nginx:1.26", ports: [{ containerPort: 80, protocol: "TCP" }] },
            { name: "sidecar", image: "busybox" },
          ],
        },
      },
    },
  };

  it("merges containers by name instead of replacing the list", () => {
    const out = applyStrategicMergePatch(deploy, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } });
    expect(out).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              { name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] },
              { name: "sidecar", image: "busybox" },
            ],
          },
        },
      },
    });
  });

  it("honours $patch: delete and appends new elements", () => {
    const out = applyStrategicMergePatch(deploy, {
      spec: { template: { spec: { containers: [{ name: "sidecar", $patch: "delete" }, { name: "logger", image: "fluent-bit" }] } } },
    }) as typeof deploy;
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(["nginx", "logger"]);
  });

  it("knows the merge keys", () => {
    expect(mergeKeyFor(["spec", "template", "spec", "containers"])).toBe("name");
    expect(mergeKeyFor(["spec", "template", "spec", "containers", "ports"])).toBe("containerPort");
    expect(mergeKeyFor(["spec", "ports"])).toBe("port");
    expect(mergeKeyFor(["spec", "template", "spec", "containers", "env"])).toBe("name");
    expect(mergeKeyFor(["spec", "template", "spec", "containers", "args"])).toBeUndefined();
  });
});

describe("three-way merge (kubectl apply)", () => {
  it("deletes fields removed from the manifest and keeps fields it never had", () => {
    const lastApplied = { spec: { replicas: 3, template: { spec: { containers: [{ name: "app", image: "app:1", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] } } } };
    const modified = { spec: { template: { spec: { containers: [{ name: "app", image: "app:2", env: [{ name: "A", value: "1" }] }] } } } };
    const current = {
      spec: {
        replicas: 5,
        progressDeadlineSeconds: 600,
        template: { spec: { containers: [{ name: "app", image: "app:1", imagePullPolicy: "IfNotPresent", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] } },
      },
    };
    const patch = createThreeWayMergePatch(lastApplied, modified, current);
    expect(patch).toEqual({
      spec: { replicas: null, template: { spec: { containers: [{ name: "app", image: "app:2", env: [{ name: "B", $patch: "delete" }] }] } } },
    });
    expect(threeWayMerge(lastApplied, modified, current)).toEqual({
      spec: {
        progressDeadlineSeconds: 600,
        template: { spec: { containers: [{ name: "app", image: "app:2", imagePullPolicy: "IfNotPresent", env: [{ name: "A", value: "1" }] }] } },
      },
    });
  });

  it("produces an empty patch when nothing changed (kubectl: unchanged)", () => {
    const m = { metadata: { labels: { app: "web" } }, spec: { replicas: 2 } };
    expect(createThreeWayMergePatch(m, m, { ...m, status: { replicas: 2 } })).toEqual({});
  });

  it("replaces lists wholesale in merge-patch mode", () => {
    const out = threeWayMerge({ a: [1, 2] }, { a: [3] }, { a: [1, 2], b: true }, false);
    expect(out).toEqual({ a: [3], b: true });
  });

  it("compares deeply", () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});


describe("properties", () => {
  const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));
  const doc = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.oneof(value, fc.dictionary(fc.constantFrom("x", "y", "z"), value)));

  it("a two-way patch (original = current) takes current to modified", () => {
    fc.assert(
      fc.property(doc, doc, (current, modified) => {
        expect(threeWayMerge(current, modified, current, false)).toEqual(modified);
        expect(threeWayMerge(current, modified, current, true)).toEqual(modified);
      }),
    );
  });

  it("applying the same manifest twice is a no-op", () => {
    fc.assert(
      fc.property(doc, doc, (current, manifest) => {
        const once = threeWayMerge(current, manifest, current);
        expect(createThreeWayMergePatch(manifest, manifest, once)).toEqual({});
      }),
    );
  });
});
