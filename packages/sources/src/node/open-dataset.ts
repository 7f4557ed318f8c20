import type { Stats } from "node:fs";
import { opendir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { DatasetError, reasonOf } from "../dataset-error.js";
import type { Dataset, OpenDatasetOptions } from "../types.js";
import { openFolder } from "./folder-source.js";
import { openManifest } from "./manifest-source.js";
import { openParquetFiles } from "./parquet-files.js";

/**
 * Opens a dataset, choosing the source from the location:
 * a folder holding only `.parquet` files (hidden files aside) -> Parquet shards;
 * any other folder -> folder per class; `.csv` -> CSV manifest; `.jsonl`/`.ndjson` -> JSON Lines
 * manifest; `.parquet` -> one Parquet file. Throws DatasetError when the location does not
 * exist, is of no supported kind or holds no images.
 */
export async function openDataset(location: string, options: OpenDatasetOptions = {}): Promise<Dataset> {
  const path = resolve(location);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new DatasetError(location, "not-found", `cannot open (${reasonOf(error)})`);
  }
  if (info.isDirectory()) {
    const shards = await parquetShardsIn(path);
    return shards
      ? openParquetFiles(location, path, shards, options)
      : openFolder(location, path, options.spill);
  }
  const extension = extname(path).toLowerCase();
  if (info.isFile()) {
    if (extension === ".csv") return openManifest(location, path, "csv", options);
    if (extension === ".jsonl" || extension === ".ndjson")
      return openManifest(location, path, "jsonl", options);
    if (extension === ".parquet") return openParquetFiles(location, path, [path], options);
  }
  throw new DatasetError(
    location,
    "unsupported",
    "not a folder, a .csv/.jsonl/.ndjson manifest or a .parquet file",
  );
}

/**
 * The folder's Parquet files when it holds nothing else visible, else undefined. Reading stops at
 * the first other entry, so a folder of images is not listed a second time here.
 */
async function parquetShardsIn(dir: string): Promise<string[] | undefined> {
  const shards: string[] = [];
  try {
    for await (const entry of await opendir(dir)) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory() || !entry.name.toLowerCase().endsWith(".parquet")) return undefined;
      shards.push(join(dir, entry.name));
    }
  } catch {
    return undefined;
  }
  return shards.length > 0 ? shards : undefined;
}
