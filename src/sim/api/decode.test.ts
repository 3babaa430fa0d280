import { describe, expect, it } from "vitest";
import { cannotBeHandled, decodeObject, missingKindError, noMatchesForKind, unableToDecode } from "./decode";
import type { Deployment, Pod } from "./types";

// Messages: sigs.k8s.io/json strict errors as kube-apiserver reports them
// (`strict decoding error: unknown field "spec.foo"`), encoding/json UnmarshalTypeError
// ("json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
// runtime.NewMissingKindErr ("Object 'Kind' is missing in '…'"), meta.NoKindMatchError
// ("no matches for kind … in version …"), resource.ErrFormatWrong, and the BadRequest wrapper of
// apiserver/pkg/endpoints/handlers (`… in version "v1" cannot be handled as a …`); all quoted in
// KUBERNETES-FACTS.md.
const base = () => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.27", resources: { requests: { cpu: 1.5, memory: "1024Mi" } } }] },
    },
  },
});

describe("decodeObject", () => {
  it("decodes a valid manifest and canonicalises quantities", () => {
    const r = decodeObject(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.object as Deployment;
    expect(d.spec.template.spec.containers[0].resources?.requests).toEqual({ cpu: "1500m", memory: "1Gi" });
    expect(r.unknownFields).toEqual([]);
  });

  it("reports unknown fields with their full path", () => {
    const doc = base() as Record<string, unknown> & { spec: Record<string, unknown> };
    doc.spec.foo = 1;
    doc.spec.bar = true;
    (doc.spec.template as { spec: { containers: Record<string, unknown>[] } }).spec.containers[0].foo = "x";
    const r = decodeObject(doc);
    expect(r).toEqual({
      ok: false,
      reason: "Strict",
      message:
        // Document order: the template precedes the two fields appended to spec.
        'strict decoding error: unknown field "spec.template.spec.containers[0].foo", unknown field "spec.foo", unknown field "spec.bar"',
    });
    expect(cannotBeHandled("Deployment", "apps/v1", 'strict decoding error: unknown field "spec.foo"')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
    );
  });

  it("warns or ignores instead when asked", () => {
    const doc = { ...base(), extra: 1 };
    const warn = decodeObject(doc, "Warn");
    expect(warn.ok && warn.warnings).toEqual(['unknown field "extra"']);
    const ignore = decodeObject(doc, "Ignore");
    expect(ignore.ok && "extra" in ignore.object).toBe(false);
  });

  it("reports type errors like encoding/json", () => {
    const doc = base();
    (doc.spec as Record<string, unknown>).replicas = "three";
    expect(decodeObject(doc)).toMatchObject({
      ok: false,
      reason: "TypeError",
      message: "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32",
    });
    const env = base();
    (env.spec.template.spec.containers[0] as Record<string, unknown>).env = [{ name: "PORT", value: 8080 }];
    expect(decodeObject(env)).toMatchObject({
      message: "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
    });
    const frac = base();
    (frac.spec as Record<string, unknown>).replicas = 1.5;
    expect(decodeObject(frac)).toMatchObject({ message: "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32" });
    const containers = base();
    (containers.spec.template.spec as Record<string, unknown>).containers = { name: "x" };
    expect(decodeObject(containers)).toMatchObject({
      message: "json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container",
    });
  });

  it("rejects malformed quantities with resource.ErrFormatWrong", () => {
    const doc = base();
    doc.spec.template.spec.containers[0].resources.requests.memory = "1 GB";
    expect(decodeObject(doc)).toMatchObject({
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    });
  });

  it("checks kind and version", () => {
    expect(missingKindError({ metadata: { name: "web" }, apiVersion: "apps/v1" })).toBe(
      `Object 'Kind' is missing in '{"apiVersion":"apps/v1","metadata":{"name":"web"}}'`,
    );
    // kubectl: `error: unable to decode "bad.yaml": Object 'Kind' is missing in '{}'`
    expect(unableToDecode("bad.yaml", missingKindError({})!)).toBe(`unable to decode "bad.yaml": Object 'Kind' is missing in '{}'`);
    expect(decodeObject({ apiVersion: "v1", kind: "Foo", metadata: { name: "x" } })).toEqual({
      ok: false,
      reason: "NoKindMatch",
      message: 'no matches for kind "Foo" in version "v1"',
    });
    expect(noMatchesForKind("Deployment", "v1")).toBe('no matches for kind "Deployment" in version "v1"');
    expect(decodeObject({ apiVersion: "v1", kind: "Deployment", metadata: {} })).toMatchObject({ reason: "NoKindMatch" });
  });

  it("accepts int-or-string ports and drops nulls", () => {
    const r = decodeObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", labels: null },
      spec: { containers: [{ name: "a", image: "a", readinessProbe: { httpGet: { port: "http" } }, livenessProbe: { tcpSocket: { port: 80 } } }] },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pod = r.object as Pod;
    expect(pod.metadata).toEqual({ name: "p" });
    expect(pod.spec.containers[0].readinessProbe?.httpGet?.port).toBe("http");
    const bad = decodeObject({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "a", readinessProbe: { httpGet: { port: true } } }] } });
    expect(bad).toMatchObject({ message: "json: cannot unmarshal bool into Go value of type int32" });
  });
});
