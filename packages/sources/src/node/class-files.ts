import { join, sep } from "node:path";
import { PackedStrings } from "@sc/packed-strings";
import type { SpillFiles } from "@sc/spill";
import type { DatasetItem } from "../types.js";
import { fileItem } from "./file-item.js";

/**
 * The images of a folder dataset, one group per class folder (or one unlabeled group). A file is
 * kept only as its path below its class folder, packed: its characters and 4 bytes, where a string per
 * name costs about 40 bytes and a joined `class/name` path with a label slot about 130. Item paths
 * are joined as items are enumerated.
 */
export class ClassFiles {
  readonly #groups: { label: string | null; first: number; count: number }[] = [];
  readonly #paths: PackedStrings;

  /** `spill`: where full chunks of paths go (see {@link PackedStrings}). */
  constructor(
    readonly root: string,
    spill?: SpillFiles,
  ) {
    this.#paths = new PackedStrings({ spill });
  }

  /** Adds a class (`null`: the unlabeled root) with the paths below its folder, in item order. */
  add(label: string | null, paths: Iterable<string>): void {
    const first = this.#paths.length;
    for (const path of paths) this.#paths.add(path);
    this.#groups.push({ label, first, count: this.#paths.length - first });
  }

  get size(): number {
    return this.#paths.length;
  }

  async *items(): AsyncGenerator<DatasetItem> {
    for (const { label, first, count } of this.#groups) {
      const folder = label === null ? this.root : join(this.root, label);
      // The paths are names joined by "/" with no "." or ".." (hidden names are never listed), so
      // concatenating gives what path.join would, without the normalizing that was most of the time
      // an item took.
      const prefix = folder.endsWith(sep) ? folder : folder + sep;
      for (let id = first; id < first + count; id++) {
        const path = this.#paths.at(id);
        const file = prefix + (sep === "/" ? path : path.replaceAll("/", sep));
        yield fileItem(label === null ? path : `${label}/${path}`, label, file);
      }
    }
  }
}
