import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DatasetError, reasonOf } from "../dataset-error.js";
import {
  type ManifestColumnOptions,
  type ManifestEntry,
  type ManifestFormat,
  type ManifestReader,
  ManifestRowChecker,
  manifestReader,
} from "../manifest-rows.js";
import type { Dataset, OpenDatasetOptions } from "../types.js";
import { FileList } from "./file-item.js";

/** How many files are checked for existence at once. */
const STAT_BATCH = 64;

/**
 * A CSV or JSON Lines manifest listing image paths (relative to the manifest's folder) and
 * labels. The manifest is streamed, so its size is bounded only by the accepted rows kept.
 * Items come in manifest order; rejected rows are problems naming the line.
 */
export async function openManifest(
  location: string,
  manifest: string,
  format: ManifestFormat,
  options: ManifestColumnOptions & Pick<OpenDatasetOptions, "spill">,
): Promise<Dataset> {
  const root = dirname(manifest);
  const checker = new ManifestRowChecker(basename(manifest));
  const entries = await readEntries(location, manifest, manifestReader(format, location, checker, options));
  const files = new FileList(root, options.spill);
  for (let start = 0; start < entries.length; start += STAT_BATCH) {
    const batch = entries.slice(start, start + STAT_BATCH);
    const found = await Promise.all(batch.map((entry) => fileProblem(root, entry)));
    batch.forEach((entry, index) => {
      const problem = found[index];
      if (problem === undefined) files.add(entry.path, entry.label);
      else checker.reject(entry.path, entry.line, problem);
    });
  }
  const problems = checker.problems();
  if (files.size === 0) {
    const detail = problems[0] ? `; first: ${problems[0].message}` : "";
    throw new DatasetError(
      location,
      "empty",
      `lists no usable images (${problems.length} problems${detail})`,
    );
  }
  return {
    kind: "manifest",
    root,
    items: () => files.items(),
    size: files.size,
    problems,
    ignoredFiles: 0,
    classes: files.distinctLabels(),
  };
}

async function readEntries(
  location: string,
  manifest: string,
  reader: ManifestReader,
): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  try {
    for await (const chunk of createReadStream(manifest, { encoding: "utf8" })) {
      entries.push(...reader.push(chunk as string));
    }
    entries.push(...reader.end());
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(location, "malformed", `cannot read the manifest (${reasonOf(error)})`);
  }
  return entries;
}

async function fileProblem(root: string, entry: ManifestEntry): Promise<string | undefined> {
  try {
    const info = await stat(join(root, ...entry.path.split("/")));
    return info.isFile() ? undefined : "not a file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR"
      ? "file not found"
      : `cannot read file (${reasonOf(error)})`;
  }
}
