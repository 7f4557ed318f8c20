import type { SpillFiles } from "@sc/spill";

/** One image of a dataset, in dataset order. */
export interface DatasetItem {
  /** Identifier relative to the dataset root, `/` separated (Parquet: the struct's path or `<shard>#<row>`). */
  path: string;
  /** Class name, or null for an unlabeled folder. */
  label: string | null;
  /** Absolute path on disk when the bytes live in their own file, so workers can read it themselves. */
  file?: string;
  /** The encoded image bytes. */
  read(): Promise<Uint8Array>;
}

/** Something in the source that could not be used; `path` names the entry, `message` the reason. */
export interface SourceProblem {
  path: string;
  message: string;
}

export type DatasetKind = "folder" | "manifest" | "parquet";

export interface Dataset {
  kind: DatasetKind;
  /** Folder the item paths are relative to (for Parquet: the file or the folder of shards). */
  root: string;
  /** Items in a stable, documented order. Each call starts a fresh enumeration. */
  items(): AsyncIterable<DatasetItem>;
  /** Filled while items are enumerated (folder and manifest: complete once `openDataset` returns). */
  problems: SourceProblem[];
  /** Files that are neither images nor manifests/shards and were skipped (hidden files included). */
  ignoredFiles: number;
  /** How many items `items()` yields at most (Parquet: rows, some of which may turn out unusable). */
  size: number;
  /** Known class names (Parquet ClassLabel names, class folders holding images), else null. */
  classes: string[] | null;
}

export interface OpenDatasetOptions {
  /** Manifest column holding the image path (default `path`, CSV also tries common names). */
  pathColumn?: string;
  /** Manifest or Parquet column holding the label (default `label`). */
  labelColumn?: string;
  /** Parquet struct column `{bytes, path}` holding the image (default: `image`, else the first such struct). */
  imageColumn?: string;
  /**
   * Where a folder's or manifest's listing keeps its paths beyond the first 4096 (e.g.
   * `tempSpillFiles()` from `@sc/spill/node`), so a listing of millions costs no memory. Default:
   * in memory, about 4 bytes plus the characters per path.
   */
  spill?: SpillFiles;
}
