import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyDefaults, cannotBeHandled, decodeObject, groupResource, kubectlInvalidMessage, podTemplateHash, qualifiedName, resourceForKind, validationStatus } from "./index";
import type { Deployment } from "./index";

// The path a manifest takes through kube-apiserver (decode → defaults → validate) using only the
// public door of src/sim/api, with the outputs kubectl shows (KUBERNETES-FACTS.md).
const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests: {cpu: 100m, memory: 128Mi}
`;

describe("manifest pipeline", () => {
  it("accepts a typical Deployment", () => {
    const decoded = decodeObject(parse(manifest));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const obj = applyDefaults(decoded.object as Deployment);
    expect(validationStatus(obj, { operation: "create" })).toBeUndefined();
    const resource = resourceForKind(obj.apiVersion, obj.kind)!;
    expect(`${qualifiedName(resource)}/${obj.metadata.name} created`).toBe("deployment.apps/web created");
    expect(groupResource(resource)).toBe("deployments.apps");
    expect(podTemplateHash(obj.spec.template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it("rejects an unknown field with the BadRequest text", () => {
    const decoded = decodeObject(parse(manifest.replace("replicas: 3", "replicas: 3\n  foo: bar")));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(cannotBeHandled("Deployment", "apps/v1", decoded.message)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
    );
  });

  it("rejects negative replicas with the Invalid text", () => {
    const decoded = decodeObject(parse(manifest.replace("replicas: 3", "replicas: -1")));
    if (!decoded.ok) throw new Error(decoded.message);
    const status = validationStatus(applyDefaults(decoded.object), { operation: "create" })!;
    expect(kubectlInvalidMessage(status)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});
