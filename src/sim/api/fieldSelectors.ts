// Field selectors (k8s.io/apimachinery/pkg/fields/selector.go) and the field labels each kind
// supports (the field label conversion functions registered in pkg/apis/*/v1/conversion.go).
import type { KubeObject } from "./types";

export interface FieldRequirement {
  field: string;
  operator: "=" | "==" | "!=";
  value: string;
}

export type FieldSelectorResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string };

type Getter = (obj: Record<string, unknown>) => string;

function path(obj: unknown, dotted: string): unknown {
  return walk(obj, dotted.split("."));
}

function walk(obj: unknown, parts: readonly string[]): unknown {
  let cur: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[parts[i]];
  }
  return cur;
}

const str = (dotted: string): Getter => {
  // Split once: watch filters call the getter for every event.
  const parts = dotted.split(".");
  return (obj) => {
    const v = walk(obj, parts);
    return v === undefined || v === null ? "" : String(v);
  };
};

const META: Record<string, Getter> = { "metadata.name": str("metadata.name"), "metadata.namespace": str("metadata.namespace") };

/** Supported field labels per kind; everything else is `field label not supported: <label>`. */
const FIELDS: Record<string, Record<string, Getter>> = {
  Pod: {
    ...META,
    "spec.nodeName": str("spec.nodeName"),
    "spec.restartPolicy": str("spec.restartPolicy"),
    "spec.schedulerName": str("spec.schedulerName"),
    "spec.serviceAccountName": str("spec.serviceAccountName"),
    "spec.hostNetwork": (o) => String(path(o, "spec.hostNetwork") === true),
    "status.phase": str("status.phase"),
    "status.podIP": str("status.podIP"),
    "status.nominatedNodeName": str("status.nominatedNodeName"),
  },
  Event: {
    ...META,
    "involvedObject.kind": str("involvedObject.kind"),
    "involvedObject.namespace": str("involvedObject.namespace"),
    "involvedObject.name": str("involvedObject.name"),
    "involvedObject.uid": str("involvedObject.uid"),
    "involvedObject.apiVersion": str("involvedObject.apiVersion"),
    "involvedObject.resourceVersion": str("involvedObject.resourceVersion"),
    "involvedObject.fieldPath": str("involvedObject.fieldPath"),
    reason: str("reason"),
    reportingComponent: str("reportingComponent"),
    source: str("source.component"),
    type: str("type"),
  },
  Node: { ...META, "spec.unschedulable": (o) => String(path(o, "spec.unschedulable") === true) },
  Namespace: { ...META, "status.phase": str("status.phase") },
  Secret: { ...META, type: str("type") },
  ReplicaSet: { ...META, "status.replicas": (o) => String(path(o, "status.replicas") ?? 0) },
};

export function supportedFieldLabels(kind: string): string[] {
  return Object.keys(FIELDS[kind] ?? META);
}

/** Splits on commas not escaped with a backslash (fields.splitTerms). */
function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\" && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ",") {
      terms.push(cur);
      cur = "";
    } else cur += s[i];
  }
  terms.push(cur);
  return terms;
}

const unescape = (s: string) => s.replace(/\\(.)/g, "$1");

/**
 * fields.ParseSelector: `spec.nodeName=worker-1,status.phase!=Running`. Malformed terms give
 * `invalid selector: 'x'; can't understand 'x'`.
 */
export function parseFieldSelector(selector: string): FieldSelectorResult {
  const reqs: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === "") continue;
    let found: FieldRequirement | undefined;
    for (let i = 0; i < part.length && !found; i++) {
      for (const op of ["!=", "==", "="] as const) {
        if (part.startsWith(op, i)) {
          found = { field: unescape(part.slice(0, i)), operator: op, value: unescape(part.slice(i + op.length)) };
          break;
        }
      }
    }
    if (!found) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${part}'` };
    reqs.push(found);
  }
  return { ok: true, requirements: reqs };
}

/** The apiserver's check of field labels for a kind: undefined when fine, else the BadRequest message. */
export function checkFieldSelector(kind: string, reqs: readonly FieldRequirement[]): string | undefined {
  const fields = FIELDS[kind] ?? META;
  for (const r of reqs) if (!fields[r.field]) return `field label not supported: ${r.field}`;
  return undefined;
}

/**
 * Whether an object satisfies every requirement (labels must have passed checkFieldSelector),
 * as a predicate for one selector tested against many objects (a watch, a list): the getters
 * are resolved once per kind instead of once per object and requirement.
 */
export function fieldSelectorMatcher(reqs: readonly FieldRequirement[]): (obj: KubeObject) => boolean {
  let kind: string | undefined;
  let getters: (Getter | undefined)[] = [];
  return (obj) => {
    if (obj.kind !== kind || kind === undefined) {
      const fields = FIELDS[obj.kind] ?? META;
      getters = reqs.map((r) => fields[r.field]);
      kind = obj.kind;
    }
    for (let i = 0; i < reqs.length; i++) {
      const get = getters[i];
      if (!get) return false;
      const v = get(obj as unknown as Record<string, unknown>);
      const r = reqs[i];
      if (r.operator === "!=" ? v === r.value : v !== r.value) return false;
    }
    return true;
  };
}
