/**
 * A session script, parsed into statements: `kubectl …` (with an optional heredoc feeding
 * standard input), `sleep DURATION`, `sim …`. Blank lines and `# comments` are skipped; a
 * trailing backslash continues a line.
 */
import { parseGoDuration, tokenize } from "../kubectl";
import { parseSimCommand, type SimCommand } from "./simCommand";

interface Base {
  /** 1-based line number of the statement's first line. */
  line: number;
  /** The command line as written (continuations included, heredoc body not). */
  text: string;
}
export type Statement =
  | (Base & { kind: "kubectl"; argv: string[]; stdin?: string })
  | (Base & { kind: "sleep"; ms: number })
  | (Base & { kind: "sim"; command: SimCommand });

export interface ScriptError {
  line: number;
  message: string;
}

export interface ParsedScript {
  /** The statements before the first malformed line (all of them when there is none). */
  statements: Statement[];
  error?: ScriptError;
  /** The script ends inside a heredoc or a continued line (a terminal waits for more input). */
  incomplete?: boolean;
}

export function parseScript(source: string): ParsedScript {
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const statements: Statement[] = [];
  let i = 0;
  const stop = (line: number, message: string, incomplete = false): ParsedScript => ({ statements, error: { line, message }, ...(incomplete ? { incomplete } : {}) });
  while (i < lines.length) {
    const start = i;
    let text = lines[i++];
    while (/(^|[^\\])(\\\\)*\\$/.test(text) && i <= lines.length) {
      if (i === lines.length) return stop(start + 1, "unexpected end of script after \\", true);
      text = `${text}\n${lines[i++]}`;
    }
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const t = tokenize(text.replace(/\\\n/g, ""));
    if (!t.ok) return stop(start + 1, t.message);
    const [cmd, ...args] = t.words;
    if (cmd === undefined) continue;
    let stdin: string | undefined;
    if (t.heredoc) {
      if (cmd !== "kubectl") return stop(start + 1, "a heredoc can only feed a kubectl command");
      const body: string[] = [];
      let closed = false;
      while (i < lines.length) {
        const raw = lines[i++];
        const l = t.heredoc.stripTabs ? raw.replace(/^\t+/, "") : raw;
        if (l === t.heredoc.delimiter) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) return stop(start + 1, `heredoc delimited by "${t.heredoc.delimiter}" is not terminated`, true);
      stdin = body.length ? body.join("\n") + "\n" : "";
    }
    const base = { line: start + 1, text };
    switch (cmd) {
      case "kubectl":
        statements.push({ ...base, kind: "kubectl", argv: args, ...(stdin !== undefined ? { stdin } : {}) });
        break;
      case "sleep": {
        if (args.length !== 1) return stop(start + 1, "usage: sleep DURATION (e.g. 500ms, 10s, 1m30s)");
        const ms = parseGoDuration(args[0]);
        if (ms === null || ms < 0) return stop(start + 1, `invalid duration "${args[0]}" (use Go syntax: 500ms, 10s, 1m30s, 2h)`);
        statements.push({ ...base, kind: "sleep", ms });
        break;
      }
      case "sim": {
        const parsed = parseSimCommand(args);
        if (!parsed.ok) return stop(start + 1, parsed.message);
        statements.push({ ...base, kind: "sim", command: parsed.command });
        break;
      }
      default:
        return stop(start + 1, `unknown command "${cmd}" (a script line is kubectl …, sleep DURATION or sim …)`);
    }
  }
  return { statements };
}
