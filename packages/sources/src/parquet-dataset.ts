import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from "hyparquet";
import { compareCodeUnits } from "./code-unit-order.js";
import { DatasetError, reasonOf } from "./dataset-error.js";
import { HashedStringSet } from "./hashed-string-set.js";
import { hfClassNames } from "./hf-class-names.js";
import type { Dataset, DatasetItem, SourceProblem } from "./types.js";

/** One Parquet file: its name (used in `<shard>#<row>` paths and problems) and its bytes. */
export interface ParquetShard {
  name: string;
  file: AsyncBuffer;
}

export interface ParquetColumnOptions {
  /** Struct column `{bytes, path}`; default `image`, else the first struct with a `bytes` field. */
  imageColumn?: string;
  /** Integer (ClassLabel) or string column; default `label`. */
  labelColumn?: string;
}

/** Where a shard keeps its images and labels. */
interface ShardLayout {
  shard: ParquetShard;
  metadata: FileMetaData;
  imageColumn: string;
  labelColumn: string;
  classNames: string[] | undefined;
}

const utf8 = new TextDecoder();

/**
 * A Hugging Face style Parquet dataset: shards read in name order, each row group by row group
 * so only one group's image bytes are in memory at a time. Browser-safe: give it AsyncBuffers
 * (an ArrayBuffer is one; see `asyncBufferFromBlob` for a File).
 * A shard that cannot be used is a problem; the dataset fails only when no shard can be used.
 */
export async function openParquetShards(
  root: string,
  shards: readonly ParquetShard[],
  options: ParquetColumnOptions = {},
): Promise<Dataset> {
  const problems: SourceProblem[] = [];
  const layouts: ShardLayout[] = [];
  for (const shard of [...shards].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    try {
      layouts.push(await shardLayout(shard, options));
    } catch (error) {
      problems.push({ path: shard.name, message: reasonOf(error) });
    }
  }
  if (layouts.length === 0) {
    const reason =
      problems.length === 1
        ? problems[0]?.message
        : `no usable shard (${problems.map((p) => `${p.path}: ${p.message}`).join("; ")})`;
    throw new DatasetError(root, shards.length === 0 ? "empty" : "malformed", reason ?? "no Parquet files");
  }
  if (layouts.every((layout) => layout.metadata.num_rows === 0n)) {
    throw new DatasetError(root, "empty", "holds no rows");
  }
  const size = layouts.reduce((sum, layout) => sum + Number(layout.metadata.num_rows), 0);
  return {
    kind: "parquet",
    root,
    items: () => parquetItems(layouts, problems, size),
    problems,
    ignoredFiles: 0,
    size,
    classes: layouts.find((layout) => layout.classNames)?.classNames ?? null,
  };
}

async function shardLayout(shard: ParquetShard, options: ParquetColumnOptions): Promise<ShardLayout> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(shard.file);
  } catch (error) {
    throw new Error(`not a readable Parquet file (${reasonOf(error)})`);
  }
  const columns = parquetSchema(metadata).children;
  const listing = `columns: ${columns.map((column) => `"${column.element.name}"`).join(", ")}`;
  const isImageStruct = (column: (typeof columns)[number]) =>
    column.children.some((child) => child.element.name === "bytes");
  const image =
    options.imageColumn === undefined
      ? (columns.find((column) => column.element.name === "image" && isImageStruct(column)) ??
        columns.find(isImageStruct))
      : columns.find((column) => column.element.name === options.imageColumn);
  if (!image || !isImageStruct(image)) {
    const wanted =
      options.imageColumn === undefined ? "no image column" : `column "${options.imageColumn}" is not`;
    throw new Error(`${wanted} (a struct with a "bytes" field); ${listing}`);
  }
  const labelColumn = options.labelColumn ?? "label";
  const label = columns.find((column) => column.element.name === labelColumn);
  if (!label) throw new Error(`no label column "${labelColumn}"; ${listing}`);
  const type = label.element.type;
  if (label.children.length > 0 || (type !== "INT32" && type !== "INT64" && type !== "BYTE_ARRAY")) {
    throw new Error(`label column "${labelColumn}" is neither an integer nor a string column`);
  }
  return {
    shard,
    metadata,
    imageColumn: image.element.name,
    labelColumn,
    classNames: hfClassNames(metadata.key_value_metadata, labelColumn),
  };
}

