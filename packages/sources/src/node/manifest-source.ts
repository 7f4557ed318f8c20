import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DatasetError, reasonOf } from "../dataset-error.js";
import { Int32List } from "../int32-list.js";
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
import { RepeatedPaths } from "./repeated-paths.js";

/** How many files are checked for existence at once. */
const STAT_BATCH = 64;

/**
 * A CSV or JSON Lines manifest listing image paths (relative to the manifest's folder) and
 * labels. The manifest is streamed and its rows kept packed (`FileList`, on disk with `spill`), with
 * 4 bytes a row for the line number; repeated paths are found by sorting them in spilled runs. Items
 * come in manifest order; rejected rows are problems naming the line.
 */
export async function openManifest(
  location: string,
  manifest: string,
  format: ManifestFormat,
  options: ManifestColumnOptions & Pick<OpenDatasetOptions, "spill">,
): Promise<Dataset> {
  const root = dirname(manifest);
  const checker = new ManifestRowChecker(basename(manifest));
  const files = new FileList(root, options.spill);
  const lines = new Int32List();
  const paths = new RepeatedPaths(options.spill);
  await readEntries(location, manifest, manifestReader(format, location, checker, options), (entry) => {
    paths.add(entry.path, files.listed);
    lines.push(entry.line);
    files.add(entry.path, entry.label);
  });
  // Manifest labels are never null.
  const entry = (path: string, index: number) => ({
    path,
    line: lines.at(index),
    label: files.label(index) as string,
  });
  for (const { path, index, first } of paths.repeats()) {
    checker.rejectDuplicate(entry(path, index), entry(path, first));
    files.exclude(index);
  }
  await excludeMissingFiles(files, (index, problem) =>
    checker.reject(files.path(index), lines.at(index), problem),
  );
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
  each: (entry: ManifestEntry) => void,
): Promise<void> {
  const chunks = createReadStream(manifest, { encoding: "utf8" })[Symbol.asyncIterator]();
  let done = false;
  // Reading and parsing fail as "cannot read"; keeping a row (a spill file) fails as what it is.
  const parse = async (): Promise<ManifestEntry[]> => {
    try {
      const next = await chunks.next();
      done = next.done === true;
      return done ? reader.end() : reader.push(next.value as string);
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      throw new DatasetError(location, "malformed", `cannot read the manifest (${reasonOf(error)})`);
    }
  };
  while (!done) (await parse()).forEach(each);
}

/** Checks the files not yet excluded, in order, {@link STAT_BATCH} at once; excludes and reports the unusable. */
async function excludeMissingFiles(
  files: FileList,
  report: (index: number, problem: string) => void,
): Promise<void> {
  const batch: number[] = [];
  const check = async () => {
    const found = await Promise.all(batch.map((index) => fileProblem(files.root, files.path(index))));
    batch.forEach((index, i) => {
      const problem = found[i];
      if (problem === undefined) return;
      report(index, problem);
      files.exclude(index);
    });
    batch.length = 0;
  };
  for (let index = 0; index < files.listed; index++) {
    if (files.excluded(index)) continue;
    batch.push(index);
    if (batch.length === STAT_BATCH) await check();
  }
  await check();
}

async function fileProblem(root: string, path: string): Promise<string | undefined> {
  try {
    const info = await stat(join(root, ...path.split("/")));
    return info.isFile() ? undefined : "not a file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR"
      ? "file not found"
      : `cannot read file (${reasonOf(error)})`;
  }
}
