/**
 * go-yaml v2 line folding (emitter best_width 80), applied to YAML printed without folding.
 * Go breaks a plain or single-quoted scalar at a space once the column has passed 80 — so a
 * line runs *past* 80 up to the next space — and continues at the key's indent + 2.
 * The npm yaml package folds before the limit, hence this small pass of our own.
 */

const BEST_WIDTH = 80;
const LINE = /^( *)((?:- )*)((?:[^\s'"#&*!|>{[\]-][^:]*?|'[^']*'): )?(.*)$/;

function foldScalar(value: string, startCol: number, indent: number): string {
  let out = "";
  let col = startCol;
  let spaces = false;
  const quoted = value.startsWith("'");
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === " ") {
      const inside = !quoted || (i > 1 && i < value.length - 2);
      if (inside && !spaces && col > BEST_WIDTH && i + 1 < value.length && value[i + 1] !== " ") {
        out += "\n" + " ".repeat(indent);
        col = indent;
      } else {
        out += c;
        col++;
      }
      spaces = true;
    } else {
      out += c;
      col++;
      spaces = false;
    }
  }
  return out;
}

function foldable(value: string): boolean {
  if (value.length === 0) return false;
  if (value.startsWith("'")) return value.endsWith("'") && value.length >= 2;
  return !/^["|>{[&*!#%@`]/.test(value);
}

export function foldLikeGoYaml(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (line.length <= BEST_WIDTH) return line;
      const m = LINE.exec(line);
      if (!m) return line;
      const [, ws, dashes, key, value] = m;
      if (!foldable(value)) return line;
      const startCol = ws.length + dashes.length + (key?.length ?? 0);
      const indent = ws.length + dashes.length + (key ? 2 : 0);
      return line.slice(0, startCol) + foldScalar(value, startCol, indent);
    })
    .join("\n");
}
