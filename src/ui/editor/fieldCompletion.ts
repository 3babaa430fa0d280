/**
 * Field-name completion for the manifest editor: from the indentation above the cursor, the
 * path of mappings it sits in (`spec.template.spec.containers`), then the fields the API
 * schema (the one `kubectl explain` prints) allows there.
 */
import { explain } from "../../sim/api";

export interface FieldContext {
  apiVersion: string;
  kind: string;
  /** Field names from the document root to the mapping the cursor is in. */
  path: string[];
  /** What is typed of the key so far, and where it starts. */
  prefix: string;
  from: number;
}

export interface FieldOption {
  name: string;
  /** Go type, as `kubectl explain` names it. */
  type: string;
  description: string;
}

/** Indentation of a line's key, counting a `- ` list marker as indentation. */
function keyIndent(line: string): number {
  const m = /^(\s*)(-\s+)*/.exec(line);
  return m ? m[0].length : 0;
}

/** The document (between `---` lines) around an offset, and its start offset. */
function documentAt(text: string, pos: number): { doc: string; start: number } {
  let start = 0;
  const re = /^---[^\n]*\n/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < pos) start = m.index + m[0].length;
  const next = text.slice(start).search(/^---/m);
  return { doc: next < 0 ? text.slice(start) : text.slice(start, start + next), start };
}

/** Where the cursor is in terms of API fields, or undefined where no key is being typed. */
export function fieldContextAt(text: string, pos: number): FieldContext | undefined {
  const { doc, start } = documentAt(text, pos);
  const apiVersion = /^apiVersion:\s*["']?([^\s"']+)/m.exec(doc)?.[1];
  const kind = /^kind:\s*["']?([^\s"']+)/m.exec(doc)?.[1];
  if (!apiVersion || !kind) return undefined;
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  // Only while typing a key: indentation, list markers, then a bare word.
  const m = /^(\s*(?:-\s+)*)([A-Za-z0-9]*)$/.exec(before);
  if (!m) return undefined;
  const indent = m[1].length;
  const path: string[] = [];
  let limit = indent;
  const lines = text.slice(start, lineStart).split("\n");
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const ind = keyIndent(line);
    if (ind >= limit) continue;
    const key = /^\s*(?:-\s+)*([A-Za-z0-9_.\-/]+):\s*(#.*)?$/.exec(line)?.[1];
    if (!key) continue;
    path.unshift(key);
    // `- key:` opens a list item: its parent is less indented than the dash.
    limit = /^\s*-\s/.test(line) ? line.indexOf("-") + 1 : ind;
  }
  return { apiVersion, kind, path, prefix: m[2], from: pos - m[2].length };
}

/** Field names allowed at the cursor, filtered by what is typed. */
export function fieldCompletions(text: string, pos: number): { from: number; options: FieldOption[] } | undefined {
  const ctx = fieldContextAt(text, pos);
  if (!ctx) return undefined;
  const node = explain(ctx.apiVersion, ctx.kind, ctx.path);
  if (!node || node.fields.length === 0) return undefined;
  const options = node.fields
    .filter((f) => f.name.startsWith(ctx.prefix))
    .map((f) => ({ name: f.name, type: f.field.type.kind === "object" ? f.field.type.name : f.field.type.kind, description: f.field.description }));
  return { from: ctx.from, options };
}