async function* parquetItems(
  layouts: ShardLayout[],
  problems: SourceProblem[],
  rows: number,
): AsyncGenerator<DatasetItem> {
  // Hashes, not the paths: a set of every path grew by over 100 bytes a row. Sized for every row
  // up front, as doubling briefly holds the old table besides the new one.
  const taken = new HashedStringSet(rows);
  for (const layout of layouts) {
    let rowStart = 0;
    for (const [group, rowGroup] of layout.metadata.row_groups.entries()) {
      const rowEnd = rowStart + Number(rowGroup.num_rows);
      const rows = await readRows(layout, rowStart, rowEnd).catch((error: unknown) => {
        const message = `row group ${group} (rows ${rowStart}..${rowEnd - 1}) unreadable (${reasonOf(error)})`;
        problems.push({ path: layout.shard.name, message });
        return [];
      });
      for (const [offset, row] of rows.entries()) {
        const item = toItem(layout, row, rowStart + offset, taken, problems);
        if (item) yield item;
      }
      rowStart = rowEnd;
    }
  }
}

function readRows(layout: ShardLayout, rowStart: number, rowEnd: number): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    parquetRead({
      file: layout.shard.file,
      metadata: layout.metadata,
      columns: [layout.imageColumn, layout.labelColumn],
      rowStart,
      rowEnd,
      rowFormat: "object",
      // Unannotated byte arrays (the image bytes) must stay bytes.
      utf8: false,
      onComplete: resolve,
    }).catch(reject);
  });
}

function toItem(
  layout: ShardLayout,
  row: Record<string, unknown>,
  rowIndex: number,
  taken: HashedStringSet,
  problems: SourceProblem[],
): DatasetItem | undefined {
  const image = row[layout.imageColumn] as { bytes?: unknown; path?: unknown } | null | undefined;
  // Stored paths often come from Windows machines; reports use '/' separated paths.
  const storedPath = text(image?.path)?.replaceAll("\\", "/");
  const path = storedPath && taken.add(storedPath) ? storedPath : rowPath(layout.shard.name, rowIndex, taken);
  const bytes = image?.bytes;
  if (!(bytes instanceof Uint8Array)) {
    problems.push({ path, message: "no image bytes" });
    return undefined;
  }
  const label = toLabel(row[layout.labelColumn], layout.classNames);
  if ("error" in label) {
    problems.push({ path, message: label.error });
    return undefined;
  }
  return { path, label: label.name, read: async () => bytes };
}

/** `<shard>#<row>`, or `<shard>#<row>~<copy>` when a stored path took it; added to `taken`. */
function rowPath(shard: string, rowIndex: number, taken: HashedStringSet): string {
  let path = `${shard}#${rowIndex}`;
  for (let copy = 2; !taken.add(path); copy++) path = `${shard}#${rowIndex}~${copy}`;
  return path;
}

function toLabel(value: unknown, names: string[] | undefined): { name: string } | { error: string } {
  if (typeof value === "number" || typeof value === "bigint") {
    // ClassLabel stores -1 for "no label" (typically unlabeled test splits).
    if (value === -1 || value === -1n) return { error: "no label (-1)" };
    if (!names) return { name: String(value) };
    const name = names[Number(value)];
    return name === undefined
      ? { error: `label ${value} is not one of the ${names.length} class names` }
      : { name };
  }
  const name = value instanceof Uint8Array ? utf8.decode(value) : value;
  if (typeof name !== "string") return { error: "no label" };
  return name.trim() === "" ? { error: "empty label" } : { name };
}

/** A non-empty string stored as text or as unannotated bytes. */
function text(value: unknown): string | undefined {
  const decoded = value instanceof Uint8Array ? utf8.decode(value) : value;
  return typeof decoded === "string" && decoded !== "" ? decoded : undefined;
}

/** Minimal Blob shape (a browser File qualifies) read lazily, slice by slice. */
export interface BlobLike {
  size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** An AsyncBuffer over a Blob or File, so a browser never loads a whole Parquet file at once. */
export function asyncBufferFromBlob(blob: BlobLike): AsyncBuffer {
  return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}
