const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Integers appended one at a time, 4 bytes each, in chunks of 65,536: growing copies nothing, where
 * an array of numbers takes 8 bytes an element and a doubling typed array briefly 12.
 */
export class Int32List {
  readonly #chunks: Int32Array[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    const at = this.#length & (CHUNK - 1);
    if (at === 0) this.#chunks.push(new Int32Array(CHUNK));
    (this.#chunks[this.#chunks.length - 1] as Int32Array)[at] = value;
    this.#length++;
  }

  at(index: number): number {
    if (!(index >= 0 && index < this.#length)) throw new RangeError(`no element ${index} of ${this.#length}`);
    return (this.#chunks[index >>> CHUNK_BITS] as Int32Array)[index & (CHUNK - 1)] as number;
  }
}
