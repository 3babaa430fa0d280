// Strict decoding of a parsed manifest into a typed object, as kube-apiserver does with
// fieldValidation=Strict (sigs.k8s.io/json UnmarshalStrict): unknown fields are reported with
// their full path, type mismatches with encoding/json's UnmarshalTypeError text, and malformed
// quantities with resource.ErrFormatWrong. Quantities come out in canonical form, nulls dropped.
import { QUANTITY_FORMAT_ERROR, canonicalQuantity, isValidQuantity } from "./quantity";
import { resourceForKind } from "./resources";
import { schemaForKind } from "./schema";
import { goTypeName, type FieldType } from "./schema/types";
import type { KubeObject } from "./types";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export type DecodeResult =
  | { ok: true; object: KubeObject; unknownFields: string[]; warnings: string[] }
  | { ok: false; reason: "MissingKind" | "NoKindMatch" | "TypeError" | "Strict"; message: string };

/** Go's json.Marshal of a decoded YAML document: compact, map keys sorted. */
function goJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`)
    .join(",")}}`;
}

/** kubectl's client-side check (runtime.NewMissingKindErr): `Object 'Kind' is missing in '{…}'`. */
export function missingKindError(raw: unknown): string | undefined {
  const kind = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>).kind : undefined;
  return typeof kind === "string" && kind !== "" ? undefined : `Object 'Kind' is missing in '${goJson(raw)}'`;
}

/** kubectl's wrapper for client-side decode failures: `unable to decode "STDIN": …`. */
export function unableToDecode(source: string, detail: string): string {
  return `unable to decode "${source}": ${detail}`;
}

/** The RESTMapper's error: `no matches for kind "Foo" in version "v1"`. */
export function noMatchesForKind(kind: string, apiVersion: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}"`;
}

/** The BadRequest message: `Deployment in version "v1" cannot be handled as a Deployment: …`. */
export function cannotBeHandled(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.includes("/") ? apiVersion.slice(apiVersion.indexOf("/") + 1) : apiVersion;
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}

class TypeErr extends Error {}

function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  return "object";
}

const INT_RANGE = { int32: [-2147483648, 2147483647], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const;

interface Ctx {
  unknown: string[];
  /** Enclosing Go struct name and the JSON field stack, for UnmarshalTypeError. */
  struct: string;
  stack: string[];
}

function typeError(ctx: Ctx, value: unknown, t: FieldType, detail?: string): TypeErr {
  const what = detail ?? jsonKind(value);
  return new TypeErr(`json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.stack.join(".")} of type ${goTypeName(t)}`);
}

function decodeValue(value: unknown, t: FieldType, path: string, ctx: Ctx): unknown {
  switch (t.kind) {
    case "any":
      return value;
    case "string":
      if (typeof value !== "string") throw typeError(ctx, value, t);
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw typeError(ctx, value, t);
      return value;
    case "integer": {
      if (typeof value !== "number") throw typeError(ctx, value, t);
      const [lo, hi] = INT_RANGE[t.go];
      if (!Number.isInteger(value) || value < lo || value > hi) throw typeError(ctx, value, t, `number ${value}`);
      return value;
    }
    case "intOrString":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isInteger(value)) return value;
      // IntOrString.UnmarshalJSON decodes non-strings into an int32 with a fresh json.Unmarshal.
      throw new TypeErr(`json: cannot unmarshal ${typeof value === "number" ? `number ${value}` : jsonKind(value)} into Go value of type int32`);
    case "quantity":
      if ((typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) && isValidQuantity(value))
        return canonicalQuantity(value);
      throw new TypeErr(QUANTITY_FORMAT_ERROR);
    case "array": {
      if (!Array.isArray(value)) throw typeError(ctx, value, t);
      return value.map((item, i) => decodeValue(item, t.items, `${path}[${i}]`, ctx));
    }
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) throw typeError(ctx, value, t);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null) continue;
        out[k] = decodeValue(v, t.values, `${path}[${k}]`, ctx);
      }
      return out;
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) throw typeError(ctx, value, t);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const childPath = path ? `${path}.${k}` : k;
        const field = t.fields[k];
        if (!field) {
          ctx.unknown.push(childPath);
          continue;
        }
        if (v === null) continue;
        const saved = ctx.struct;
        ctx.struct = t.name;
        ctx.stack.push(k);
        out[k] = decodeValue(v, field.type, childPath, ctx);
        ctx.stack.pop();
        ctx.struct = saved;
      }
      return out;
    }
  }
}

/** `strict decoding error: unknown field "spec.foo", unknown field "spec.bar"`. */
export function strictDecodingError(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(", ")}`;
}

/**
 * Decodes a parsed YAML/JSON manifest. With Strict (the kubectl default) unknown fields fail the
 * request; with Warn they come back as warnings (`unknown field "spec.foo"`); with Ignore they
 * are dropped silently. Failure messages are the detail after `… cannot be handled as a Kind: `
 * (see cannotBeHandled) except MissingKind and NoKindMatch, which are kubectl's own errors.
 */
export function decodeObject(raw: unknown, fieldValidation: FieldValidation = "Strict"): DecodeResult {
  const missing = missingKindError(raw);
  if (missing) return { ok: false, reason: "MissingKind", message: missing };
  const doc = raw as Record<string, unknown>;
  const kind = doc.kind as string;
  const apiVersion = typeof doc.apiVersion === "string" ? doc.apiVersion : "";
  const schema = resourceForKind(apiVersion, kind) ? schemaForKind(apiVersion, kind) : undefined;
  if (!schema) return { ok: false, reason: "NoKindMatch", message: noMatchesForKind(kind, apiVersion) };
  const ctx: Ctx = { unknown: [], struct: kind, stack: [] };
  let object: unknown;
  try {
    object = decodeValue(doc, schema.type, "", ctx);
  } catch (e) {
    if (e instanceof TypeErr) return { ok: false, reason: "TypeError", message: e.message };
    throw e;
  }
  const obj = object as KubeObject;
  obj.metadata ??= {};
  if (ctx.unknown.length && fieldValidation === "Strict") return { ok: false, reason: "Strict", message: strictDecodingError(ctx.unknown) };
  const warnings = fieldValidation === "Warn" ? ctx.unknown.map((f) => `unknown field "${f}"`) : [];
  return { ok: true, object: obj, unknownFields: ctx.unknown, warnings };
}
