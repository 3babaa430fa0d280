/**
 * A faithful port of Go's text/tabwriter layout (left-aligned, space padding), which kubectl
 * uses for every table and for describe. Cells are tab-terminated; the text after a line's
 * last tab is not part of any column. Columns are laid out per *column block*: a run of
 * consecutive lines that all have a cell in that column, which is why `describe` output
 * aligns "Name:" with "Events:" but not with lines separated by a single-cell line.
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding. */
  minwidth: number;
  /** Added to the widest cell of a column. */
  padding: number;
}

/** kubectl get (cli-runtime printers.GetNewTabWriter): minwidth 6, tabwidth 4, padding 3, ' '. */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe (tabbedString): minwidth 0, tabwidth 8, padding 2, ' '. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Display width as tabwriter counts it: one per rune (code point). */
export function runeWidth(s: string): number {
  if (!/[\ud800-\udbff]/.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Lays out `text` (tab-separated cells, newline-terminated lines) like Go's tabwriter + Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split("\n");
  const endsWithNewline = rawLines.length > 0 && rawLines[rawLines.length - 1] === "";
  if (endsWithNewline) rawLines.pop();
  return (
    tabwriteCells(
      rawLines.map((l) => l.split("\t")),
      opts,
    ) + (endsWithNewline ? "\n" : "")
  );
}

/** Same layout for lines already split into cells; the result has no trailing newline. */
export function tabwriteCells(lines: readonly (readonly string[])[], opts: TabwriterOptions): string {
  const widthsOf = lines.map((cells) => cells.map(runeWidth));
  const out: string[] = [];
  const widths: number[] = [];
  const pads: string[] = [];
  const pad = (n: number): string => pads[n] ?? (pads[n] = " ".repeat(n));

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        if (j < widths.length) s += pad(Math.max(0, widths[j] - widthsOf[i][j]));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // a cell exists in this column: lines [line0, t) are written with the current widths
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        const w = widthsOf[t][column] + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t; // line t has no cell in this column, so the loop may step past it
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n");
}
