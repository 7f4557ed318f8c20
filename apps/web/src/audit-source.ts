import { type AuditResult, audit, type LabItem, type Measure } from "@sc/lab";
import type { FileError } from "@sc/report";
import { asyncBufferFromBlob, openParquetShards } from "@sc/sources/browser";
import type { FolderDataset } from "./folder-dataset.js";

/** What the user opened, ready to audit: a folder per class or Hugging Face Parquet shards. */
export interface AuditSource {
  kind: "folder" | "parquet";
  /** Shown as the dataset's source. */
  root: string;
  /** A fresh enumeration each call (thumbnails read the items again). */
  items(): AsyncIterable<LabItem> | Iterable<LabItem>;
  /** Known before decoding (folders), else null. */
  total: number | null;
  /** Filled before or while items are enumerated. */
  problems: FileError[];
  ignoredFiles: number;
}

export const TOOL = { name: "sc-web", version: "0.0.0" } as const;
export const DECODER = "browser (createImageBitmap)";

export function folderSource(folder: FolderDataset): AuditSource {
  return {
    kind: "folder",
    root: folder.root || "dropped files",
    items: () => folder.items,
    total: folder.items.length,
    problems: folder.problems,
    ignoredFiles: folder.ignoredFiles,
  };
}

/** Parquet files read slice by slice from the picked files (nothing is loaded whole). */
export async function parquetSource(files: readonly File[]): Promise<AuditSource> {
  const shards = files.map((file) => ({ name: file.name, file: asyncBufferFromBlob(file) }));
  const root = files.length === 1 ? (files[0]?.name ?? "") : `${files.length} Parquet files`;
  const dataset = await openParquetShards(root, shards);
  return {
    kind: "parquet",
    root,
    items: () => dataset.items(),
    total: null,
    problems: dataset.problems,
    ignoredFiles: dataset.ignoredFiles,
  };
}

export interface RunOptions {
  measure: Measure;
  /** Images in flight: enough to keep every worker busy while the next file is read. */
  concurrency: number;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** The whole audit through `@sc/lab`, described the way the CLI describes its datasets. */
export function auditSource(source: AuditSource, options: RunOptions): Promise<AuditResult> {
  return audit(source.items(), {
    ...options,
    dataset: { source: source.root, kind: source.kind, ignoredFiles: source.ignoredFiles, decoder: DECODER },
    sourceErrors: source.problems,
    tool: TOOL,
  });
}
