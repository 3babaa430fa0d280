/**
 * The terminal's line discipline, without xterm: what a keystroke does to the line being typed
 * (insert, delete, move, history) and what to draw for it, as ANSI sequences. Pure, so it is
 * unit-tested with plain strings.
 */
export type KeyResult =
  | { type: "draw"; text: string }
  | { type: "submit"; line: string }
  | { type: "interrupt" }
  | { type: "complete" }
  | { type: "clear" }
  | { type: "none" };

export const HISTORY_LIMIT = 200;

export class LineEditor {
  buffer = "";
  cursor = 0;
  readonly history: string[] = [];
  /** Position while browsing history (history.length = the line being typed). */
  private browse = 0;
  private draft = "";

  constructor(public prompt: string) {}

  /** Redraws the whole line: carriage return, clear to end, prompt, text, cursor back. */
  redraw(): string {
    const back = this.buffer.length - this.cursor;
    return `\r\x1b[K${this.prompt}${this.buffer}${back > 0 ? `\x1b[${back}D` : ""}`;
  }

  /** Sets the line (history, completion) and returns what to draw. */
  setLine(line: string): string {
    this.buffer = line;
    this.cursor = line.length;
    return this.redraw();
  }

  /** Called after a line is submitted: it joins the history (not blanks, not repeats). */
  remember(line: string): void {
    const t = line.trim();
    if (t && this.history[this.history.length - 1] !== t) this.history.push(t);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    this.browse = this.history.length;
    this.draft = "";
  }

  reset(): void {
    this.buffer = "";
    this.cursor = 0;
    this.browse = this.history.length;
    this.draft = "";
  }

  private insert(text: string): KeyResult {
    const atEnd = this.cursor === this.buffer.length;
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    return { type: "draw", text: atEnd ? text : this.redraw() };
  }

  private historyMove(dir: -1 | 1): KeyResult {
    const next = this.browse + dir;
    if (next < 0 || next > this.history.length) return { type: "none" };
    if (this.browse === this.history.length) this.draft = this.buffer;
    this.browse = next;
    return { type: "draw", text: this.setLine(next === this.history.length ? this.draft : this.history[next]) };
  }

  /** One key (or escape sequence) from xterm's onData. */
  key(data: string): KeyResult {
    switch (data) {
      case "\r":
        return { type: "submit", line: this.buffer };
      case "\x03":
        return { type: "interrupt" };
      case "\t":
        return { type: "complete" };
      case "\x0c":
        return { type: "clear" };
      case "\x7f":
      case "\b":
        if (this.cursor === 0) return { type: "none" };
        this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
        this.cursor--;
        return { type: "draw", text: this.redraw() };
      case "\x1b[3~":
        if (this.cursor >= this.buffer.length) return { type: "none" };
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        return { type: "draw", text: this.redraw() };
      case "\x1b[A":
        return this.historyMove(-1);
      case "\x1b[B":
        return this.historyMove(1);
      case "\x1b[D":
        if (this.cursor === 0) return { type: "none" };
        this.cursor--;
        return { type: "draw", text: "\x1b[D" };
      case "\x1b[C":
        if (this.cursor >= this.buffer.length) return { type: "none" };
        this.cursor++;
        return { type: "draw", text: "\x1b[C" };
      case "\x1b[H":
      case "\x01":
        this.cursor = 0;
        return { type: "draw", text: this.redraw() };
      case "\x1b[F":
      case "\x05":
        this.cursor = this.buffer.length;
        return { type: "draw", text: this.redraw() };
      case "\x15":
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        return { type: "draw", text: this.redraw() };
    }
    if (data.startsWith("\x1b")) return { type: "none" };
    // Printable text (typed or pasted without newlines); control characters are dropped.
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    const text = data.replace(/[\x00-\x1f\x7f]/g, "");
    return text ? this.insert(text) : { type: "none" };
  }
}

/** Splits pasted data into keys: each newline submits the line before it. */
export function splitInput(data: string): string[] {
  if (data.length <= 1 || data.startsWith("\x1b")) return [data];
  const out: string[] = [];
  for (const part of data.replace(/\r\n/g, "\r").replace(/\n/g, "\r").split(/(\r)/)) if (part) out.push(part);
  return out;
}
