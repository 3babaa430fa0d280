/**
 * `-o json` and `-o yaml` as kubectl prints them. kubectl decodes server responses as
 * unstructured maps, so keys come out sorted; JSON uses json.MarshalIndent(obj, "", "    ")
 * (with Go's HTML escaping), YAML goes through sigs.k8s.io/yaml (go-yaml v2: YAML 1.1,
 * sequences not indented under their key, ambiguous strings double-quoted, others that can't
 * be plain single-quoted). managedFields are dropped, as kubectl does by default.
 */
import { Document, visit } from "yaml";
import { foldLikeGoYaml } from "./yamlFold";

/** Deep copy with map keys sorted; `metadata.managedFields` removed. */
export function canonical(value: unknown, path = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, path));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (path === "metadata" && key === "managedFields") continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = canonical(v, path === "" || path === "items" ? key : `${path}.${key}`);
    }
    return out;
  }
  return value;
}

/** The List kubectl wraps several objects in. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion: "" } };
}

/** Go's encoding/json escapes these even inside strings. */
function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** json.MarshalIndent(v, "", "    ") + "\n". */
export function toJson(value: unknown): string {
  return goEscape(JSON.stringify(canonical(value), null, 4)) + "\n";
}

/** Compact json.Marshal, as jsonpath prints maps and lists. */
export function toCompactJson(value: unknown): string {
  return goEscape(JSON.stringify(canonical(value)));
}

const SPECIAL = new Set(
  "y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL ~ .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN <<".split(
    " ",
  ),
);
const INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP =
  /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[Zz]|[-+]\d{1,2}(?::\d{2})?)?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2 resolve(): would this plain scalar read back as something other than a string? */
export function ambiguous(s: string): boolean {
  if (s === "" || SPECIAL.has(s)) return true;
  if (!"+-.0123456789".includes(s[0])) return false;
  const plain = s.replace(/_/g, "");
  return INT.test(plain) || FLOAT.test(plain) || TIMESTAMP.test(s) || BASE60.test(s);
}

/** yaml.Marshal via JSON, as kubectl -o yaml. */
export function toYaml(value: unknown): string {
  const doc = new Document(canonical(value), { version: "1.1" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && !node.value.includes("\n") && ambiguous(node.value))
        node.type = "QUOTE_DOUBLE";
    },
  });
  return foldLikeGoYaml(doc.toString({ indentSeq: false, singleQuote: true, lineWidth: 0 }));
}
