import { parseAllDocuments, type YAMLError } from "yaml";
import { KubectlError, plainError } from "../errors";
import type { CommandContext } from "../context";

/** One object from a manifest, with where it came from (`STDIN` or the file path). */
export interface ManifestObject {
  object: Record<string, unknown>;
  source: string;
}

/** The go-yaml message for a yaml-package error code, so errors read as kubectl's do. */
const GO_YAML_MESSAGES: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "mapping values are not allowed in this context",
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  TAB_AS_INDENT: "found character that cannot start any token",
  MISSING_CHAR: "found unexpected end of stream",
  BAD_INDENT: "did not find expected key",
  UNEXPECTED_TOKEN: "did not find expected key",
  BLOCK_IN_FLOW: "did not find expected ',' or ']'",
  BAD_DIRECTIVE: "found unexpected end of stream",
};

function goYamlMessage(err: YAMLError, text: string, line: number): string {
  if (err.code === "DUPLICATE_KEY") {
    const key = /^\s*([^:\s]+)\s*:/.exec(text.slice(err.pos[0]))?.[1] ?? "";
    return `yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`;
  }
  if (/Nested mappings are not allowed/.test(err.message)) return `yaml: line ${line}: mapping values are not allowed in this context`;
  const msg = GO_YAML_MESSAGES[err.code] ?? "did not find expected key";
  return `yaml: line ${line}: ${msg}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Go's YAML reader splits documents before parsing, so a line number counts from its document. */
function lineInDocument(text: string, line: number): number {
  const lines = text.split("\n");
  let start = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) if (/^---(\s|$)/.test(lines[i])) start = i + 1;
  return line - start;
}

export interface LoadResult {
  objects: ManifestObject[];
  /** The error that stopped reading; the objects before it are still returned (kubectl applies them). */
  error?: KubectlError;
}

/**
 * Splits a manifest into objects the way kubectl's resource builder does: `---`-separated
 * documents, empty documents skipped, `kind: List` expanded. YAML 1.1 scalars (`yes`, `on`),
 * as go-yaml reads them. Reading stops at the first malformed document.
 */
export function loadManifests(text: string, source: string): LoadResult {
  const docs = parseAllDocuments(text, { version: "1.1", uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: ManifestObject[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = lineInDocument(text, err.linePos?.[0]?.line ?? 1);
      return { objects, error: plainError(`error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(err, text, line)}`) };
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) {
      const what = Array.isArray(value) ? "array" : typeof value;
      return { objects, error: plainError(`error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${what} into Go value of type map[string]interface {}`) };
    }
    const missing = [value.apiVersion ? "" : "apiVersion not set", value.kind ? "" : "kind not set"].filter(Boolean);
    if (missing.length) {
      const detail = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
      return { objects, error: plainError(`error validating "${source}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`) };
    }
    if (value.kind === "List" && Array.isArray(value.items)) {
      for (const item of value.items) if (isRecord(item)) objects.push({ object: item, source });
    } else {
      objects.push({ object: value, source });
    }
  }
  return { objects };
}

/** Reads every `-f` argument (`-` is standard input) into objects, in order. */
export function readFilenameArgs(ctx: CommandContext): LoadResult {
  const objects: ManifestObject[] = [];
  for (const f of ctx.list("filename")) {
    let text: string | undefined;
    if (f === "-") text = ctx.env.stdin ?? "";
    else text = ctx.env.readFile?.(f);
    if (text === undefined) return { objects, error: new KubectlError(`error: the path "${f}" does not exist`) };
    const r = loadManifests(text, f === "-" ? "STDIN" : f);
    objects.push(...r.objects);
    if (r.error) return { objects, error: r.error };
  }
  return { objects };
}
