// The API schema: per-kind field trees for strict decoding and `kubectl explain`.
import { KIND_SCHEMAS } from "./kinds";
import type { Field, FieldType } from "./types";

export { explainTypeName, goTypeName, type Field, type FieldType } from "./types";

/** The schema of a kind (`apps/v1`, `Deployment`), or undefined when we do not serve it. */
export function schemaForKind(apiVersion: string, kind: string): { type: FieldType; description: string } | undefined {
  return KIND_SCHEMAS[`${apiVersion}/${kind}`];
}

export interface ExplainResult {
  /** The field name (or the kind at the top). */
  name: string;
  type: FieldType;
  description: string;
  required: boolean;
  /** Sub-fields when the type is (or holds) a struct, in schema order. */
  fields: { name: string; field: Field }[];
}

function structOf(t: FieldType): FieldType | undefined {
  if (t.kind === "object") return t;
  if (t.kind === "array" || t.kind === "map") return structOf(t.kind === "array" ? t.items : t.values);
  return undefined;
}

/**
 * Walks `spec.template.spec.containers` from a kind, as `kubectl explain deployment.spec…`
 * does. Returns undefined for an unknown path (kubectl: `error: field "foo" does not exist`).
 */
export function explain(apiVersion: string, kind: string, path: readonly string[]): ExplainResult | undefined {
  const root = schemaForKind(apiVersion, kind);
  if (!root) return undefined;
  let current: ExplainResult = { name: kind, type: root.type, description: root.description, required: false, fields: [] };
  for (const part of path) {
    const s = structOf(current.type);
    const field = s?.kind === "object" ? s.fields[part] : undefined;
    if (!field) return undefined;
    current = { name: part, type: field.type, description: field.description, required: field.required === true, fields: [] };
  }
  const s = structOf(current.type);
  if (s?.kind === "object") current.fields = Object.entries(s.fields).map(([name, field]) => ({ name, field }));
  return current;
}
