import { describe, expect, it } from "vitest";
import { applyDefaults } from "../defaults";
import type { Deployment, KubeObject, Pod, Service } from "../types";
import { aggregateMessage, fieldErrorString, kubectlInvalidMessage } from "./fieldError";
import { validateObjectFieldErrors, validationStatus, type ValidateOptions } from "./validate";

// Expected strings follow pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec,
// ValidatePodTemplateSpecForReplicaSet), pkg/apis/core/validation/validation.go (validateContainers,
// validateContainerPorts, ValidateResourceRequirements, ValidateService, ValidatePodUpdate),
// apimachinery/pkg/api/validation/objectmeta.go, util/validation/validation.go (RegexError),
// util/validation/field/errors.go (ErrorBody) and api/errors/errors.go (NewInvalid), and the
// messages quoted in KUBERNETES-FACTS.md.
const create: ValidateOptions = { operation: "create" };

function deploy(mut: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
    },
  };
  mut(d);
  return applyDefaults(d);
}

const messages = (obj: KubeObject, opts: ValidateOptions = create) => validateObjectFieldErrors(obj, opts).map(fieldErrorString);

describe("Deployment", () => {
  it("accepts a valid deployment", () => {
    expect(messages(deploy())).toEqual([]);
  });

  it("rejects negative replicas with the apiserver's status", () => {
    const status = validationStatus(deploy((d) => (d.spec.replicas = -1)), create)!;
    expect(status.message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(status.code).toBe(422);
    expect(status.reason).toBe("Invalid");
    expect(status.details).toMatchObject({ name: "web", group: "apps", kind: "Deployment" });
    expect(status.details?.causes).toEqual([
      { reason: "FieldValueInvalid", message: "Invalid value: -1: must be greater than or equal to 0", field: "spec.replicas" },
    ]);
  });

  it("requires the selector to match the template labels", () => {
    expect(messages(deploy((d) => (d.spec.template.metadata = { labels: { app: "other" } })))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    ]);
  });

  it("reports a missing selector twice, as apps/v1 does", () => {
    const d = deploy((x) => delete (x.spec as Partial<Deployment["spec"]>).selector);
    expect(validationStatus(d, create)!.message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    );
  });

  it("checks containers, images, names and restart policy", () => {
    expect(messages(deploy((d) => (d.spec.template.spec.containers = [])))).toEqual(["spec.template.spec.containers: Required value"]);
    expect(messages(deploy((d) => (d.spec.template.spec.containers[0].image = ""))))
      .toEqual(["spec.template.spec.containers[0].image: Required value"]);
    expect(messages(deploy((d) => (d.spec.template.spec.restartPolicy = "Never")))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
    expect(
      messages(
        deploy((d) => d.spec.template.spec.containers.push({ name: "nginx", image: "busybox" })),
      ),
    ).toEqual(['spec.template.spec.containers[1].name: Duplicate value: "nginx"']);
    expect(messages(deploy((d) => (d.spec.template.spec.containers[0].name = "Web_1")))).toEqual([
      "spec.template.spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it("checks ports and resources", () => {
    const d = deploy((x) => {
      x.spec.template.spec.containers[0].ports = [{ containerPort: 70000 }];
      x.spec.template.spec.containers[0].resources = { requests: { cpu: "2" }, limits: { cpu: "1" } };
    });
    expect(messages(d)).toEqual([
      "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      'spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
    const bad = deploy((x) => (x.spec.template.spec.containers[0].resources = { limits: { cpus: "1" } }));
    expect(messages(bad)).toEqual(['spec.template.spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers']);
  });

  it("checks the rolling update parameters", () => {
    const d = deploy((x) => (x.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }));
    expect(messages(d)).toEqual(["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"]);
  });

  it("rejects unknown strategy types", () => {
    expect(messages(deploy((x) => (x.spec.strategy = { type: "BlueGreen" as "Recreate" })))).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });

  it("forbids changing the selector on update", () => {
    const old = deploy();
    const next = deploy((d) => {
      d.spec.selector = { matchLabels: { app: "web2" } };
      d.spec.template.metadata = { labels: { app: "web2" } };
    });
    expect(messages(next, { operation: "update", oldObj: old })).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe("metadata", () => {
  it("uses the RFC 1123 subdomain message of KUBERNETES-FACTS", () => {
    expect(messages(deploy((d) => (d.metadata.name = "Web")))).toEqual([
      "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it("requires a name and validates labels", () => {
    expect(messages(deploy((d) => (d.metadata.name = undefined)))).toEqual(["metadata.name: Required value: name or generateName is required"]);
    expect(messages(deploy((d) => (d.metadata.labels = { app: "bad value" })))[0]).toBe(
      "metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  });

  it("names Services with DNS-1035 labels and Namespaces with RFC 1123 labels", () => {
    const svc = applyDefaults<Service>({ apiVersion: "v1", kind: "Service", metadata: { name: "1web", namespace: "default" }, spec: { ports: [{ port: 80 }] } });
    expect(messages(svc)).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    const ns = applyDefaults({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a.b" } });
    expect(messages(ns)).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
  });
});

describe("Service", () => {
  const svc = (spec: Service["spec"]) => applyDefaults<Service>({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec });

  it("checks ports, types and names", () => {
    expect(messages(svc({}))).toEqual(["spec.ports: Required value"]);
    expect(messages(svc({ ports: [{ port: 0 }] }))).toEqual([
      "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(messages(svc({ ports: [{ port: 80 }, { port: 443 }] }))).toEqual(["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"]);
    expect(messages(svc({ type: "Magic" as "ClusterIP", ports: [{ port: 80 }] }))).toEqual([
      'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(messages(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });

  it("checks the NodePort range like the allocator", () => {
    const s = svc({ type: "NodePort", ports: [{ port: 80, nodePort: 80 }] });
    expect(validationStatus(s, { operation: "create", nodePortRange: { min: 30000, max: 32767 } })?.message).toBe(
      'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});

describe("Pod", () => {
  const pod = (): Pod => applyDefaults<Pod>({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } });

  it("checks the restart policy and image", () => {
    const p = pod();
    p.spec.restartPolicy = "Sometimes" as "Always";
    p.spec.containers[0].image = "";
    expect(messages(p)).toEqual(["spec.containers[0].image: Required value", 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']);
  });

  it("checks container names, quantities and probes with their field paths", () => {
    const p = pod();
    p.spec.containers.push({ ...p.spec.containers[0], name: "Side_car", resources: { requests: { cpu: " -1", memory: "1Gi", "hugepages-2Mi": -2 as unknown as string }, limits: { memory: "2Gi", cpu: "-0" } }, livenessProbe: {} });
    expect(messages(p)).toEqual([
      'spec.containers[1].name: Invalid value: "Side_car": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
      'spec.containers[1].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[1].resources.requests[hugepages-2Mi]: Invalid value: "-2": must be greater than or equal to 0',
      "spec.containers[1].livenessProbe: Required value: must specify a handler type",
    ]);
  });

  it("allows image updates and forbids other spec changes", () => {
    const old = pod();
    const img = pod();
    img.spec.containers[0].image = "nginx:1.28";
    expect(messages(img, { operation: "update", oldObj: old })).toEqual([]);
    const port = pod();
    port.spec.containers[0].ports = [{ containerPort: 80, protocol: "TCP" }];
    expect(messages(port, { operation: "update", oldObj: old })[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  });
});

describe("aggregation", () => {
  it("drops duplicate messages and brackets several", () => {
    const e = { type: "FieldValueRequired" as const, field: "spec.x", detail: "" };
    expect(aggregateMessage([e, e])).toBe("spec.x: Required value");
    expect(aggregateMessage([e, { ...e, field: "spec.y" }])).toBe("[spec.x: Required value, spec.y: Required value]");
  });
});

describe("kubectl's rendering", () => {
  // kubectl cmdutil.checkErr: `The Service "x" is invalid:` then one `* cause` per line.
  it("prints one cause inline and several as a list", () => {
    const one = validationStatus(deploy((d) => (d.spec.replicas = -1)), create)!;
    expect(kubectlInvalidMessage(one)).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    const svc = applyDefaults<Service>({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { ports: [{ name: "a", port: 80, nodePort: 30001 }, { name: "b", port: 81, nodePort: 30002 }] } });
    expect(kubectlInvalidMessage(validationStatus(svc, create)!)).toBe(
      "The Service \"web\" is invalid: \n* spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n* spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
    expect(validationStatus(svc, create)!.message).toBe(
      "Service \"web\" is invalid: [spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP', spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP']",
    );
  });
});
