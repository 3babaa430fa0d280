import { describe, expect, it } from "vitest";
import { EXAMPLES } from "./examples";
import { lintManifest } from "./lintManifest";
import { parseFieldPath } from "./yamlPath";

const deployment = (replicas: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27${extra}
`;

describe("lintManifest", () => {
  it("accepts every example", () => {
    for (const ex of EXAMPLES) {
      const r = lintManifest(ex.yaml);
      expect(r.problems, ex.id).toEqual([]);
      expect(r.objectCount).toBeGreaterThan(0);
    }
  });

  it("puts a validation error at the line of the field, in kube-apiserver's words", () => {
    const r = lintManifest(deployment("-1"));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(6);
    expect(r.problems[0].message).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it("reports unknown fields as strict decoding errors where they are written", () => {
    const r = lintManifest(deployment("2", "\n          colour: blue"));
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[18, 'strict decoding error: unknown field "spec.template.spec.containers[0].colour"']]);
  });

  it("reports a wrong type at the field even without array positions in the message", () => {
    const r = lintManifest(deployment("2", "\n          ports:\n            - containerPort: eighty"));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(19);
    expect(r.problems[0].message).toMatch(/json: cannot unmarshal string into Go struct field .*containerPort of type int32/);
  });

  it("reports YAML syntax errors as kubectl does, with the line", () => {
    const r = lintManifest("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   bad: x\n");
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
    expect(r.problems[0].line).toBe(5);
  });

  it("reports an unknown kind at its kind line", () => {
    const r = lintManifest("apiVersion: v1\nkind: Foo\nmetadata:\n  name: a\n");
    expect(r.problems[0]).toMatchObject({ line: 2, message: 'no matches for kind "Foo" in version "v1"\nensure CRDs are installed first' });
  });

  it("checks every document of a multi-document manifest", () => {
    const svc = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: Web\nspec:\n  ports:\n    - port: 80\n";
    const r = lintManifest(deployment("1") + svc);
    expect(r.objectCount).toBe(2);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(22);
    expect(r.problems[0].message).toMatch(/^The Service "Web" is invalid: metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case/);
  });

  it("requires a name, as kubectl apply does", () => {
    const r = lintManifest("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\n");
    expect(r.problems[0]).toMatchObject({ line: 3, message: "error when retrieving current configuration of ConfigMap: resource name may not be empty" });
  });

  it("skips empty documents", () => {
    expect(lintManifest("---\n# nothing\n---\n")).toEqual({ problems: [], objectCount: 0 });
  });
});

describe("parseFieldPath", () => {
  it("splits dots and brackets, keeping label keys whole", () => {
    expect(parseFieldPath("spec.template.spec.containers[0].image")).toEqual(["spec", "template", "spec", "containers", 0, "image"]);
    expect(parseFieldPath("metadata.labels[app.kubernetes.io/name]")).toEqual(["metadata", "labels", "app.kubernetes.io/name"]);
  });
});
