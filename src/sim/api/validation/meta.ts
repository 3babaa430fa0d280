// ObjectMeta, labels and metav1.LabelSelector validation
// (apimachinery/pkg/api/validation/objectmeta.go, apis/meta/v1/validation/validation.go).
import type { LabelSelector, Labels, ObjectMeta } from "../types";
import { type FieldError, forbidden, goQuote, goStringMap, goStringSlice, invalid, required, type GoSyntax } from "./fieldError";
import { FIELD_IMMUTABLE, IS_NEGATIVE_ERROR, isPlainLabel, isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameValidator } from "./names";

export function validateLabelName(key: string, field: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(field, key, msg));
}

/** ValidateLabels: errors name the map (`metadata.labels`) and carry the bad key or value. */
export function validateLabels(labels: Labels | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k in labels) {
    const v = labels[k];
    if (isPlainLabel(k, v)) continue;
    errs.push(...validateLabelName(k, field));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(field, v, msg));
  }
  return errs;
}

/** Go's `%#v` of a metav1.LabelSelector, as immutability errors print it. */
export function goLabelSelector(sel: LabelSelector): GoSyntax {
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined
      ? "[]v1.LabelSelectorRequirement(nil)"
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`)
          .join(", ")}}`;
  return { goSyntax: `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels).goSyntax}, MatchExpressions:${exprText}}` };
}

const SELECTOR_OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

/** ValidateLabelSelector (strict: invalid label values are rejected). */
export function validateLabelSelector(sel: LabelSelector | undefined, field: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${field}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const n = expr.values?.length ?? 0;
    if (expr.operator === "In" || expr.operator === "NotIn") {
      if (n === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (expr.operator === "Exists" || expr.operator === "DoesNotExist") {
      if (n > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
    if (!SELECTOR_OPERATORS.has(expr.operator)) errs.push(invalid(`${p}.operator`, expr.operator, "not a valid selector operator"));
    errs.push(...validateLabelName(expr.key, `${p}.key`));
    (expr.values ?? []).forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(`${p}.values[${j}]`, v, msg));
    });
  });
  return errs;
}

export interface MetaOptions {
  namespaced: boolean;
  nameFn: NameValidator;
}

/** ValidateObjectMeta: name or generateName, namespace presence, labels. */
export function validateObjectMeta(meta: ObjectMeta | undefined, opts: MetaOptions): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of opts.nameFn(m.generateName, true)) errs.push(invalid("metadata.generateName", m.generateName, msg));
  if (!m.name) errs.push(required("metadata.name", "name or generateName is required"));
  else for (const msg of opts.nameFn(m.name, false)) errs.push(invalid("metadata.name", m.name, msg));
  if (opts.namespaced) {
    if (!m.namespace) errs.push(required("metadata.namespace"));
    else for (const msg of nameIsDNSLabel(m.namespace, false)) errs.push(invalid("metadata.namespace", m.namespace, msg));
  } else if (m.namespace) errs.push(forbidden("metadata.namespace", "not allowed on this type"));
  if (m.generation !== undefined && m.generation < 0) errs.push(invalid("metadata.generation", m.generation, IS_NEGATIVE_ERROR));
  errs.push(...validateLabels(m.labels, "metadata.labels"));
  return errs;
}

/**
 * ValidateObjectMetaUpdate: identity fields cannot change. Fields left empty are not errors:
 * rest.BeforeUpdate copies uid and creationTimestamp from the stored object first.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  const immutable = (field: "name" | "namespace" | "uid" | "creationTimestamp") => {
    const now = meta[field];
    const before = old[field];
    if (before !== undefined && now !== undefined && now !== "" && now !== before) errs.push(invalid(`metadata.${field}`, now, FIELD_IMMUTABLE));
  };
  immutable("name");
  immutable("namespace");
  immutable("uid");
  immutable("creationTimestamp");
  errs.push(...validateLabels(meta.labels, "metadata.labels"));
  return errs;
}

export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(field, value, IS_NEGATIVE_ERROR)] : [];
}
