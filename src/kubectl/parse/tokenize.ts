/**
 * Splits a command line into words the way a POSIX shell does: blanks separate words,
 * single quotes keep everything literal, double quotes keep everything but `\"`, `\\`, `\$`
 * and `` \` ``, a backslash outside quotes escapes the next character. Unquoted `<<WORD`
 * (or `<<'WORD'`, `<<"WORD"`, `<<-WORD`) is a heredoc redirection. No expansion happens.
 */
export interface Heredoc {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from body lines. */
  stripTabs: boolean;
}

export type TokenizeResult = { ok: true; words: string[]; heredoc?: Heredoc } | { ok: false; message: string };

const BLANK = /[ \t]/;
const OPERATORS = new Set(["|", ";", "&", ">", "<", "(", ")", "`"]);

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let heredoc: Heredoc | undefined;
  let word = "";
  let inWord = false;
  let expectHeredocWord: { stripTabs: boolean } | undefined;

  const endWord = (): string | undefined => {
    if (!inWord) return undefined;
    const w = word;
    word = "";
    inWord = false;
    if (expectHeredocWord) {
      heredoc = { delimiter: w, stripTabs: expectHeredocWord.stripTabs };
      expectHeredocWord = undefined;
    } else {
      words.push(w);
    }
    return w;
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (BLANK.test(c)) {
      endWord();
      i++;
      continue;
    }
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, message: "unterminated quoted string" };
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const d = line[j];
        if (d === '"') {
          closed = true;
          break;
        }
        if (d === "\\" && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) {
          word += line[j + 1];
          j += 2;
          continue;
        }
        word += d;
        j++;
      }
      if (!closed) return { ok: false, message: "unterminated quoted string" };
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === "\\") {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "<" && line[i + 1] === "<" && !inWord) {
      if (heredoc || expectHeredocWord) return { ok: false, message: "only one heredoc per command is supported" };
      const stripTabs = line[i + 2] === "-";
      expectHeredocWord = { stripTabs };
      i += stripTabs ? 3 : 2;
      continue;
    }
    if (c === "#" && !inWord) break; // a comment runs to the end of the line
    if (OPERATORS.has(c) || (c === "$" && line[i + 1] === "(")) {
      return { ok: false, message: `unsupported shell syntax "${c === "$" ? "$(" : c}" (pipes, redirections and command substitution are not available)` };
    }
    word += c;
    inWord = true;
    i++;
  }
  endWord();
  if (expectHeredocWord) return { ok: false, message: "heredoc delimiter missing after <<" };
  return heredoc ? { ok: true, words, heredoc } : { ok: true, words };
}
