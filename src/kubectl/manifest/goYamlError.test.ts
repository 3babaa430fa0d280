// Expected messages are what gopkg.in/yaml.v2 v2.4.0 (the go-yaml that sigs.k8s.io/yaml forks;
// kubectl's YAMLOrJSONDecoder → yaml.Unmarshal → "error converting YAML to JSON: …") printed
// for each input, run through Go. kubectl's YAMLReader (apimachinery/pkg/util/yaml/decoder.go)
// splits at `---` lines first, so a line counts from its document.
import { describe, expect, it } from "vitest";
import { loadManifests } from "./loadManifests";

const CM = "apiVersion: v1\nkind: ConfigMap\n";
const cases: [string, string, string][] = [
  ["flow sequence left open", `${CM}metadata:\n  name: x\ndata:\n  a: [1\n  b: 2\n`, "yaml: line 6: did not find expected ',' or ']'"],
  ["flow mapping left open", `${CM}metadata: {name: x\ndata:\n  a: b\n`, "yaml: line 3: did not find expected ',' or '}'"],
  ["key indented one space less", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n spec:\n  replicas: 1\n", "yaml: line 4: did not find expected key"],
  ["value continued on a deeper line", `${CM}metadata:\n  name: x\n    labels: y\n`, "yaml: line 5: mapping values are not allowed in this context"],
  ["two colons on one line", `${CM}metadata:\n  name: x: y\n`, "yaml: line 4: mapping values are not allowed in this context"],
  ["list item key indented too far", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n     image: nginx\n", "yaml: line 8: mapping values are not allowed in this context"],
  ["list item key indented too little", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n   ports:\n  - containerPort: 80\n", "yaml: line 8: did not find expected key"],
  ["key outdented inside a container", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n     ports:\n", "yaml: line 10: did not find expected key"],
  ["missing colon after a key", `${CM}metadata\n  name: x\n`, "yaml: line 4: could not find expected ':'"],
  ["tab after a mapping key", `${CM}metadata:\n\tname: x\n`, "yaml: line 4: found character that cannot start any token"],
  ["tab after a plain value", `${CM}data:\n  a: 1\n\tb: 2\n`, "yaml: line 5: found a tab character that violates indentation"],
  ["unclosed double quote", `${CM}metadata:\n  name: "x\ndata:\n  a: b\n`, "yaml: line 7: found unexpected end of stream"],
  ["reserved character on line 4", `${CM}metadata:\n  name: @x\n`, "yaml: line 4: found character that cannot start any token"],
  ["reserved character on the first line (go-yaml prints no line)", "a: `x\n", "yaml: found character that cannot start any token"],
  ["stray closing brace", `${CM}metadata: }\n`, "yaml: line 2: did not find expected node content"],
  ["sequence where a key belongs", `${CM}metadata:\n  name: x\n- a\n`, "yaml: line 4: did not find expected key"],
  ["flow sequence opened at the end", "kind: [\n", "yaml: line 1: did not find expected node content"],
  ["unknown alias", "a: *nope\n", "yaml: unknown anchor 'nope' referenced"],
  ["error in the second document counts from its start", `${CM}metadata:\n  name: a\n---\n${CM}metadata:\n  name: b\n   x: 1\n`, "yaml: line 5: mapping values are not allowed in this context"],
];

describe("YAML syntax errors read as go-yaml's", () => {
  it.each(cases)("%s", (_what, text, want) => {
    const r = loadManifests(text, "STDIN");
    expect(r.error?.message).toBe(`error: error parsing STDIN: error converting YAML to JSON: ${want}`);
  });
  it("keeps the documents before the broken one", () => {
    const r = loadManifests(`${CM}metadata:\n  name: a\n---\n${CM}metadata: }\n`, "STDIN");
    expect(r.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(["a"]);
  });
});
