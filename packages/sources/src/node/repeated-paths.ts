import type { SpillFiles } from "@sc/spill";
import { SortedNames } from "./sorted-names.js";

/** Base-36 digits of a row index in a key: indices below 2.8 * 10^12. */
const INDEX_DIGITS = 8;

/**
 * Finds the rows that repeat an earlier row's path without holding a set of every path: each path goes
 * into a `SortedNames` (sorted in runs, spilled when given) as "path NUL index", the index at a fixed
 * width so that one path's keys sort by index, and NUL, which no dataset path holds, before every
 * character that may follow a shorter path, so that one path's keys are next to each other.
 */
export class RepeatedPaths {
  readonly #keys: SortedNames;

  constructor(spill?: SpillFiles) {
    this.#keys = new SortedNames(spill);
  }

  add(path: string, index: number): void {
    this.#keys.add(`${path}\0${index.toString(36).padStart(INDEX_DIGITS, "0")}`);
  }

  /** Every row whose path a row of a lower index has, with the lowest such index; in path order. */
  *repeats(): Generator<{ path: string; index: number; first: number }> {
    let path: string | undefined;
    let first = -1;
    for (const key of this.#keys.sorted()) {
      const end = key.length - INDEX_DIGITS - 1;
      const index = Number.parseInt(key.slice(end + 1), 36);
      const keyPath = key.slice(0, end);
      if (keyPath === path) {
        yield { path, index, first };
      } else {
        path = keyPath;
        first = index;
      }
    }
  }
}
