import type { SpillFile, SpillFiles } from "@sc/spill";

/** Strings joined into one chunk. */
const CHUNK_STRINGS = 4096;
/** Longer strings are kept as they are: a chunk stays far below the engine's longest string. */
const MAX_PACKED_LENGTH = 1024;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
const ENDS_BYTES = CHUNK_STRINGS * Uint32Array.BYTES_PER_ELEMENT;
/** A UTF-16 unit without its partner does not survive UTF-8: such a chunk stays in memory. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface PackedStringsOptions {
  /**
   * Where full chunks go instead of the heap (e.g. `tempSpillFiles()` from `@sc/spill/node`); the file
   * is opened when the first chunk fills. Default: every chunk stays in memory.
   */
  spill?: SpillFiles;
}

/** A full chunk: its joined strings and their end offsets, in memory or at a place in the spill file. */
type Chunk = { text: string; ends: Uint32Array } | { position: number; textBytes: number };

/**
 * Append-only strings kept as a few long ones: every 4096 strings are joined into one and found again
 * by their end offsets. A short path costs its characters and 4 bytes, where a string of its own
 * costs about 32 bytes besides its characters, and a path built by concatenation (`${label}/${name}`)
 * keeps its parts alive: about 60 bytes per image of a million-image scan. With a spill file, full
 * chunks cost nothing in memory; the last one read back is kept, so reading in id order decodes each
 * chunk once.
 */
export class PackedStrings {
  readonly #chunks: Chunk[] = [];
  /** Strings longer than MAX_PACKED_LENGTH, by id; their slot in a chunk is empty. */
  readonly #long = new Map<number, string>();
  #pending: string[] = [];
  readonly #spill: SpillFiles | undefined;
  #file: SpillFile | undefined;
  #fileEnd = 0;
  #lastRead: { index: number; text: string; ends: Uint32Array } | undefined;

  constructor(options: PackedStringsOptions = {}) {
    this.#spill = options.spill;
  }

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
    const index = Math.floor(id / CHUNK_STRINGS);
    const i = id % CHUNK_STRINGS;
    if (index === this.#chunks.length) return this.#pending[i] as string;
    const { text, ends } = this.#chunk(index);
    return text.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
  }

  #seal(): void {
    const ends = new Uint32Array(CHUNK_STRINGS);
    let end = 0;
    this.#pending.forEach((text, i) => {
      end += text.length;
      ends[i] = end;
    });
    // join copies the characters into one flat string; the strings added can then be collected.
    const text = this.#pending.join("");
    this.#pending = [];
    this.#chunks.push(this.#spill && !LONE_SURROGATE.test(text) ? this.#write(text, ends) : { text, ends });
  }

  #write(text: string, ends: Uint32Array): Chunk {
    this.#file ??= (this.#spill as SpillFiles)();
    const encoded = utf8Encoder.encode(text);
    const position = this.#fileEnd;
    this.#file.write(position, new Uint8Array(ends.buffer, ends.byteOffset, ENDS_BYTES));
    this.#file.write(position + ENDS_BYTES, encoded);
    this.#fileEnd += ENDS_BYTES + encoded.length;
    return { position, textBytes: encoded.length };
  }

  #chunk(index: number): { text: string; ends: Uint32Array } {
    const chunk = this.#chunks[index] as Chunk;
    if ("text" in chunk) return chunk;
    if (this.#lastRead?.index === index) return this.#lastRead;
    const file = this.#file as SpillFile;
    const ends = new Uint32Array(CHUNK_STRINGS);
    file.read(chunk.position, new Uint8Array(ends.buffer));
    const bytes = new Uint8Array(chunk.textBytes);
    file.read(chunk.position + ENDS_BYTES, bytes);
    this.#lastRead = { index, text: utf8Decoder.decode(bytes), ends };
    return this.#lastRead;
  }
}
