import { parseAllDocuments } from "yaml";
import { KubectlError, plainError } from "../errors";
import type { CommandContext } from "../context";
import { goYamlMessage, unknownAnchorMessage } from "./goYamlError";

/** One object from a manifest, with where it came from (`STDIN` or the file path). */
export interface ManifestObject {
  object: Record<string, unknown>;
  source: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Go's YAML reader splits documents at `---` lines before parsing: a line counts from its document. */
function documentStart(lines: readonly string[], line: number): number {
  let start = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) if (/^---(\s|#|$)/.test(lines[i])) start = i + 1;
  return start;
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
  const lines = text.split("\n");
  const parseError = (message: string) => plainError(`error parsing ${source}: error converting YAML to JSON: ${message}`);
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const at = err.linePos?.[0]?.line ?? 1;
      const start = documentStart(lines, at);
      const docText = lines.slice(start).join("\n");
      const offset = lines.slice(0, start).join("\n").length + (start > 0 ? 1 : 0);
      const local = { ...err, pos: [err.pos[0] - offset, err.pos[1] - offset] } as typeof err;
      const message = goYamlMessage(local, docText, at - start, (err.linePos?.[1]?.line ?? at) - start);
      return { objects, error: parseError(message) };
    }
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      // Unresolved aliases (and alias bombs) only show when the document is converted.
      return { objects, error: parseError(unknownAnchorMessage(e) ?? `yaml: ${e instanceof Error ? e.message : String(e)}`) };
    }
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
