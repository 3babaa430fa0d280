/**
 * describe.go's PrefixWriter over tabbedString: each level indents two spaces; the whole text is
 * laid out at the end by a tabwriter with padding 2 (so `Name:` aligns with `Events:`).
 */
import { DESCRIBE_TABWRITER, tabwrite } from "../../format";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private readonly parts: string[] = [];

  /** Write(level, text): text prefixed by two spaces per level. */
  write(level: number, text: string): void {
    this.parts.push("  ".repeat(level) + text);
  }

  /** WriteLine: text and a newline, no indentation. */
  line(text: string): void {
    this.parts.push(text + "\n");
  }

  toString(): string {
    return tabwrite(this.parts.join(""), DESCRIBE_TABWRITER);
  }
}
