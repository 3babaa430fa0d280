// field.Error and field.ErrorList from k8s.io/apimachinery/pkg/util/validation/field, plus
// errors.NewInvalid: how kube-apiserver words a validation failure, byte for byte.
import type { Status, StatusCause } from "../types";

export type FieldErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError"
  | "FieldValueTypeInvalid";

/** A value already rendered the way Go's `%#v` prints it (maps, structs). */
export interface GoSyntax {
  goSyntax: string;
}

/** Values a field error may carry: numbers print as `%v`, strings as `%q`, the rest pre-rendered. */
export type BadValue = string | number | boolean | null | GoSyntax | undefined;

export interface FieldError {
  type: FieldErrorType;
  /** `spec.template.spec.containers[0].image`; "<nil>" when there is no path. */
  field: string;
  badValue?: BadValue;
  detail: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

export const required = (field: string, detail = ""): FieldError => ({ type: "FieldValueRequired", field, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: "FieldValueForbidden", field, detail });
export const invalid = (field: string, badValue: BadValue, detail: string): FieldError => ({ type: "FieldValueInvalid", field, badValue, detail });
export const duplicate = (field: string, badValue: BadValue): FieldError => ({ type: "FieldValueDuplicate", field, badValue, detail: "" });
export const notFound = (field: string, badValue: BadValue): FieldError => ({ type: "FieldValueNotFound", field, badValue, detail: "" });
export const tooLong = (field: string, maxLength: number): FieldError => ({
  type: "FieldValueTooLong",
  field,
  detail: `must have at most ${maxLength} bytes`,
});

/** field.NotSupported: `Unsupported value: "Never": supported values: "Always"`. */
export function notSupported(field: string, badValue: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? `supported values: ${validValues.map(goQuote).join(", ")}` : "";
  return { type: "FieldValueNotSupported", field, badValue, detail };
}

/** Go's strconv.Quote for the printable ASCII the API deals in. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, "\\x7f");
}

/** Go's `%#v` of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(map: Record<string, string> | undefined): GoSyntax {
  if (map === undefined) return { goSyntax: "map[string]string(nil)" };
  const body = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(map[k])}`)
    .join(", ");
  return { goSyntax: `map[string]string{${body}}` };
}

/** Go's `%#v` of a []string: `[]string{"a", "b"}`, `[]string(nil)`. */
export function goStringSlice(values: readonly string[] | undefined): string {
  return values === undefined ? "[]string(nil)" : `[]string{${values.map(goQuote).join(", ")}}`;
}

/** field.Error.ErrorBody(): the message without the field path. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const omitValue = e.type === "FieldValueRequired" || e.type === "FieldValueForbidden" || e.type === "FieldValueTooLong" || e.type === "InternalError";
  if (!omitValue) {
    const v = e.badValue;
    if (v === null || v === undefined) s += ": null";
    else if (typeof v === "string") s += `: ${goQuote(v)}`;
    else if (typeof v === "number" || typeof v === "boolean") s += `: ${v}`;
    else s += `: ${v.goSyntax}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** The StatusCauses errors.NewInvalid attaches (reason = type, message = body, field = path). */
export function toStatusCauses(errs: readonly FieldError[]): StatusCause[] {
  return errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one error bare, several as `[a, b]`. */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const msgs = [...new Set(errs.map(fieldErrorString))];
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

/**
 * errors.NewInvalid(groupKind, name, errs). The Status message names the group-qualified kind
 * (`Deployment.apps "web" is invalid: …`); kubectl instead prints
 * `The Deployment "web" is invalid: …` from details.kind and details.name.
 */
export function invalidStatus(kind: string, group: string, name: string, errs: readonly FieldError[]): Status {
  const qualified = group ? `${kind}.${group}` : kind;
  const message = errs.length ? `${qualified} "${name}" is invalid: ${aggregateMessage(errs)}` : `${qualified} "${name}" is invalid`;
  return {
    apiVersion: "v1",
    kind: "Status",
    status: "Failure",
    message,
    reason: "Invalid",
    details: { name, group, kind, causes: toStatusCauses(errs) },
    code: 422,
  };
}

/**
 * How kubectl prints an Invalid status (cmdutil.checkErr → MultilineError): one cause inline,
 * several as a bulleted list. No trailing newline.
 */
export function kubectlInvalidMessage(status: Status): string {
  const d = status.details;
  const head = d ? `The ${d.kind ?? ""} "${d.name ?? ""}" is invalid` : "The request is invalid";
  const causes = d?.causes ?? [];
  if (causes.length === 0) return `${head}: ${status.message}`;
  const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  return lines.length === 1 ? `${head}: ${lines[0]}` : `${head}: \n${lines.map((l) => `* ${l}`).join("\n")}`;
}
