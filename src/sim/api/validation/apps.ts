// apps/v1 validation (pkg/apis/apps/validation/validation.go): Deployment, ReplicaSet, DaemonSet,
// ControllerRevision.
import { labelSelectorMatches } from "../selectors";
import type { ControllerRevision, DaemonSet, Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from "../types";
import { type FieldError, forbidden, goStringMap, invalid, notSupported, required, type BadValue } from "./fieldError";
import { goLabelSelector, nonNegative, validateLabelSelector } from "./meta";
import { IS_NEGATIVE_ERROR, isValidPercent } from "./names";
import { validatePodTemplateSpec } from "./pod";

/** intstr.IntOrString as an error value: IntOrString implements Stringer, so it prints bare. */
function intOrStringValue(v: number | string): BadValue {
  return typeof v === "number" ? v : { goSyntax: v };
}

/** Go's `%#v` of an internal strategy struct; a set pointer prints as an address we cannot know. */
function goStrategy(type: string, ruType: string, strategy: { type?: string; rollingUpdate?: unknown }): string {
  const ru = strategy.rollingUpdate === undefined ? "nil" : "0xc000a1b2c0";
  return `apps.${type}{Type:"${strategy.type ?? ""}", RollingUpdate:(*apps.${ruType})(${ru})}`;
}

export function validatePositiveIntOrPercent(v: number | string | undefined, field: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === "string") return isValidPercent(v).map((msg) => invalid(field, intOrStringValue(v), msg));
  return v < 0 ? [invalid(field, v, IS_NEGATIVE_ERROR)] : [];
}

function percentValue(v: number | string | undefined): number | undefined {
  return typeof v === "string" && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}
function intOrPercentValue(v: number | string | undefined): number {
  return percentValue(v) ?? (typeof v === "number" ? v : 0);
}
function notMoreThan100Percent(v: number | string | undefined, field: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(field, intOrStringValue(v as string), "must not be greater than 100%")] : [];
}

/** Selector presence, shape and agreement with the template labels (shared by RS and Deployment). */
function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, kindWord: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required("spec.selector"));
  else {
    errs.push(...validateLabelSelector(selector, "spec.selector"));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0)
      errs.push(invalid("spec.selector", goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
  }
  errs.push(...validateTemplateForController(selector, template, "spec.template"));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet; a nil selector matches nothing (labels.Nothing()). */
function validateTemplateForController(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, field: string): FieldError[] {
  if (!template) return [required(field)];
  const errs: FieldError[] = [];
  const empty = selector !== undefined && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0;
  if (!empty && !labelSelectorMatches(selector, template.metadata?.labels))
    errs.push(invalid(`${field}.metadata.labels`, goStringMap(template.metadata?.labels), "`selector` does not match template `labels`"));
  errs.push(...validatePodTemplateSpec(template, field));
  const rp = template.spec?.restartPolicy;
  if (rp !== "Always") errs.push(notSupported(`${field}.spec.restartPolicy`, rp ?? "", ["Always"]));
  return errs;
}

export function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec ?? ({} as Deployment["spec"]);
  const errs = nonNegative(spec.replicas, "spec.replicas");
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, "deployment"));
  const strategy = spec.strategy ?? {};
  if (strategy.type === "Recreate") {
    if (strategy.rollingUpdate) errs.push(forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === "RollingUpdate") {
    const ru = strategy.rollingUpdate;
    if (!ru) errs.push(required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil"));
    else {
      const p = "spec.strategy.rollingUpdate";
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
        errs.push(invalid(`${p}.maxUnavailable`, intOrStringValue(ru.maxUnavailable ?? 0), "may not be 0 when `maxSurge` is 0"));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    }
  } else errs.push(notSupported("spec.strategy", { goSyntax: goStrategy("DeploymentStrategy", "RollingUpdateDeployment", strategy) }, ["Recreate", "RollingUpdate"]));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
      errs.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
  }
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? ({} as ReplicaSet["spec"]);
  const errs = nonNegative(spec.replicas, "spec.replicas");
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  // The real code says "for deployment" here too (ValidateReplicaSetSpec).
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, "deployment"));
  return errs;
}

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const spec = ds.spec ?? ({} as DaemonSet["spec"]);
  const errs = validateLabelSelector(spec.selector, "spec.selector");
  const sel = spec.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(invalid("spec.selector", goLabelSelector(sel), "empty selector is invalid for daemonset"));
  }
  errs.push(...validateTemplateForController(sel, spec.template, "spec.template"));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  const strategy = spec.updateStrategy ?? {};
  if (strategy.type === "RollingUpdate") {
    const ru = strategy.rollingUpdate;
    const p = "spec.updateStrategy.rollingUpdate";
    if (!ru) errs.push(required(p));
    else {
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...notMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge)
        errs.push(invalid(`${p}.maxSurge`, intOrStringValue(ru.maxSurge ?? 0), "may not be set when maxUnavailable is non-zero"));
      else if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, "cannot be 0 when maxSurge is 0"));
    }
  } else if (strategy.type !== "OnDelete") {
    errs.push(notSupported("spec.updateStrategy", { goSyntax: goStrategy("DaemonSetUpdateStrategy", "RollingUpdateDaemonSet", strategy) }, ["RollingUpdate", "OnDelete"]));
  }
  errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errs;
}

export function validateControllerRevision(cr: ControllerRevision): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(required("data", "data is mandatory"));
  errs.push(...nonNegative(cr.revision, "revision"));
  return errs;
}
