import type { RawProperties } from "@sc/properties";

/** A readable image: its identity and raw properties. */
export interface MeasuredImage {
  path: string;
  label: string | null;
  raw: RawProperties;
}

/** Numbers stored per image besides its size: storedGray, 7 brightness percentiles, entropy, blurriness, grayStd, grayscaleContent. */
const STRIDE = 12;
/** Rows per block (450 KB): growing adds a block instead of copying everything. */
const BLOCK_ROWS = 4096;

interface Block {
  numbers: Float64Array;
  /**
   * Width and height per row. Read from here they are small integers, which the image records hold
   * inline; read from a Float64Array each would be a boxed 16-byte number in every record.
   */
  sizes: Uint32Array;
}

/** Whether `side` fits a {@link Block.sizes} slot unchanged. */
function isPixelCount(side: number): boolean {
  return Number.isInteger(side) && side >= 0 && side <= 0xffff_ffff;
}

/**
 * Measured images in input order. The raw numbers live in typed-array rows (booleans as 0/1), in
 * fixed-size blocks, instead of an object per image with a nested brightness object: about 120 bytes per
 * image instead of about 1 KB of heap, and no doubled copy while growing, which is what keeps a
 * 100,000-image scan flat. Rows may be set in any order, as measurements finish out of order; rows never
 * set (images that could not be used) are dropped by {@link compact}.
 */
export class MeasuredTable {
  readonly #blocks: Block[] = [];
  #isSet = new Uint8Array(BLOCK_ROWS);
  #paths: string[] = [];
  #labels: (string | null)[] = [];
  #rows = 0;

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
    this.#sizes(index).set([raw.width, raw.height]);
    this.#numbers(index).set([
      Number(raw.storedGray),
      b.p1,
      b.p5,
      b.p10,
      b.p15,
      b.p90,
      b.p95,
      b.p99,
      raw.entropy,
      raw.blurriness,
      raw.grayStd,
      Number(raw.grayscaleContent),
    ]);
    this.#isSet[index] = 1;
    this.#paths[index] = path;
    this.#labels[index] = label;
    this.#rows = Math.max(this.#rows, index + 1);
  }

  /** Removes the rows never set, keeping the others in order. */
  compact(): void {
    let kept = 0;
    for (let row = 0; row < this.#rows; row++) {
      if (this.#isSet[row] === 0) continue;
      if (kept !== row) {
        this.#numbers(kept).set(this.#numbers(row));
        this.#sizes(kept).set(this.#sizes(row));
        this.#isSet[kept] = 1;
        this.#paths[kept] = this.#paths[row] as string;
        this.#labels[kept] = this.#labels[row] ?? null;
      }
      kept++;
    }
    this.#isSet.fill(0, kept, this.#rows);
    this.#blocks.length = Math.ceil(kept / BLOCK_ROWS);
    this.#paths.length = kept;
    this.#labels.length = kept;
    this.#rows = kept;
  }

  /** Path and label columns, compacted first: the image columns take them over before {@link clear}. */
  identity(): { paths: readonly string[]; labels: readonly (string | null)[] } {
    this.compact();
    return { paths: this.#paths, labels: this.#labels };
  }

  /**
   * Empties the table and lets its memory go: `assembleResult` calls this once the images are scored,
   * so the raw numbers are not held next to the scores through the correlation tests.
   */
  clear(): void {
    this.#blocks.length = 0;
    this.#isSet = new Uint8Array(BLOCK_ROWS);
    this.#paths = [];
    this.#labels = [];
    this.#rows = 0;
  }

  /**
   * Reads every row in order (compacted first) and empties the table as it goes: each block of rows is
   * let go once read, so what is built from the rows never has to fit in memory next to all of them.
   */
  drain(visit: (row: number, raw: RawProperties) => void): void {
    this.compact();
    const blocks = this.#blocks as (Block | undefined)[];
    for (let row = 0; row < this.#rows; row++) {
      visit(row, this.raw(row));
      if ((row + 1) % BLOCK_ROWS === 0) {
        blocks[Math.floor(row / BLOCK_ROWS)] = undefined;
        this.#isSet.fill(0, row + 1 - BLOCK_ROWS, row + 1);
      }
    }
    this.clear();
  }

  path(row: number): string {
    return this.#at(this.#paths, row);
  }

  label(row: number): string | null {
    return this.#at(this.#labels, row);
  }

  size(row: number): { width: number; height: number } {
    this.#at(this.#paths, row);
    const sizes = this.#block(row).sizes;
    const at = (row % BLOCK_ROWS) * 2;
    return { width: sizes[at] as number, height: sizes[at + 1] as number };
  }

  /** The row as a new RawProperties object. */
  raw(row: number): RawProperties {
    const { width, height } = this.size(row);
    const n = this.#numbers(row);
    const at = (i: number) => n[i] as number;
    return {
      width,
      height,
      storedGray: at(0) === 1,
      brightness: { p1: at(1), p5: at(2), p10: at(3), p15: at(4), p90: at(5), p95: at(6), p99: at(7) },
      entropy: at(8),
      blurriness: at(9),
      grayStd: at(10),
      grayscaleContent: at(11) === 1,
    };
  }

  #at<T>(column: readonly T[], row: number): T {
    if (!(row >= 0 && row < this.#rows && this.#isSet[row] === 1)) {
      throw new RangeError(`no measured image in row ${row}`);
    }
    return column[row] as T;
  }

  /** The numbers of one row besides its size (a view into its block). */
  #numbers(row: number): Float64Array {
    const start = (row % BLOCK_ROWS) * STRIDE;
    return this.#block(row).numbers.subarray(start, start + STRIDE);
  }

  /** Width and height of one row (a view into its block). */
  #sizes(row: number): Uint32Array {
    const start = (row % BLOCK_ROWS) * 2;
    return this.#block(row).sizes.subarray(start, start + 2);
  }

  #block(row: number): Block {
    return this.#blocks[Math.floor(row / BLOCK_ROWS)] as Block;
  }

  #reserve(rows: number): void {
    while (this.#blocks.length * BLOCK_ROWS < rows) {
      this.#blocks.push({
        numbers: new Float64Array(BLOCK_ROWS * STRIDE),
        sizes: new Uint32Array(BLOCK_ROWS * 2),
      });
    }
    if (rows <= this.#isSet.length) return;
    // One byte per row: doubling this copy costs little.
    const isSet = new Uint8Array(Math.max(rows, this.#isSet.length * 2));
    isSet.set(this.#isSet);
    this.#isSet = isSet;
  }
}
