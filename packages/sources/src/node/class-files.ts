import { join, sep } from "node:path";
import type { DatasetItem } from "../types.js";
import { fileItem } from "./file-item.js";

/**
 * The images of a folder dataset, one group per class folder (or one unlabeled group). A file is
 * kept only as its path below its class folder, which for a file directly in that folder is the name
 * string the listing returned: about 40 bytes per file, where a joined `class/name` path and a label
 * slot per file cost about 130. Item paths are joined as items are enumerated.
 */
export class ClassFiles {
  readonly #groups: { label: string | null; paths: readonly string[] }[] = [];
  #size = 0;

  constructor(readonly root: string) {}

  /** Adds a class (`null`: the unlabeled root) with the paths below its folder, in item order. */
  add(label: string | null, paths: readonly string[]): void {
    this.#groups.push({ label, paths });
    this.#size += paths.length;
  }

  get size(): number {
    return this.#size;
  }

  async *items(): AsyncGenerator<DatasetItem> {
    for (const { label, paths } of this.#groups) {
      const folder = label === null ? this.root : join(this.root, label);
      // The paths are names joined by "/" with no "." or ".." (hidden names are never listed), so
      // concatenating gives what path.join would, without the normalizing that was most of the time
      // an item took.
      const prefix = folder.endsWith(sep) ? folder : folder + sep;
      for (const path of paths) {
        const file = prefix + (sep === "/" ? path : path.replaceAll("/", sep));
        yield fileItem(label === null ? path : `${label}/${path}`, label, file);
      }
    }
  }
}
