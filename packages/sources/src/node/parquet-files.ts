import { basename } from "node:path";
import { asyncBufferFromFile } from "hyparquet";
import { DatasetError, reasonOf } from "../dataset-error.js";
import { openParquetShards, type ParquetColumnOptions } from "../parquet-dataset.js";
import type { Dataset } from "../types.js";

/** Parquet files on disk, read slice by slice (never loaded whole). */
export async function openParquetFiles(
  location: string,
  root: string,
  files: readonly string[],
  options: ParquetColumnOptions,
): Promise<Dataset> {
  const shards = await Promise.all(
    files.map(async (file) => {
      try {
        return { name: basename(file), file: await asyncBufferFromFile(file) };
      } catch (error) {
        throw new DatasetError(location, "not-found", `cannot open ${basename(file)} (${reasonOf(error)})`);
      }
    }),
  );
  try {
    return await openParquetShards(root, shards, options);
  } catch (error) {
    // Name the location as the caller wrote it, like the other sources.
    if (error instanceof DatasetError) throw new DatasetError(location, error.code, error.reason);
    throw error;
  }
}
