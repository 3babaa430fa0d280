/**
 * `-o json` and `-o yaml` as kubectl prints them. kubectl decodes server responses as
 * unstructured maps, so keys come out sorted; JSON uses json.MarshalIndent(obj, "", "    ")
 * (with Go's HTML escaping), YAML goes through sigs.k8s.io/yaml (go-yaml v2: YAML 1.1,
 * sequences not indented under their key, ambiguous strings double-quoted, others that can't
 * be plain single-quoted). managedFields are dropped, as kubectl does by default.
 */
import { Document, parse, visit } from "yaml";
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

const MAYBE_NOT_STRING = /^(?:$|[-+.~0-9<=]|[yYnNtTfFoO][a-zA-Z]{0,4}$)/;

/** Would go-yaml v2 (YAML 1.1) read this plain scalar back as something other than a string? */
function ambiguous(s: string): boolean {
  if (!MAYBE_NOT_STRING.test(s)) return false;
  if (s === "") return true;
  if (/^\d+(?::[0-5]?\d)+(?:\.\d*)?$/.test(s)) return true; // base-60
  try {
    return typeof parse(s, { version: "1.1" }) !== "string";
  } catch {
    return false;
  }
}

/** yaml.Marshal via JSON, as kubectl -o yaml. */
export function toYaml(value: unknown): string {
  const doc = new Document(canonical(value), { version: "1.1" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && !node.value.includes("\n") && ambiguous(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return foldLikeGoYaml(doc.toString({ indentSeq: false, singleQuote: true, lineWidth: 0 }));
}
