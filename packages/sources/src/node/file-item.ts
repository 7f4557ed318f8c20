import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PackedStrings } from "@sc/packed-strings";
import type { SpillFiles } from "@sc/spill";
import { compareCodeUnits } from "../code-unit-order.js";
import { Int32List } from "../int32-list.js";
import type { DatasetItem } from "../types.js";

/** An item whose bytes are in their own file, `file` (absolute). */
export function fileItem(path: string, label: string | null, file: string): DatasetItem {
  return { path, label, file, read: () => readFile(file) };
}

/**
 * Image files below one root in any order with any labels (a manifest's rows), listed upfront but
 * kept as packed paths and label codes: about 4 bytes per file besides its path's characters (on disk
 * with `spill`), instead of about 500 for an item object with its absolute path and reader. Files
 * found unusable once all are listed (repeated, missing) are excluded. Items are built as they are
 * enumerated.
 */
export class FileList {
  readonly #paths: PackedStrings;
  /** Index into #labelNames, or -1 for no label. */
  readonly #labels = new Int32List();
  readonly #labelNames: string[] = [];
  readonly #codes = new Map<string, number>();
  /** One byte per file once any is excluded: 1 = excluded. */
  #excluded: Uint8Array | undefined;
  #excludedCount = 0;

  /** `spill`: where full chunks of paths go (see {@link PackedStrings}). */
  constructor(
    readonly root: string,
    spill?: SpillFiles,
  ) {
    this.#paths = new PackedStrings({ spill });
  }

  /** Lists a file; its index is the number listed before it. */
  add(path: string, label: string | null): void {
    if (this.#excluded) throw new Error("FileList: no file can be added after one was excluded");
    this.#paths.add(path);
    this.#labels.push(label === null ? -1 : this.#code(label));
  }

  /** Files listed, excluded ones included: the bound of the indices. */
  get listed(): number {
    return this.#paths.length;
  }

  /** Files listed and not excluded. */
  get size(): number {
    return this.#paths.length - this.#excludedCount;
  }

  path(index: number): string {
    return this.#paths.at(index);
  }

  label(index: number): string | null {
    return this.#labelNames[this.#labels.at(index)] ?? null;
  }

  excluded(index: number): boolean {
    return this.#excluded?.[index] === 1;
  }

  exclude(index: number): void {
    this.#excluded ??= new Uint8Array(this.#paths.length);
    if (this.#excluded[index] === 1) return;
    this.#excluded[index] = 1;
    this.#excludedCount++;
  }

  async *items(): AsyncGenerator<DatasetItem> {
    for (let i = 0; i < this.#paths.length; i++) {
      if (this.excluded(i)) continue;
      const path = this.#paths.at(i);
      yield fileItem(path, this.label(i), join(this.root, ...path.split("/")));
    }
  }

  /** Sorted distinct labels of the files not excluded. */
  distinctLabels(): string[] {
    const used = new Uint8Array(this.#labelNames.length);
    for (let i = 0; i < this.#labels.length; i++) {
      const code = this.#labels.at(i);
      if (code >= 0 && !this.excluded(i)) used[code] = 1;
    }
    return this.#labelNames.filter((_, code) => used[code] === 1).sort(compareCodeUnits);
  }

  #code(label: string): number {
    let code = this.#codes.get(label);
    if (code === undefined) {
      code = this.#labelNames.push(label) - 1;
      this.#codes.set(label, code);
    }
    return code;
  }
}
