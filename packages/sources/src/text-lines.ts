/** One non-blank line of text and its 1-based line number. */
export interface TextLine {
  text: string;
  line: number;
}

/** A line longer than this is refused, so a file without line breaks cannot exhaust memory. */
export const DEFAULT_MAX_LINE_CHARS = 1 << 20;

/**
 * Incremental line splitter for JSON Lines: LF or CRLF line ends, a leading byte-order mark,
 * blank lines skipped (their numbers still count).
 */
export class LineSplitter {
  private pending = "";
  private line = 1;
  private atStart = true;

  constructor(private readonly maxLineChars = DEFAULT_MAX_LINE_CHARS) {}

  /** Splits a chunk; returns the lines it completes. Throws when a line exceeds the limit. */
  push(chunk: string): TextLine[] {
    let text = chunk;
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: TextLine[] = [];
    let start = 0;
    for (let lf = text.indexOf("\n"); lf !== -1; lf = text.indexOf("\n", start)) {
      this.emit(this.pending + text.slice(start, lf), out);
      this.pending = "";
      start = lf + 1;
    }
    this.pending += text.slice(start);
    this.checkLength(this.pending);
    return out;
  }

  /** Flushes a last line without a line break. */
  end(): TextLine[] {
    const out: TextLine[] = [];
    this.emit(this.pending, out);
    this.pending = "";
    return out;
  }

  private emit(raw: string, out: TextLine[]): void {
    this.checkLength(raw);
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() !== "") out.push({ text, line: this.line });
    this.line++;
  }

  private checkLength(text: string): void {
    if (text.length > this.maxLineChars) {
      throw new Error(`line ${this.line} is longer than ${this.maxLineChars} characters`);
    }
  }
}
