/** Rows per block (with 12 numbers a row, 400 KB): growing adds a block instead of copying everything. */
export const BLOCK_ROWS = 4096;

/**
 * Rows of `stride` numbers and a width and height each, in fixed-size typed-array blocks: the storage
 * behind {@link MeasuredTable} and, reused in place once the images are scored, {@link ImageColumns}.
 */
export class RowBlocks {
  readonly #numbers: Float64Array[] = [];
  /**
   * Width and height per row. Read from here they are small integers, which image records hold inline;
   * read from a Float64Array each would be a boxed 16-byte number in every record.
   */
  readonly #sizes: Uint32Array[] = [];

  constructor(readonly stride: number) {}

  /** Rows the blocks can hold. */
  get capacity(): number {
    return this.#numbers.length * BLOCK_ROWS;
  }

  /** Adds blocks until `rows` rows fit. */
  reserve(rows: number): void {
    while (this.capacity < rows) {
      this.#numbers.push(new Float64Array(BLOCK_ROWS * this.stride));
      this.#sizes.push(new Uint32Array(BLOCK_ROWS * 2));
    }
  }

  /** Lets go of the blocks past the one holding row `rows - 1`. */
  truncate(rows: number): void {
    const blocks = Math.ceil(rows / BLOCK_ROWS);
    this.#numbers.length = Math.min(this.#numbers.length, blocks);
    this.#sizes.length = Math.min(this.#sizes.length, blocks);
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

  size(row: number): { width: number; height: number } {
    const sizes = this.#block(this.#sizes, row);
    const at = (row % BLOCK_ROWS) * 2;
    return { width: sizes[at] as number, height: sizes[at + 1] as number };
  }

  setSize(row: number, width: number, height: number): void {
    const sizes = this.#block(this.#sizes, row);
    const at = (row % BLOCK_ROWS) * 2;
    sizes[at] = width;
    sizes[at + 1] = height;
  }

  /** Copies row `from` over row `to`, size included. */
  move(from: number, to: number): void {
    this.numbers(to).set(this.numbers(from));
    const { width, height } = this.size(from);
    this.setSize(to, width, height);
  }

  #block<T>(blocks: T[], row: number): T {
    const block = blocks[Math.floor(row / BLOCK_ROWS)];
    if (block === undefined) throw new RangeError(`row ${row} is past the blocks`);
    return block;
  }
}
