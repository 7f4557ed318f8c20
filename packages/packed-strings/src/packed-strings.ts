/** Strings joined into one chunk. */
const CHUNK_STRINGS = 4096;
/** Longer strings are kept as they are: a chunk stays far below the engine's longest string. */
const MAX_PACKED_LENGTH = 1024;

/**
 * Append-only strings kept as a few long ones: every 4096 strings are joined into one and found again
 * by their end offsets. A short path costs its characters and 4 bytes, where a string of its own
 * costs about 32 bytes besides its characters, and a path built by concatenation (`${label}/${name}`)
 * keeps its parts alive: about 60 bytes per image of a million-image scan.
 */
export class PackedStrings {
  readonly #chunks: string[] = [];
  readonly #ends: Uint32Array[] = [];
  /** Strings longer than MAX_PACKED_LENGTH, by id; their slot in a chunk is empty. */
  readonly #long = new Map<number, string>();
  #pending: string[] = [];

  get length(): number {
    return this.#chunks.length * CHUNK_STRINGS + this.#pending.length;
  }

  /** Keeps `text` and returns its id: 0, 1, 2... in the order added. */
  add(text: string): number {
    const id = this.length;
    if (text.length > MAX_PACKED_LENGTH) this.#long.set(id, text);
    this.#pending.push(text.length > MAX_PACKED_LENGTH ? "" : text);
    if (this.#pending.length === CHUNK_STRINGS) this.#seal();
    return id;
  }

  at(id: number): string {
    if (!(Number.isInteger(id) && id >= 0 && id < this.length)) throw new RangeError(`no string ${id}`);
    const long = this.#long.get(id);
    if (long !== undefined) return long;
    const chunk = Math.floor(id / CHUNK_STRINGS);
    const i = id % CHUNK_STRINGS;
    if (chunk === this.#chunks.length) return this.#pending[i] as string;
    const ends = this.#ends[chunk] as Uint32Array;
    return (this.#chunks[chunk] as string).slice(i === 0 ? 0 : ends[i - 1], ends[i]);
  }

  #seal(): void {
    const ends = new Uint32Array(CHUNK_STRINGS);
    let end = 0;
    this.#pending.forEach((text, i) => {
      end += text.length;
      ends[i] = end;
    });
    // join copies the characters into one flat string; the strings added can then be collected.
    this.#chunks.push(this.#pending.join(""));
    this.#ends.push(ends);
    this.#pending = [];
  }
}
