/**
 * Live validation of the manifest editor: YAML syntax, then for each document the same strict
 * decoding, defaulting and validation kube-apiserver runs on a create (shared code from
 * src/sim/api), each problem placed at the line where the field is written.
 */
import { parseAllDocuments, type Document } from "yaml";
import { loadManifests } from "../../kubectl/manifest";
import {
  applyDefaults,
  decodeObject,
  fieldErrorString,
  resourceForKind,
  validateObjectFieldErrors,
  type KubeObject,
} from "../../sim/api";
import { lineAt, locatePath, parseFieldPath, type Located } from "./yamlPath";

export interface ManifestProblem {
  from: number;
  to: number;
  /** 1-based line where the problem starts. */
  line: number;
  message: string;
}

export interface LintResult {
  problems: ManifestProblem[];
  /** Documents holding an object (empty ones are skipped, as kubectl does). */
  objectCount: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32` → `spec.replicas`. */
function typeErrorPath(message: string): string | undefined {
  return /Go struct field [A-Za-z0-9]+\.(\S+) of type/.exec(message)?.[1];
}

function docStart(doc: Document): Located {
  const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  return { from: start, to: start + 1, exact: false };
}

/** Problems of one object of a document (`prefix` locates List items). */
function objectProblems(raw: Record<string, unknown>, doc: Document, prefix: (string | number)[]): { at: Located; message: string }[] {
  const at = (path: string, ignoreIndices = false) => locatePath(doc, [...prefix, ...parseFieldPath(path)], ignoreIndices) ?? docStart(doc);
  const missing = [raw.apiVersion ? "" : "apiVersion not set", raw.kind ? "" : "kind not set"].filter(Boolean);
  if (missing.length) {
    const detail = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
    return [{ at: at(raw.kind ? "apiVersion" : "kind"), message: `error validating data: ${detail}` }];
  }
  const decoded = decodeObject(raw, "Strict");
  if (!decoded.ok) {
    switch (decoded.reason) {
      case "MissingKind":
      case "NoKindMatch":
        return [{ at: at("kind"), message: `${decoded.message}\nensure CRDs are installed first` }];
      case "Strict": {
        const fields = [...decoded.message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]);
        return fields.map((f) => ({ at: at(f), message: `strict decoding error: unknown field "${f}"` }));
      }
      case "TypeError": {
        const path = typeErrorPath(decoded.message);
        return [{ at: path ? at(path, true) : docStart(doc), message: decoded.message }];
      }
    }
  }
  const obj: KubeObject = decoded.object;
  const info = resourceForKind(obj.apiVersion, obj.kind);
  if (!obj.metadata.name) {
    return [{ at: at("metadata"), message: `error when retrieving current configuration of ${obj.kind}: resource name may not be empty` }];
  }
  if (info?.namespaced && !obj.metadata.namespace) obj.metadata.namespace = "default";
  const errs = validateObjectFieldErrors(applyDefaults(obj), { operation: "create" });
  return errs.map((e) => ({ at: at(e.field), message: `The ${obj.kind} "${obj.metadata.name ?? ""}" is invalid: ${fieldErrorString(e)}` }));
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, col - 1));
}

/** Offset of the first non-blank character of a 1-based line. */
function lineStart(text: string, line: number): number {
  const start = offsetOf(text, line, 1);
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0].length ?? 0;
  return Math.min(text.length, start + indent);
}

/** Lines up to and including the last `---` before `offset`: where the document's line 1 sits. */
function separatorLinesBefore(text: string, offset: number): number {
  const lines = text.slice(0, offset).split("\n");
  let last = 0;
  lines.forEach((l, i) => {
    if (/^---(\s|$)/.test(l)) last = i + 1;
  });
  return last;
}

export function lintManifest(text: string): LintResult {
  const problems: ManifestProblem[] = [];
  const push = (at: Located, message: string) => {
    const from = Math.max(0, Math.min(at.from, text.length));
    const to = Math.max(from, Math.min(at.to, text.length));
    problems.push({ from, to, line: lineAt(text, from), message });
  };
  const parsed = parseAllDocuments(text, { version: "1.1", uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  let objectCount = 0;
  let syntaxReported = false;
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      // The first syntax error in kubectl's own words; later ones as the parser says them.
      const kubectl = syntaxReported ? undefined : loadManifests(text, "STDIN").error?.message;
      syntaxReported = true;
      // linePos is the line the parser (and go-yaml's message) blames; pos may start earlier.
      const lp = err.linePos?.[0];
      let from = lp ? offsetOf(text, lp.line, lp.col) : err.pos[0];
      // go-yaml blames the line where the parse fails (its number counts from the document).
      const goLine = kubectl ? /yaml: line (\d+):/.exec(kubectl)?.[1] : undefined;
      if (goLine) from = lineStart(text, Number(goLine) + separatorLinesBefore(text, err.pos[0]));
      push({ from, to: Math.max(err.pos[1], from + 1), exact: true }, kubectl ?? err.message.split("\n")[0]);
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) {
      push(docStart(doc), `json: cannot unmarshal ${Array.isArray(value) ? "array" : typeof value} into Go value of type map[string]interface {}`);
      continue;
    }
    if (value.kind === "List" && Array.isArray(value.items)) {
      value.items.forEach((item, i) => {
        if (!isRecord(item)) return;
        objectCount++;
        for (const p of objectProblems(item, doc, ["items", i])) push(p.at, p.message);
      });
      continue;
    }
    objectCount++;
    for (const p of objectProblems(value, doc, [])) push(p.at, p.message);
  }
  return { problems, objectCount };
}
