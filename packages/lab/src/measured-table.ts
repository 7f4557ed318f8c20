import type { RawProperties } from "@sc/properties";

/** A readable image: its identity and raw properties. */
export interface MeasuredImage {
  path: string;
  label: string | null;
  raw: RawProperties;
}

/** Numbers stored per image: width, height, storedGray, 7 brightness percentiles, entropy, blurriness, grayStd, grayscaleContent. */
const STRIDE = 14;
/** Rows per block of numbers (460 KB): growing adds a block instead of copying everything. */
const BLOCK_ROWS = 4096;

/**
 * Measured images in input order. The raw numbers live in one Float64Array row per image (booleans as
 * 0/1), in fixed-size blocks, instead of an object per image with a nested brightness object: about
 * 120 bytes per image instead of about 1 KB of heap, and no doubled copy while growing, which is what
 * keeps a 100,000-image scan flat. Rows may be set in any order, as measurements finish out of order;
 * rows never set (images that could not be used) are dropped by {@link compact}.
 */
export class MeasuredTable {
  readonly #blocks: Float64Array[] = [];
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
    this.#reserve(index + 1);
    const b = raw.brightness;
    this.#row(index).set([
      raw.width,
      raw.height,
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
        this.#row(kept).set(this.#row(row));
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

  path(row: number): string {
    return this.#at(this.#paths, row);
  }

  label(row: number): string | null {
    return this.#at(this.#labels, row);
  }

  size(row: number): { width: number; height: number } {
    this.#at(this.#paths, row);
    const n = this.#row(row);
    return { width: n[0] as number, height: n[1] as number };
  }

  /** The row as a new RawProperties object. */
  raw(row: number): RawProperties {
    this.#at(this.#paths, row);
    const n = this.#row(row);
    const at = (i: number) => n[i] as number;
    return {
      width: at(0),
      height: at(1),
      storedGray: at(2) === 1,
      brightness: { p1: at(3), p5: at(4), p10: at(5), p15: at(6), p90: at(7), p95: at(8), p99: at(9) },
      entropy: at(10),
      blurriness: at(11),
      grayStd: at(12),
      grayscaleContent: at(13) === 1,
    };
  }

  #at<T>(column: readonly T[], row: number): T {
    if (!(row >= 0 && row < this.#rows && this.#isSet[row] === 1)) {
      throw new RangeError(`no measured image in row ${row}`);
    }
    return column[row] as T;
  }

  /** The numbers of one row (a view into its block). */
  #row(row: number): Float64Array {
    const start = (row % BLOCK_ROWS) * STRIDE;
    return (this.#blocks[Math.floor(row / BLOCK_ROWS)] as Float64Array).subarray(start, start + STRIDE);
  }

  #reserve(rows: number): void {
    while (this.#blocks.length * BLOCK_ROWS < rows) this.#blocks.push(new Float64Array(BLOCK_ROWS * STRIDE));
    if (rows <= this.#isSet.length) return;
    // One byte per row: doubling this copy costs little.
    const isSet = new Uint8Array(Math.max(rows, this.#isSet.length * 2));
    isSet.set(this.#isSet);
    this.#isSet = isSet;
  }
}
