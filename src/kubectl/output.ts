/**
 * What a command prints. A terminal interleaves stdout and stderr, so both go into one
 * ordered list of chunks; a listener sees each chunk as it is written (the in-app terminal).
 */
export type Stream = "stdout" | "stderr";

export interface OutputChunk {
  stream: Stream;
  text: string;
}

export class Output {
  readonly chunks: OutputChunk[] = [];
  constructor(private readonly listener?: (chunk: OutputChunk) => void) {}

  write(stream: Stream, text: string): void {
    if (text === "") return;
    const chunk = { stream, text };
    this.chunks.push(chunk);
    this.listener?.(chunk);
  }
  /** Writes to stdout, adding the final newline if missing. */
  line(text: string): void {
    this.write("stdout", text.endsWith("\n") ? text : text + "\n");
  }
  /** Writes to stderr, adding the final newline if missing. */
  errLine(text: string): void {
    this.write("stderr", text.endsWith("\n") ? text : text + "\n");
  }
  /** Everything as a terminal shows it. */
  text(): string {
    return this.chunks.map((c) => c.text).join("");
  }
  stdout(): string {
    return this.chunks.filter((c) => c.stream === "stdout").map((c) => c.text).join("");
  }
  stderr(): string {
    return this.chunks.filter((c) => c.stream === "stderr").map((c) => c.text).join("");
  }
}
