import { PackedStrings } from "@sc/packed-strings";
import type { SpillFile, SpillFiles } from "@sc/spill";

/** Rows per block (with 8 numbers a row, 320 KB with the integers): growing adds a block instead of copying everything. */
export const BLOCK_ROWS = 4096;

/**
 * Blocks kept in memory when spilling (2.5 MB at 8 numbers a row): rows are set, moved and read in
 * nearly increasing order, so a few blocks around the current row serve every access.
 */
const RESIDENT_BLOCKS = 8;

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

export interface RowBlocksOptions {
  /**
   * Where blocks and paths go when more than a few blocks exist (e.g. `tempSpillFiles()` from
   * `@sc/spill/node`), so memory stays flat at any number of rows. Default: all in memory.
   */
  spill?: SpillFiles;
}

/** One block's rows: numbers then integers, in one buffer so a block is one read or write. */
interface Block {
  bytes: Uint8Array;
  numbers: Float64Array;
  integers: Uint32Array;
  /** Changed since read from the spill file (or never written there). */
  dirty: boolean;
}

/**
 * Image rows: `stride` numbers per row, and the image's size, path and label, in fixed-size
 * typed-array blocks; paths packed ({@link PackedStrings}), labels as codes into the distinct labels.
 * The storage behind {@link MeasuredTable} and, reused in place once the images are scored,
 * {@link ImageColumns}. Width and height are read from integers, which image records hold inline; read
 * from a Float64Array each would be a boxed 16-byte number in every record.
 *
 * With spill files, only the {@link RESIDENT_BLOCKS} blocks used last stay in memory; the others are
 * written to the file when pushed out (if changed) and read back when needed.
 */
export class RowBlocks {
  /** By block index; `undefined`: in the spill file, or never used (all zeros). */
  readonly #blocks: (Block | undefined)[] = [];
  /** Indices of the blocks in memory, least recently used first; kept only when spilling. */
  readonly #resident: number[] = [];
  /** Whether a block's rows were ever written to the spill file. */
  readonly #onFile: boolean[] = [];
  readonly #spill: SpillFiles | undefined;
  #file: SpillFile | undefined;
  readonly #paths: PackedStrings;
  readonly #labelCodes = new Map<string, number>();
  readonly #labels: string[] = [];

  constructor(
    readonly stride: number,
    options: RowBlocksOptions = {},
  ) {
    this.#spill = options.spill;
    this.#paths = new PackedStrings({ spill: options.spill });
  }

  /** Rows the blocks can hold. */
  get capacity(): number {
    return this.#blocks.length * BLOCK_ROWS;
  }

  /** Adds blocks until `rows` rows fit; a block takes memory when first used. */
  reserve(rows: number): void {
    while (this.capacity < rows) {
      this.#blocks.push(undefined);
      this.#onFile.push(false);
    }
  }

  /** Lets go of the blocks past the one holding row `rows - 1`. */
  truncate(rows: number): void {
    const blocks = Math.min(this.#blocks.length, Math.ceil(rows / BLOCK_ROWS));
    this.#blocks.length = blocks;
    this.#onFile.length = blocks;
    const kept = this.#resident.filter((index) => index < blocks);
    this.#resident.splice(0, this.#resident.length, ...kept);
  }

  /**
   * The numbers of one row, a view into its block (writes go to the block). When spilling, the view
   * is valid until rows of {@link RESIDENT_BLOCKS} other blocks have been used.
   */
  numbers(row: number): Float64Array {
    const block = this.#block(row);
    block.dirty = true;
    return this.#numbersOf(block, row);
  }

  /** One number of one row, without the view {@link numbers} makes. */
  number(row: number, slot: number): number {
    return this.#block(row).numbers[(row % BLOCK_ROWS) * this.stride + slot] as number;
  }

  /** Sets the row's image; width and height must fit 32 bits unsigned. */
  setImage(row: number, { path, label, width, height }: RowImage): void {
    const block = this.#block(row);
    block.dirty = true;
    const at = (row % BLOCK_ROWS) * INTEGERS;
    block.integers[at + WIDTH] = width;
    block.integers[at + HEIGHT] = height;
    block.integers[at + PATH] = this.#paths.add(path);
    block.integers[at + LABEL] = this.#labelCode(label);
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
    const at = (row: number) => (row % BLOCK_ROWS) * INTEGERS;
    const source = this.#block(from);
    // The views stay valid: `to`'s block is the only other one used before they are copied.
    this.numbers(to).set(this.#numbersOf(source, from));
    this.#block(to).integers.set(source.integers.subarray(at(from), at(from) + INTEGERS), at(to));
  }

  #numbersOf(block: Block, row: number): Float64Array {
    const start = (row % BLOCK_ROWS) * this.stride;
    return block.numbers.subarray(start, start + this.stride);
  }

  #integer(row: number, slot: number): number {
    return this.#block(row).integers[(row % BLOCK_ROWS) * INTEGERS + slot] as number;
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

  #block(row: number): Block {
    const index = Math.floor(row / BLOCK_ROWS);
    if (!(index >= 0 && index < this.#blocks.length)) throw new RangeError(`row ${row} is past the blocks`);
    const block = this.#blocks[index];
    if (block === undefined) return this.#bringIn(index);
    const resident = this.#resident;
    if (this.#spill !== undefined && resident[resident.length - 1] !== index) {
      resident.splice(resident.indexOf(index), 1);
      resident.push(index);
    }
    return block;
  }

  /** Puts block `index` in memory, in the memory of the block used least recently if too many are. */
  #bringIn(index: number): Block {
    const full = this.#spill !== undefined && this.#resident.length >= RESIDENT_BLOCKS;
    const block = full ? this.#pushOut(this.#resident.shift() as number) : this.#newBlock();
    if (this.#onFile[index]) (this.#file as SpillFile).read(index * block.bytes.length, block.bytes);
    else if (full) block.bytes.fill(0);
    block.dirty = false;
    this.#blocks[index] = block;
    if (this.#spill !== undefined) this.#resident.push(index);
    return block;
  }

  /** Moves block `index` out of memory (to the spill file, if changed); returns its memory for reuse. */
  #pushOut(index: number): Block {
    const block = this.#blocks[index] as Block;
    if (block.dirty) {
      this.#file ??= (this.#spill as SpillFiles)();
      this.#file.write(index * block.bytes.length, block.bytes);
      this.#onFile[index] = true;
    }
    this.#blocks[index] = undefined;
    return block;
  }

  #newBlock(): Block {
    const numbersBytes = BLOCK_ROWS * this.stride * Float64Array.BYTES_PER_ELEMENT;
    const buffer = new ArrayBuffer(numbersBytes + BLOCK_ROWS * INTEGERS * Uint32Array.BYTES_PER_ELEMENT);
    return {
      bytes: new Uint8Array(buffer),
      numbers: new Float64Array(buffer, 0, BLOCK_ROWS * this.stride),
      integers: new Uint32Array(buffer, numbersBytes),
      dirty: false,
    };
  }
}
