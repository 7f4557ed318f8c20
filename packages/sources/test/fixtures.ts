import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import type { Dataset, DatasetItem } from "../src/index.js";

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sc-sources-"));
  created.push(dir);
  return dir;
}

/** Writes files (relative path -> content) below root, creating folders; content defaults to the path. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Every item of a dataset, in order. */
export async function collect(dataset: Dataset): Promise<DatasetItem[]> {
  const items: DatasetItem[] = [];
  for await (const item of dataset.items()) items.push(item);
  return items;
}

/** [path, label] pairs, the shape most assertions compare. */
export async function pathsAndLabels(dataset: Dataset): Promise<[string, string | null][]> {
  return (await collect(dataset)).map((item) => [item.path, item.label]);
}
