import type { ScoreInputs } from "@sc/properties";
import { BLOCK_ROWS, RowBlocks, type RowBlocksOptions } from "./row-blocks.js";

/** A readable image: its identity and what its scores need of its raw properties. */
export interface MeasuredImage {
  path: string;
  label: string | null;
  raw: ScoreInputs;
}

/**
 * Numbers stored per image besides its size: the two booleans as bits, the p5 and p99 brightness
 * percentiles, entropy, blurriness, grayStd; and two spare, as the scores that replace them in place
 * take eight (see ImageColumns).
 */
const STRIDE = 8;
const STORED_GRAY = 1;
const GRAYSCALE_CONTENT = 2;

/** Whether `side` fits a {@link RowBlocks} size slot unchanged. */
function isPixelCount(side: number): boolean {
  return Number.isInteger(side) && side >= 0 && side <= 0xffff_ffff;
}

/** Rows that {@link MeasuredTable.rewrite} overwrote in place, with their images' size, path and label. */
export interface RewrittenRows {
  rows: RowBlocks;
  length: number;
}

/**
 * Measured images in input order. What scoring reads of the raw properties ({@link ScoreInputs}; the
 * other brightness percentiles are not kept) lives in typed-array rows (booleans as bits), in
 * fixed-size blocks, instead of an object per image with a nested brightness object: 96 bytes per
 * image with its size and label code, besides its packed path, instead of about 1 KB of heap, and no doubled copy while growing, which is
 * what keeps a 100,000-image scan flat. Rows may be set in any order, as measurements finish out of order; rows never
 * set (images that could not be used) are dropped by {@link compact}.
 */
export class MeasuredTable {
  readonly #options: RowBlocksOptions;
  #blocks: RowBlocks;
  #isSet = new Uint8Array(BLOCK_ROWS);
  #rows = 0;

  /** `options.spill`: where rows go beyond the few in use (see {@link RowBlocksOptions}). */
  constructor(options: RowBlocksOptions = {}) {
    this.#options = options;
    this.#blocks = new RowBlocks(STRIDE, options);
  }

  static from(images: readonly MeasuredImage[]): MeasuredTable {
    const table = new MeasuredTable();
    images.forEach((image, index) => {
      table.set(index, image);
    });
    return table;
  }

  /** Rows up to the highest one set, gaps included until {@link compact}. */
  get length(): number {
    return this.#rows;
  }

  set(index: number, { path, label, raw }: MeasuredImage): void {
    if (!(isPixelCount(raw.width) && isPixelCount(raw.height))) {
      throw new RangeError(`${path}: image size ${raw.width}x${raw.height} is not in whole pixels`);
    }
    this.#reserve(index + 1);
    const b = raw.brightness;
    this.#blocks.setImage(index, { path, label, width: raw.width, height: raw.height });
    this.#blocks
      .numbers(index)
      .set([
        (raw.storedGray ? STORED_GRAY : 0) | (raw.grayscaleContent ? GRAYSCALE_CONTENT : 0),
        b.p5,
        b.p99,
        raw.entropy,
        raw.blurriness,
        raw.grayStd,
      ]);
    this.#isSet[index] = 1;
    this.#rows = Math.max(this.#rows, index + 1);
  }

  /** Removes the rows never set, keeping the others in order. */
  compact(): void {
    let kept = 0;
    for (let row = 0; row < this.#rows; row++) {
      if (this.#isSet[row] === 0) continue;
      if (kept !== row) {
        this.#blocks.move(row, kept);
        this.#isSet[kept] = 1;
      }
      kept++;
    }
    this.#isSet.fill(0, kept, this.#rows);
    this.#blocks.truncate(kept);
    this.#rows = kept;
  }

  /**
   * Empties the table and lets its memory go (its rows, unless {@link rewrite} gave them away).
   */
  clear(): void {
    this.#blocks = new RowBlocks(STRIDE, this.#options);
    this.#isSet = new Uint8Array(BLOCK_ROWS);
    this.#rows = 0;
  }

  /**
   * Hands every row, in order and compacted first, to `write` with its raw properties and its own
   * STRIDE numbers to overwrite, then gives the rows away and empties the table: what is built from
   * the rows reuses their memory instead of needing as much again beside them.
   */
  rewrite(write: (raw: ScoreInputs, numbers: Float64Array) => void): RewrittenRows {
    this.compact();
    for (let row = 0; row < this.#rows; row++) write(this.raw(row), this.#blocks.numbers(row));
    const rewritten = { rows: this.#blocks, length: this.#rows };
    this.clear();
    return rewritten;
  }

  path(row: number): string {
    return this.#blocks.path(this.#checked(row));
  }

  label(row: number): string | null {
    return this.#blocks.label(this.#checked(row));
  }

  size(row: number): { width: number; height: number } {
    return this.#blocks.size(this.#checked(row));
  }

  /** The row's scoring inputs, as a new object. */
  raw(row: number): ScoreInputs {
    const { width, height } = this.size(row);
    const at = (slot: number) => this.#blocks.number(row, slot);
    return {
      width,
      height,
      storedGray: (at(0) & STORED_GRAY) !== 0,
      brightness: { p5: at(1), p99: at(2) },
      entropy: at(3),
      blurriness: at(4),
      grayStd: at(5),
      grayscaleContent: (at(0) & GRAYSCALE_CONTENT) !== 0,
    };
  }

  #checked(row: number): number {
    if (!(row >= 0 && row < this.#rows && this.#isSet[row] === 1)) {
      throw new RangeError(`no measured image in row ${row}`);
    }
    return row;
  }

  #reserve(rows: number): void {
    this.#blocks.reserve(rows);
    if (rows <= this.#isSet.length) return;
    // One byte per row: doubling this copy costs little.
    const isSet = new Uint8Array(Math.max(rows, this.#isSet.length * 2));
    isSet.set(this.#isSet);
    this.#isSet = isSet;
  }
}
