import { describe, expect, it } from "vitest";
import { applyDefaults } from "../defaults";
import type { ConfigMap, EndpointSlice, KubeObject, Lease, Node, PodDisruptionBudget } from "../types";
import { fieldErrorString } from "./fieldError";
import { isDNS1123Label, isPlainLabel, isQualifiedName, isValidLabelValue, isValidPercent, isValidPortName, regexError } from "./names";
import { validateObjectFieldErrors } from "./validate";

// Messages from pkg/apis/core/validation (ValidateConfigMap → IsConfigMapKey, ValidateNode
// taints), pkg/apis/coordination/validation (ValidateLeaseSpec), pkg/apis/policy/validation,
// pkg/apis/discovery/validation and util/validation/validation.go (IsValidPortName,
// IsValidPercent, RegexError).
const messages = (obj: KubeObject) => validateObjectFieldErrors(applyDefaults(obj), { operation: "create" }).map(fieldErrorString);

describe("simple kinds", () => {
  it("checks ConfigMap keys", () => {
    const cm: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default" }, data: { "good.key": "1", "bad key": "2" } };
    expect(messages(cm)).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });

  it("checks Node taints and names", () => {
    const node: Node = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "worker-1" },
      spec: { taints: [{ key: "dedicated", effect: "Sometimes" as "NoSchedule" }] },
    };
    expect(messages(node)).toEqual(['spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']);
    expect(messages({ ...node, metadata: { name: "worker-1", namespace: "default" }, spec: {} } as Node)).toEqual(["metadata.namespace: Forbidden: not allowed on this type"]);
  });

  it("checks Leases, PDBs and EndpointSlices", () => {
    const lease: Lease = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "worker-1", namespace: "kube-node-lease" }, spec: { leaseDurationSeconds: 0 } };
    expect(messages(lease)).toEqual(["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]);
    const pdb: PodDisruptionBudget = {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "web", namespace: "default" },
      spec: { minAvailable: "50x", selector: { matchLabels: { app: "web" } } },
    };
    expect(messages(pdb)).toEqual([
      "spec.minAvailable: Invalid value: 50x: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    const slice: EndpointSlice = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "web-abcde", namespace: "default" }, addressType: "IPv5" as "IPv4", endpoints: [] };
    expect(messages(slice)).toEqual(['addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"']);
  });

  it("forbids renaming on update", () => {
    const old: ConfigMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a", namespace: "default", uid: "u1" } };
    const next: ConfigMap = { ...old, metadata: { ...old.metadata, name: "b" } };
    expect(validateObjectFieldErrors(next, { operation: "update", oldObj: old }).map(fieldErrorString)).toEqual([
      'metadata.name: Invalid value: "b": field is immutable',
    ]);
  });
});

describe("name helpers", () => {
  it("match util/validation", () => {
    expect(isValidPortName("http")).toEqual([]);
    expect(isValidPortName("8080")).toEqual(["must contain at least one letter (a-z)"]);
    expect(isValidPortName("my--port-name-too-long")).toEqual(["must be no more than 15 characters", "must not contain consecutive hyphens"]);
    expect(isValidPercent("25%")).toEqual([]);
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(regexError("msg", "re")).toBe("msg (regex used for validation is 're')");
  });
});

describe("isPlainLabel", () => {
  it("accepts only labels both full checks accept", () => {
    const samples = ["", "a", "app", "A-b_c.d", "-a", "a-", "a b", "x/y", "example.com/app", "/a", "a/", "a".repeat(63), "a".repeat(64), "ü"];
    for (const key of samples) {
      for (const value of samples) {
        const valid = isQualifiedName(key).length === 0 && isValidLabelValue(value).length === 0;
        if (isPlainLabel(key, value)) expect(valid).toBe(true);
        else if (!key.includes("/")) expect(valid).toBe(false);
      }
    }
  });
});
