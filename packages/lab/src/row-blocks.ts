import { PackedStrings } from "@sc/packed-strings";

/** Rows per block (with 8 numbers a row, 256 KB): growing adds a block instead of copying everything. */
export const BLOCK_ROWS = 4096;

/** Integers per row: width, height, the path's id in the packed paths, the label's code (0: none). */
const INTEGERS = 4;
const WIDTH = 0;
const HEIGHT = 1;
const PATH = 2;
const LABEL = 3;

/** What identifies an image in a row besides its numbers. */
export interface RowImage {
  path: string;
  label: string | null;
  width: number;
  height: number;
}

/**
 * Image rows: `stride` numbers per row, and the image's size, path and label, in fixed-size
 * typed-array blocks; paths packed ({@link PackedStrings}), labels as codes into the distinct labels.
 * The storage behind {@link MeasuredTable} and, reused in place once the images are scored,
 * {@link ImageColumns}.
 */
export class RowBlocks {
  readonly #numbers: Float64Array[] = [];
  /**
   * Read from here, width and height are small integers, which image records hold inline; read from a
   * Float64Array each would be a boxed 16-byte number in every record.
   */
  readonly #integers: Uint32Array[] = [];
  readonly #paths = new PackedStrings();
  readonly #labelCodes = new Map<string, number>();
  readonly #labels: string[] = [];

  constructor(readonly stride: number) {}

  /** Rows the blocks can hold. */
  get capacity(): number {
    return this.#numbers.length * BLOCK_ROWS;
  }

  /** Adds blocks until `rows` rows fit. */
  reserve(rows: number): void {
    while (this.capacity < rows) {
      this.#numbers.push(new Float64Array(BLOCK_ROWS * this.stride));
      this.#integers.push(new Uint32Array(BLOCK_ROWS * INTEGERS));
    }
  }

  /** Lets go of the blocks past the one holding row `rows - 1`. */
  truncate(rows: number): void {
    const blocks = Math.ceil(rows / BLOCK_ROWS);
    this.#numbers.length = Math.min(this.#numbers.length, blocks);
    this.#integers.length = Math.min(this.#integers.length, blocks);
  }

  /** The numbers of one row, a view into its block (writes go to the block). */
  numbers(row: number): Float64Array {
    const start = (row % BLOCK_ROWS) * this.stride;
    return this.#block(this.#numbers, row).subarray(start, start + this.stride);
  }

  /** One number of one row, without the view {@link numbers} makes. */
  number(row: number, slot: number): number {
    return this.#block(this.#numbers, row)[(row % BLOCK_ROWS) * this.stride + slot] as number;
  }

  /** Sets the row's image; width and height must fit 32 bits unsigned. */
  setImage(row: number, { path, label, width, height }: RowImage): void {
    const integers = this.#block(this.#integers, row);
    const at = (row % BLOCK_ROWS) * INTEGERS;
    integers[at + WIDTH] = width;
    integers[at + HEIGHT] = height;
    integers[at + PATH] = this.#paths.add(path);
    integers[at + LABEL] = this.#labelCode(label);
  }

  size(row: number): { width: number; height: number } {
    return { width: this.#integer(row, WIDTH), height: this.#integer(row, HEIGHT) };
  }

  path(row: number): string {
    return this.#paths.at(this.#integer(row, PATH));
  }

  label(row: number): string | null {
    const code = this.labelCode(row);
    return code === -1 ? null : (this.#labels[code] as string);
  }

  /** The row's label as an index into {@link labelNames}, -1 for none. */
  labelCode(row: number): number {
    return this.#integer(row, LABEL) - 1;
  }

  /** The distinct labels set so far, in the order first seen. */
  get labelNames(): readonly string[] {
    return this.#labels;
  }

  /** Copies row `from` over row `to`, image included. */
  move(from: number, to: number): void {
    this.numbers(to).set(this.numbers(from));
    const at = (row: number) => (row % BLOCK_ROWS) * INTEGERS;
    const source = this.#block(this.#integers, from);
    this.#block(this.#integers, to).set(source.subarray(at(from), at(from) + INTEGERS), at(to));
  }

  #integer(row: number, slot: number): number {
    return this.#block(this.#integers, row)[(row % BLOCK_ROWS) * INTEGERS + slot] as number;
  }

  #labelCode(label: string | null): number {
    if (label === null) return 0;
    let code = this.#labelCodes.get(label);
    if (code === undefined) {
      code = this.#labels.push(label);
      this.#labelCodes.set(label, code);
    }
    return code;
  }

  #block<T>(blocks: T[], row: number): T {
    const block = blocks[Math.floor(row / BLOCK_ROWS)];
    if (block === undefined) throw new RangeError(`row ${row} is past the blocks`);
    return block;
  }
}
