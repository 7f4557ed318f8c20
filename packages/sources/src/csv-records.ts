/** One CSV record and the line of the manifest it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
  /** The input ended inside a quoted field: the record swallowed the rest of the file. */
  unterminatedQuote?: boolean;
}

/** A record longer than this is refused: an unbalanced quote must not make one field eat memory. */
export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Incremental RFC 4180 parser: quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF line ends, a leading byte-order mark. Feed text in chunks of any size; blank lines
 * are skipped. Lenient where the RFC is silent: a quote inside an unquoted field and text after a
 * closing quote are kept as written.
 */
export class CsvRecordParser {
  private fields: string[] = [];
  private field = "";
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private afterCr = false;
  private atStart = true;

  constructor(private readonly maxRecordChars = DEFAULT_MAX_RECORD_CHARS) {}

  /** Parses a chunk; returns the records it completes. Throws when a record exceeds the limit. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.atStart && chunk.length > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.afterCr && i < chunk.length) {
      this.afterCr = false;
      if (chunk.charCodeAt(i) === LF) i++;
    }
    while (i < chunk.length) {
      if (this.state === State.Quoted) {
        const quote = chunk.indexOf('"', i);
        const end = quote === -1 ? chunk.length : quote;
        this.append(chunk.slice(i, end));
        this.line += countLineFeeds(chunk, i, end);
        if (quote !== -1) this.state = State.QuoteInQuoted;
        i = end + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.append('"');
          this.state = State.Quoted;
          i++;
          continue;
        }
        this.state = State.Unquoted;
      } else if (this.state === State.FieldStart && c === QUOTE) {
        this.state = State.Quoted;
        i++;
        continue;
      }
      let end = i;
      while (end < chunk.length) {
        const d = chunk.charCodeAt(end);
        if (d === COMMA || d === CR || d === LF) break;
        end++;
      }
      this.append(chunk.slice(i, end));
      this.state = State.Unquoted;
      if (end === chunk.length) break;
      const delimiter = chunk.charCodeAt(end);
      i = end + 1;
      if (delimiter === COMMA) {
        this.fields.push(this.field);
        this.field = "";
        this.state = State.FieldStart;
        continue;
      }
      if (delimiter === CR) {
        if (i === chunk.length) this.afterCr = true;
        else if (chunk.charCodeAt(i) === LF) i++;
      }
      this.line++;
      this.endRecord(out);
    }
    return out;
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.fields.push(this.field);
      out.push({ fields: this.fields, line: this.recordLine, unterminatedQuote: true });
    } else if (this.fields.length > 0 || this.field !== "" || this.state === State.QuoteInQuoted) {
      this.endRecord(out);
    }
    this.fields = [];
    this.field = "";
    this.state = State.FieldStart;
    return out;
  }

  private append(text: string): void {
    this.recordChars += text.length;
    if (this.recordChars > this.maxRecordChars) {
      throw new Error(
        `record starting on line ${this.recordLine} is longer than ${this.maxRecordChars} characters (unbalanced quote?)`,
      );
    }
    this.field += text;
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === "";
    if (!blank) out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = "";
    this.state = State.FieldStart;
    this.recordChars = 0;
    this.recordLine = this.line;
  }
}

function countLineFeeds(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Parses a whole CSV text at once. */
export function parseCsv(text: string, maxRecordChars?: number): CsvRecord[] {
  const parser = new CsvRecordParser(maxRecordChars);
  return [...parser.push(text), ...parser.end()];
}
