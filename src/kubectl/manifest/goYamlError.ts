/**
 * The message go-yaml v2 (gopkg.in/yaml.v2, which sigs.k8s.io/yaml forks and kubectl uses) gives
 * for a malformed document, from the `yaml` package's error. The two parsers fail differently,
 * so each rule below was calibrated against go-yaml v2.4.0's own output on the same input.
 *
 * go-yaml's line numbers have two quirks kept here (decode.go `parser.fail`): scanner errors
 * print the 1-based line of the problem, parser errors print its 0-based line (one less); and
 * a problem on line index 0 prints no line at all (`yaml: did not find expected node content`).
 */
import type { YAMLError } from "yaml";

type Where = { kind: "scanner" | "parser"; line: number };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of the first `:` that starts a mapping value at or after `offset`. */
function colonLine(text: string, offset: number): number | undefined {
  const m = /:(?=[ \t\r\n]|$)/.exec(text.slice(offset));
  return m ? lineAt(text, offset + m.index) : undefined;
}

function format(where: Where, message: string): string {
  const index = where.line - 1;
  const shown = where.kind === "scanner" ? where.line : where.line - 1;
  return index > 0 ? `yaml: line ${shown}: ${message}` : `yaml: ${message}`;
}

/** A tab at the start of a line: inside a plain scalar's continuation, or where a token should start. */
function tabMessage(text: string, line: number): string {
  const lines = text.split("\n");
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i].replace(/#.*$/, "").trimEnd();
    if (l.trim() === "") continue;
    return /:$|^\s*-$/.test(l) ? "found character that cannot start any token" : "found a tab character that violates indentation";
  }
  return "found character that cannot start any token";
}

/** go-yaml's `yaml: line N: …` for the first error of a document (`text` is that document alone). */
export function goYamlMessage(err: YAMLError, text: string, line: number, endLine: number): string {
  const scanner = (l: number, m: string) => format({ kind: "scanner", line: l }, m);
  const parser = (l: number, m: string) => format({ kind: "parser", line: l }, m);
  const msg = err.message;
  switch (err.code) {
    case "DUPLICATE_KEY": {
      const key = /^\s*([^:\s]+)\s*:/.exec(text.slice(err.pos[0]))?.[1] ?? "";
      return `yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`;
    }
    case "BAD_SCALAR_START":
      return scanner(line, "found character that cannot start any token");
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/Nested mappings/.test(msg)) return scanner(colonLine(text, err.pos[0]) ?? line, "mapping values are not allowed in this context");
      return parser(line, "did not find expected key");
    case "MULTILINE_IMPLICIT_KEY":
      return scanner(endLine, "could not find expected ':'");
    case "BAD_INDENT":
      // An opened `[` or `{` with nothing after it: go-yaml meets the end of the stream instead of a node.
      if (/^Flow (sequence|map)/.test(msg) && /[[{]\s*$/.test(text)) return parser(lineAt(text, text.length), "did not find expected node content");
      if (/^Flow sequence/.test(msg)) return parser(line, "did not find expected ',' or ']'");
      if (/^Flow map/.test(msg)) return parser(line, "did not find expected ',' or '}'");
      return parser(line, "did not find expected key");
    case "UNEXPECTED_TOKEN":
      if (/flow-(map|seq)-end/.test(msg)) return parser(line, "did not find expected node content");
      return parser(line, "did not find expected key");
    case "MISSING_CHAR":
      if (/^Missing closing/.test(msg)) return scanner(line, "found unexpected end of stream");
      return parser(line, "did not find expected key");
    case "TAB_AS_INDENT":
      return scanner(line, tabMessage(text, line));
    case "BLOCK_IN_FLOW":
      return parser(line, "did not find expected ',' or ']'");
    default:
      return scanner(line, "did not find expected key");
  }
}

/** go-yaml's message when a document refers to an anchor it never defined. */
export function unknownAnchorMessage(e: unknown): string | undefined {
  const m = e instanceof Error ? /Unresolved alias[^:]*: (.*)$/.exec(e.message) : null;
  return m ? `yaml: unknown anchor '${m[1]}' referenced` : undefined;
}
