// The label selector query syntax (kubectl -l, ?labelSelector=): the lexer and recursive-descent
// parser of k8s.io/apimachinery/pkg/labels/selector.go, with its exact error messages.
import type { Requirement, SelectorOperator } from "./selectors";
import { fieldErrorString, goStringSlice, invalid, type FieldError } from "./validation/fieldError";
import { isQualifiedName, isValidLabelValue } from "./validation/names";

export type ParseResult = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

// ---- lexer ----

type Tok = "id" | "eos" | "(" | ")" | "," | "!" | "!=" | "=" | "==" | ">" | "<" | "in" | "notin" | "error";
interface Item {
  tok: Tok;
  lit: string;
}

const SPECIAL = new Set(["=", "!", "(", ")", ",", ">", "<"]);
const WHITESPACE = new Set([" ", "\t", "\r", "\n"]);
const STRING_TO_TOKEN: Record<string, Tok> = {
  ")": ")",
  ",": ",",
  "!": "!",
  "!=": "!=",
  "(": "(",
  "=": "=",
  "==": "==",
  ">": ">",
  "<": "<",
  in: "in",
  notin: "notin",
};

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && WHITESPACE.has(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: "eos", lit: "" });
      return items;
    }
    if (SPECIAL.has(s[pos])) {
      // Longest run of special symbols that is still a token ("!=", "==").
      let buffer = "";
      let last: Item | undefined;
      while (pos < s.length && SPECIAL.has(s[pos])) {
        buffer += s[pos];
        const tok = STRING_TO_TOKEN[buffer];
        if (tok) last = { tok, lit: buffer };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: "error", lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = "";
      while (pos < s.length && !SPECIAL.has(s[pos]) && !WHITESPACE.has(s[pos])) buffer += s[pos++];
      const tok = STRING_TO_TOKEN[buffer];
      items.push({ tok: tok === "in" || tok === "notin" ? tok : "id", lit: buffer });
    }
  }
}

// ---- parser ----

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  /** In a values context "in" and "notin" are ordinary identifiers. */
  private view(item: Item, values: boolean): Item {
    return values && (item.tok === "in" || item.tok === "notin") ? { tok: "id", lit: item.lit } : item;
  }
  lookahead(values: boolean): Item {
    return this.view(this.items[this.pos], values);
  }
  consume(values: boolean): Item {
    return this.view(this.items[this.pos++], values);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === "id" || tok === "!") {
        let r: Requirement;
        try {
          r = this.parseRequirement();
        } catch (e) {
          throw new Error(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const next = this.consume(true);
        if (next.tok === "eos") return reqs;
        if (next.tok === ",") {
          const after = this.lookahead(true);
          if (after.tok !== "id" && after.tok !== "!") throw new Error(`found '${after.lit}', expected: identifier after ','`);
        } else throw new Error(`found '${next.lit}', expected: ',' or 'end of string'`);
      } else if (tok === "eos") return reqs;
      else throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private parseRequirement(): Requirement {
    let operator: SelectorOperator | undefined;
    let item = this.consume(true);
    if (item.tok === "!") {
      operator = "!";
      item = this.consume(true);
    }
    if (item.tok !== "id") throw new Error(`found '${item.lit}', expected: identifier`);
    const key = item.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) throw new Error(fieldErrorString(invalid("<nil>", key, keyErrs.join("; "))));
    const t = this.lookahead(true).tok;
    if (t === "eos" || t === ",") operator ??= "exists";
    if (operator === "exists" || operator === "!") return newRequirement(key, operator, []);
    const op = this.consume(false);
    const ops: Partial<Record<Tok, SelectorOperator>> = { in: "in", "=": "=", "==": "==", ">": "gt", "<": "lt", notin: "notin", "!=": "!=" };
    const parsedOp = ops[op.tok];
    if (!parsedOp) throw new Error(`found '${op.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = parsedOp === "in" || parsedOp === "notin" ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, parsedOp, values);
  }

  private parseValues(): string[] {
    const open = this.consume(true);
    if (open.tok !== "(") throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    if (tok === "id" || tok === ",") {
      const set = this.parseIdentifiersList();
      if (this.consume(true).tok !== ")") throw new Error(`found '${lit}', expected: ')'`);
      return set;
    }
    if (tok === ")") {
      this.consume(true);
      return [""];
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): string[] {
    const set = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === "id") {
        set.add(lit);
        const next = this.lookahead(true);
        if (next.tok === ",") continue;
        if (next.tok === ")") return [...set];
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ",") {
        if (set.size === 0) set.add("");
        const next = this.lookahead(true).tok;
        if (next === ")") {
          set.add("");
          return [...set];
        }
        if (next === ",") set.add("");
      } else throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const { tok } = this.lookahead(true);
    if (tok === "eos" || tok === ",") return [""];
    const item = this.consume(true);
    if (item.tok === "id") return [item.lit];
    throw new Error(`found '${item.lit}', expected: identifier`);
  }
}

/** labels.NewRequirement's checks; values come back sorted like sets.String.List(). */
function newRequirement(key: string, operator: SelectorOperator, rawValues: string[]): Requirement {
  const values = [...new Set(rawValues)].sort();
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid("key", key, keyErrs.join("; ")));
  const vals = { goSyntax: goStringSlice(values) };
  if ((operator === "in" || operator === "notin") && values.length === 0)
    errs.push(invalid("values", vals, "for 'in', 'notin' operators, values set can't be empty"));
  if ((operator === "=" || operator === "==" || operator === "!=") && values.length !== 1)
    errs.push(invalid("values", vals, "exact-match compatibility requires one single value"));
  if (operator === "gt" || operator === "lt") {
    if (values.length !== 1) errs.push(invalid("values", vals, "for 'Gt', 'Lt' operators, exactly one value is required"));
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalid(`values[${i}][${key}]`, v, msgs.join("; ")));
  });
  if (errs.length) {
    const msgs = [...new Set(errs.map(fieldErrorString))];
    throw new Error(msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`);
  }
  return { key, operator, values };
}

/**
 * Parses `app=web,tier!=db,env in (a,b),!x,y` like labels.Parse. Requirements come back sorted
 * by key. Errors carry the real text, e.g.
 * `unable to parse requirement: found 'IN', expected: in, notin, =, ==, !=, gt, lt`.
 */
export function parseLabelSelector(selector: string): ParseResult {
  try {
    const reqs = new Parser(lex(selector)).parse();
    reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { ok: true, requirements: reqs };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

