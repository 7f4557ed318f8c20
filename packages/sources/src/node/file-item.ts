import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareCodeUnits } from "../code-unit-order.js";
import type { DatasetItem } from "../types.js";

/** An item whose bytes are in their own file below `root`. */
export function fileItem(root: string, path: string, label: string | null): DatasetItem {
  const file = join(root, ...path.split("/"));
  return { path, label, file, read: () => readFile(file) };
}

/** Sorted distinct labels of the items. */
export function distinctLabels(items: readonly DatasetItem[]): string[] {
  const labels = new Set<string>();
  for (const item of items) if (item.label !== null) labels.add(item.label);
  return [...labels].sort(compareCodeUnits);
}

/** An async view of items known upfront. */
export async function* iterate(items: readonly DatasetItem[]): AsyncGenerator<DatasetItem> {
  yield* items;
}
