import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PackedStrings } from "@sc/packed-strings";
import type { SpillFiles } from "@sc/spill";
import { compareCodeUnits } from "../code-unit-order.js";
import type { DatasetItem } from "../types.js";

/** An item whose bytes are in their own file, `file` (absolute). */
export function fileItem(path: string, label: string | null, file: string): DatasetItem {
  return { path, label, file, read: () => readFile(file) };
}

/**
 * Image files below one root in any order with any labels (a manifest's rows), listed upfront but
 * kept as packed paths and one label string per distinct label: about 30 bytes per file instead of
 * about 500 for an item object with its absolute path and reader, which is most of what a
 * 100,000-row manifest would otherwise hold while it is scanned. Items are built as they are enumerated.
 */
export class FileList {
  readonly #paths: PackedStrings;
  readonly #labels: (string | null)[] = [];
  /** Every row parses its own label string; rows share one per distinct label. */
  readonly #distinct = new Map<string, string>();

  /** `spill`: where full chunks of paths go (see {@link PackedStrings}). */
  constructor(
    readonly root: string,
    spill?: SpillFiles,
  ) {
    this.#paths = new PackedStrings({ spill });
  }

  add(path: string, label: string | null): void {
    this.#paths.add(path);
    if (label === null) {
      this.#labels.push(null);
      return;
    }
    const shared = this.#distinct.get(label) ?? label;
    this.#distinct.set(shared, shared);
    this.#labels.push(shared);
  }

  get size(): number {
    return this.#paths.length;
  }

  async *items(): AsyncGenerator<DatasetItem> {
    for (let i = 0; i < this.#paths.length; i++) {
      const path = this.#paths.at(i);
      yield fileItem(path, this.#labels[i] ?? null, join(this.root, ...path.split("/")));
    }
  }

  /** Sorted distinct labels. */
  distinctLabels(): string[] {
    return [...this.#distinct.keys()].sort(compareCodeUnits);
  }
}
