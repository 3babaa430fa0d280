/**
 * The POSIX sh subset containers in lessons use: simple commands with quoting and `$VAR`,
 * `${VAR:-x}`, `$?`, `$(…)`, `$((…))`; `;` `&&` `||` `|` `!`; redirections `>` `>>` `<` `2>&1`;
 * `while`/`until`, `for`, `if`/`elif`/`else`, `{ …; }` and `( … )`. A trailing `&` runs in the foreground.
 */
import { tokenize, ShellSyntaxError, type Token } from "./shellLexer";

export type Part =
  | { t: "lit"; v: string; q: boolean }
  | { t: "var"; name: string; def?: Word; q: boolean }
  | { t: "sub"; script: string; q: boolean }
  | { t: "arith"; expr: string; q: boolean };
export type Word = Part[];

export { ShellSyntaxError };

export interface Redir {
  op: ">" | ">>" | "<" | "2>" | "2>>" | "2>&1" | ">&2" | "&>";
  target?: Word;
}

export type Command =
  | { k: "simple"; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[] }
  | { k: "loop"; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { k: "for"; name: string; items: Word[] | undefined; body: List; redirs: Redir[] }
  | { k: "if"; branches: { cond: List; body: List }[]; otherwise: List | undefined; redirs: Redir[] }
  /** `{ …; }`, or `( … )` when `subshell` (its variables and `exit` stay inside). */
  | { k: "group"; body: List; redirs: Redir[]; subshell: boolean };

export interface Pipeline {
  negate: boolean;
  cmds: Command[];
}
export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; p: Pipeline }[];
}
export type List = AndOr[];

const KEYWORDS = new Set(["do", "done", "then", "else", "elif", "fi", "}", "in"]);

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }
  private isKeyword(k: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "word" && !t.quoted && t.raw === k;
  }
  private expectKeyword(k: string): void {
    if (!this.isKeyword(k)) throw new ShellSyntaxError(`syntax error: expected "${k}"`);
    this.i++;
  }
  private skipNewlines(): void {
    while (this.isOp("\n")) this.i++;
  }

  parseProgram(): List {
    const list = this.list([]);
    if (this.i < this.toks.length) throw new ShellSyntaxError("syntax error: unexpected token");
    return list;
  }

  /** A list up to one of `stops` (keywords or `)`). */
  private list(stops: string[]): List {
    const items: List = [];
    for (;;) {
      this.skipNewlines();
      while (this.isOp(";")) this.i++;
      const t = this.peek();
      if (!t) break;
      if (t.t === "op" && t.v === ")" && stops.includes(")")) break;
      if (t.t === "word" && !t.quoted && stops.includes(t.raw)) break;
      items.push(this.andOr());
      if (this.isOp(";") || this.isOp("\n") || this.isOp("&")) this.i++;
      else break;
    }
    return items;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr["rest"] = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.toks[this.i++] as { v: "&&" | "||" }).v;
      this.skipNewlines();
      rest.push({ op, p: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isKeyword("!")) {
      negate = true;
      this.i++;
    }
    const cmds = [this.command()];
    while (this.isOp("|")) {
      this.i++;
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { negate, cmds };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op" || !["<", ">", ">>", "2>", "2>>", "2>&1", ">&2", "&>"].includes(t.v)) return out;
      this.i++;
      const op = t.v as Redir["op"];
      if (op === "2>&1" || op === ">&2") {
        out.push({ op });
        continue;
      }
      const target = this.peek();
      if (!target || target.t !== "word") throw new ShellSyntaxError("syntax error: missing redirection target");
      this.i++;
      out.push({ op, target: target.w });
    }
  }

  private command(): Command {
    const t = this.peek();
    if (!t) throw new ShellSyntaxError("syntax error: unexpected end of file");
    if (t.t === "op" && t.v === "(") {
      this.i++;
      const body = this.list([")"]);
      if (!this.isOp(")")) throw new ShellSyntaxError('syntax error: expected ")"');
      this.i++;
      return { k: "group", body, redirs: this.redirs(), subshell: true };
    }
    if (t.t === "word" && !t.quoted) {
      switch (t.raw) {
        case "while":
        case "until": {
          this.i++;
          const cond = this.list(["do"]);
          this.expectKeyword("do");
          const body = this.list(["done"]);
          this.expectKeyword("done");
          return { k: "loop", until: t.raw === "until", cond, body, redirs: this.redirs() };
        }
        case "for": {
          this.i++;
          const name = this.peek();
          if (!name || name.t !== "word") throw new ShellSyntaxError("syntax error: bad for loop variable");
          this.i++;
          let items: Word[] | undefined;
          this.skipNewlines();
          if (this.isKeyword("in")) {
            this.i++;
            items = [];
            for (let w = this.peek(); w && w.t === "word"; w = this.peek()) {
              items.push(w.w);
              this.i++;
            }
          }
          while (this.isOp(";") || this.isOp("\n")) this.i++;
          this.expectKeyword("do");
          const body = this.list(["done"]);
          this.expectKeyword("done");
          return { k: "for", name: name.raw, items, body, redirs: this.redirs() };
        }
        case "if": {
          this.i++;
          const branches: { cond: List; body: List }[] = [];
          let otherwise: List | undefined;
          for (;;) {
            const cond = this.list(["then"]);
            this.expectKeyword("then");
            const body = this.list(["elif", "else", "fi"]);
            branches.push({ cond, body });
            if (this.isKeyword("elif")) {
              this.i++;
              continue;
            }
            if (this.isKeyword("else")) {
              this.i++;
              otherwise = this.list(["fi"]);
            }
            this.expectKeyword("fi");
            break;
          }
          return { k: "if", branches, otherwise, redirs: this.redirs() };
        }
        case "{": {
          this.i++;
          const body = this.list(["}"]);
          this.expectKeyword("}");
          return { k: "group", body, redirs: this.redirs(), subshell: false };
        }
      }
      if (KEYWORDS.has(t.raw)) throw new ShellSyntaxError(`syntax error: unexpected "${t.raw}"`);
    }
    return this.simple();
  }

  private simple(): Command {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      redirs.push(...this.redirs());
      const t = this.peek();
      if (!t || t.t !== "word") break;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (words.length === 0 && m && t.w[0]?.t === "lit" && !t.w[0].q) {
        const first = t.w[0];
        const value: Word = [{ ...first, v: first.v.slice(m[0].length) }, ...t.w.slice(1)];
        assigns.push({ name: m[1], value });
      } else {
        words.push(t.w);
      }
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) throw new ShellSyntaxError("syntax error: unexpected token");
    return { k: "simple", assigns, words, redirs };
  }
}

export function parseShell(script: string): List {
  return new Parser(tokenize(script)).parseProgram();
}
