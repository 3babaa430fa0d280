/** Tokenising sh: words (with their quoted and expandable parts) and operators. */
import type { Part, Word } from "./shellSyntax";

export class ShellSyntaxError extends Error {}

export type Token = { t: "word"; w: Word; raw: string; quoted: boolean } | { t: "op"; v: string };

const OPS = ["2>&1", "2>>", ">&2", "&&", "||", ">>", "&>", "2>", ";;", ";", "&", "|", "(", ")", "<", ">", "\n"];

/** Reads `$…` at s[i] (s[i] === "$"); returns the part and the index after it. */
function readDollar(s: string, i: number, q: boolean): [Part, number] {
  const c = s[i + 1];
  if (c === "(" && s[i + 2] === "(") {
    const end = s.indexOf("))", i + 3);
    if (end < 0) throw new ShellSyntaxError("unterminated $((");
    return [{ t: "arith", expr: s.slice(i + 3, end), q }, end + 2];
  }
  if (c === "(") {
    let depth = 1;
    let j = i + 2;
    while (j < s.length && depth > 0) {
      if (s[j] === "(") depth++;
      else if (s[j] === ")") depth--;
      j++;
    }
    if (depth > 0) throw new ShellSyntaxError("unterminated $(");
    return [{ t: "sub", script: s.slice(i + 2, j - 1), q }, j];
  }
  if (c === "{") {
    const end = s.indexOf("}", i + 2);
    if (end < 0) throw new ShellSyntaxError("bad substitution");
    const inner = s.slice(i + 2, end);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])(?::?-(.*))?$/.exec(inner);
    if (!m) throw new ShellSyntaxError("bad substitution");
    return [{ t: "var", name: m[1], def: m[2] !== undefined ? lexWord(m[2]) : undefined, q }, end + 1];
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*!])/.exec(s.slice(i + 1));
  if (!m) return [{ t: "lit", v: "$", q }, i + 1];
  return [{ t: "var", name: m[1], q }, i + 1 + m[1].length];
}

/** Lexes a standalone word (used for `${VAR:-default}`). */
function lexWord(s: string): Word {
  const toks = tokenize(s);
  const first = toks[0];
  return first && first.t === "word" ? first.w : [];
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: Word | null = null;
  let raw = "";
  let quoted = false;
  const lit = (v: string, q: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.t === "lit" && last.q === q) last.v += v;
    else word.push({ t: "lit", v, q });
  };
  const flush = () => {
    if (word) out.push({ t: "word", w: word, raw, quoted });
    word = null;
    raw = "";
    quoted = false;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === " " || c === "\t") {
      flush();
      i++;
      continue;
    }
    if (c === "#" && word === null) {
      while (i < s.length && s[i] !== "\n") i++;
      continue;
    }
    if (c === "\\") {
      if (s[i + 1] === "\n") {
        i += 2;
        continue;
      }
      lit(s[i + 1] ?? "", true);
      raw += s.slice(i, i + 2);
      quoted = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated quoted string");
      lit(s.slice(i + 1, end), true);
      raw += s.slice(i, end + 1);
      quoted = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      word ??= [];
      quoted = true;
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\" && '$`"\\\n'.includes(s[j + 1] ?? "")) {
          if (s[j + 1] !== "\n") lit(s[j + 1], true);
          j += 2;
        } else if (s[j] === "$") {
          const [part, next] = readDollar(s, j, true);
          word.push(part);
          j = next;
        } else {
          lit(s[j], true);
          j++;
        }
      }
      if (j >= s.length) throw new ShellSyntaxError("unterminated quoted string");
      raw += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "`") {
      const end = s.indexOf("`", i + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated `");
      word ??= [];
      word.push({ t: "sub", script: s.slice(i + 1, end), q: false });
      raw += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === "$") {
      word ??= [];
      const [part, next] = readDollar(s, i, false);
      word.push(part);
      raw += s.slice(i, next);
      i = next;
      continue;
    }
    // `2>` only when the 2 stands alone.
    const op = OPS.find((o) => s.startsWith(o, i) && (!o.startsWith("2") || word === null));
    if (op) {
      flush();
      out.push({ t: "op", v: op });
      i += op.length;
      continue;
    }
    lit(c, false);
    raw += c;
    i++;
  }
  flush();
  return out;
}

