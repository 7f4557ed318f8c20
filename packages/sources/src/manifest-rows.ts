import { type CsvRecord, CsvRecordParser } from "./csv-records.js";
import { DatasetError } from "./dataset-error.js";
import { toDatasetPath } from "./dataset-path.js";
import { LineSplitter, type TextLine } from "./text-lines.js";
import type { SourceProblem } from "./types.js";

/** A manifest row that passed every check that needs no file system. */
export interface ManifestEntry {
  line: number;
  path: string;
  label: string;
}

export interface ManifestColumnOptions {
  pathColumn?: string;
  labelColumn?: string;
}

/** Header names tried, ignoring case, when no column name is given (CSV only). */
export const PATH_COLUMN_ALIASES = [
  "path",
  "image",
  "file",
  "filename",
  "file_name",
  "filepath",
  "image_path",
];
export const LABEL_COLUMN_ALIASES = ["label", "class", "category"];

/**
 * Validates manifest rows one by one: path and label present, path inside the dataset root,
 * label not empty. Rejected rows become problems naming the manifest and line; accepted rows are
 * returned. Paths listed twice are found after the whole manifest is read (`rejectDuplicate`), so
 * that no set of every path has to be held while reading.
 */
export class ManifestRowChecker {
  private readonly rejected: { line: number; problem: SourceProblem }[] = [];

  constructor(private readonly manifestName: string) {}

  /** Records a rejected row; `path` may be empty when the row names none. */
  reject(path: string, line: number, reason: string): undefined {
    const problem = {
      path: path === "" ? this.manifestName : path,
      message: `${this.manifestName} line ${line}: ${reason}`,
    };
    this.rejected.push({ line, problem });
    return undefined;
  }

  /** Problems in manifest line order, whichever check found them. */
  problems(): SourceProblem[] {
    return this.rejected.sort((a, b) => a.line - b.line).map(({ problem }) => problem);
  }

  check(line: number, rawPath: string, rawLabel: string): ManifestEntry | undefined {
    const resolved = toDatasetPath(rawPath);
    if ("error" in resolved) return this.reject(rawPath, line, resolved.error);
    const { path } = resolved;
    if (rawLabel.trim() === "") return this.reject(path, line, "empty label");
    return { line, path, label: rawLabel };
  }

  /** Rejects `entry` for repeating the path of `first`, an earlier row. */
  rejectDuplicate(entry: ManifestEntry, first: ManifestEntry): void {
    const conflict = first.label === entry.label ? "" : ` with a different label ("${first.label}" there)`;
    this.reject(entry.path, entry.line, `duplicate of line ${first.line}${conflict}`);
  }
}

/** Rows of a CSV manifest: the first record is the header naming the columns. */
export class CsvManifestRows {
  private columns: { path: number; label: number; pathName: string; labelName: string } | undefined;

  constructor(
    private readonly location: string,
    private readonly checker: ManifestRowChecker,
    private readonly options: ManifestColumnOptions,
  ) {}

  accept(record: CsvRecord): ManifestEntry | undefined {
    if (!this.columns) {
      this.columns = this.readHeader(record.fields);
      return undefined;
    }
    const { path, label, pathName, labelName } = this.columns;
    const rawPath = record.fields[path];
    const rawLabel = record.fields[label];
    // The rest of the file ended up in one field, so it names no path worth showing.
    if (record.unterminatedQuote) return this.checker.reject("", record.line, "quoted field never closed");
    const named = rawPath ?? "";
    if (rawPath === undefined) return this.checker.reject(named, record.line, `missing column "${pathName}"`);
    if (rawLabel === undefined)
      return this.checker.reject(named, record.line, `missing column "${labelName}"`);
    return this.checker.check(record.line, rawPath, rawLabel);
  }

  private readHeader(header: string[]) {
    const path = findColumn(header, this.options.pathColumn, PATH_COLUMN_ALIASES);
    const label = findColumn(header, this.options.labelColumn, LABEL_COLUMN_ALIASES);
    const missing =
      path === -1
        ? (this.options.pathColumn ?? "path")
        : label === -1
          ? (this.options.labelColumn ?? "label")
          : "";
    if (missing !== "") {
      throw new DatasetError(
        this.location,
        "malformed",
        `no "${missing}" column in the CSV header (columns: ${header.map((name) => `"${name}"`).join(", ")})`,
      );
    }
    return { path, label, pathName: header[path] ?? "", labelName: header[label] ?? "" };
  }
}

function findColumn(header: string[], name: string | undefined, aliases: string[]): number {
  if (name !== undefined) return header.indexOf(name);
  const lower = header.map((column) => column.trim().toLowerCase());
  for (const alias of aliases) {
    const index = lower.indexOf(alias);
    if (index !== -1) return index;
  }
  return -1;
}

/** Rows of a JSON Lines manifest: one object per line with the path and label keys. */
export class JsonlManifestRows {
  private readonly pathKey: string;
  private readonly labelKey: string;

  constructor(
    private readonly checker: ManifestRowChecker,
    options: ManifestColumnOptions,
  ) {
    this.pathKey = options.pathColumn ?? "path";
    this.labelKey = options.labelColumn ?? "label";
  }

  accept({ text, line }: TextLine): ManifestEntry | undefined {
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (error) {
      return this.checker.reject(
        "",
        line,
        `malformed JSON (${error instanceof Error ? error.message : error})`,
      );
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      return this.checker.reject("", line, "not a JSON object");
    }
    const fields = row as Record<string, unknown>;
    const path = fields[this.pathKey];
    const label = fields[this.labelKey];
    const named = typeof path === "string" ? path : "";
    if (path === undefined) return this.checker.reject(named, line, `missing column "${this.pathKey}"`);
    if (typeof path !== "string")
      return this.checker.reject(named, line, `"${this.pathKey}" is not a string`);
    if (label === undefined) return this.checker.reject(named, line, `missing column "${this.labelKey}"`);
    if (typeof label !== "string" && !(typeof label === "number" && Number.isFinite(label))) {
      return this.checker.reject(named, line, `"${this.labelKey}" is not a string or a number`);
    }
    return this.checker.check(line, path, String(label));
  }
}

export type ManifestFormat = "csv" | "jsonl";

/** Turns manifest text, fed in chunks, into accepted entries; rejected rows go to the checker. */
export interface ManifestReader {
  push(chunk: string): ManifestEntry[];
  end(): ManifestEntry[];
}

export function manifestReader(
  format: ManifestFormat,
  location: string,
  checker: ManifestRowChecker,
  options: ManifestColumnOptions,
): ManifestReader {
  if (format === "csv") {
    const parser = new CsvRecordParser();
    const rows = new CsvManifestRows(location, checker, options);
    const accept = (records: CsvRecord[]) => keepAccepted(records, (record) => rows.accept(record));
    return { push: (chunk) => accept(parser.push(chunk)), end: () => accept(parser.end()) };
  }
  const splitter = new LineSplitter();
  const rows = new JsonlManifestRows(checker, options);
  const accept = (lines: TextLine[]) => keepAccepted(lines, (line) => rows.accept(line));
  return { push: (chunk) => accept(splitter.push(chunk)), end: () => accept(splitter.end()) };
}

function keepAccepted<T>(records: T[], accept: (record: T) => ManifestEntry | undefined): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const record of records) {
    const entry = accept(record);
    if (entry) entries.push(entry);
  }
  return entries;
}
