// A compact schema of the API: which fields each kind has, their Go types and a one-line
// description. Strict decoding checks manifests against it; `kubectl explain` prints it.

export type FieldType =
  | { kind: "string" }
  | { kind: "integer"; go: "int32" | "int64" }
  | { kind: "boolean" }
  | { kind: "intOrString" }
  | { kind: "quantity" }
  /** A Go struct: `name` is its type name (`DeploymentSpec`), `pkg` its package alias (`v1`). */
  | { kind: "object"; name: string; pkg: string; fields: Record<string, Field> }
  | { kind: "array"; items: FieldType }
  | { kind: "map"; values: FieldType }
  /** Accepted without checking (sources, security contexts: fields the simulation ignores). */
  | { kind: "any"; name: string };

export interface Field {
  type: FieldType;
  description: string;
  required?: boolean;
}

export const STRING: FieldType = { kind: "string" };
export const INT32: FieldType = { kind: "integer", go: "int32" };
export const INT64: FieldType = { kind: "integer", go: "int64" };
export const BOOL: FieldType = { kind: "boolean" };
export const INT_OR_STRING: FieldType = { kind: "intOrString" };
export const QUANTITY: FieldType = { kind: "quantity" };
export const STRING_MAP: FieldType = { kind: "map", values: STRING };
export const STRING_LIST: FieldType = { kind: "array", items: STRING };
export const anyObject = (name: string): FieldType => ({ kind: "any", name });
export const arrayOf = (items: FieldType): FieldType => ({ kind: "array", items });
export const mapOf = (values: FieldType): FieldType => ({ kind: "map", values });

/** A field: `f(type, "description")`, `f(type, "…", true)` when required. */
export function f(type: FieldType, description: string, required = false): Field {
  return required ? { type, description, required } : { type, description };
}

export function struct(name: string, fields: Record<string, Field>, pkg = "v1"): FieldType {
  return { kind: "object", name, pkg, fields };
}

/** Go's reflect.Type.String() of a field type, as json.UnmarshalTypeError prints it. */
export function goTypeName(t: FieldType): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "integer":
      return t.go;
    case "boolean":
      return "bool";
    case "intOrString":
      return "intstr.IntOrString";
    case "quantity":
      return "resource.Quantity";
    case "object":
      return `${t.pkg}.${t.name}`;
    case "array":
      return `[]${goTypeName(t.items)}`;
    case "map":
      return `map[string]${goTypeName(t.values)}`;
    case "any":
      return t.name;
  }
}

/** The type name `kubectl explain` (v2) prints: `<integer>`, `<[]Container>`, `<map[string]string>`. */
export function explainTypeName(t: FieldType): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "integer":
      return "integer";
    case "boolean":
      return "boolean";
    case "intOrString":
      return "IntOrString";
    case "quantity":
      return "Quantity";
    case "object":
      return t.name;
    case "array":
      return `[]${explainTypeName(t.items)}`;
    case "map":
      return `map[string]${explainTypeName(t.values)}`;
    case "any":
      return t.name.replace(/^.*\./, "");
  }
}
