import { crc32 } from "node:zlib";

/** A seeded pseudo-random source (mulberry32), so every fuzz case can be replayed from its seed. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }
}

/** A structural unit of the file: a PNG chunk, or a JPEG marker segment (the scan data is one unit). */
interface Unit {
  start: number;
  end: number;
  /** Where the length field is and how wide; absent for the JPEG scan data. */
  lengthAt?: number;
  lengthBytes?: 2 | 4;
}

const isPngBytes = (bytes: Uint8Array): boolean => bytes[0] === 0x89 && bytes[1] === 0x50;

/** Chunks after the signature; stops quietly where the structure breaks (the input may be mutated). */
function pngUnits(bytes: Uint8Array): Unit[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units: Unit[] = [];
  for (let at = 8; at + 12 <= bytes.length; ) {
    const end = at + 12 + view.getUint32(at);
    if (end > bytes.length) break;
    units.push({ start: at, end, lengthAt: at, lengthBytes: 4 });
    at = end;
  }
  return units;
}

/** Marker segments after SOI up to the first scan header, then everything after it as one unit. */
function jpegUnits(bytes: Uint8Array): Unit[] {
  const units: Unit[] = [];
  for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; ) {
    const end = at + 2 + (((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number));
    if (end > bytes.length || end <= at + 2) break;
    units.push({ start: at, end, lengthAt: at + 2, lengthBytes: 2 });
    if (bytes[at + 1] === 0xda) {
      units.push({ start: end, end: bytes.length });
      break;
    }
    at = end;
  }
  return units;
}

const unitsOf = (bytes: Uint8Array): Unit[] => (isPngBytes(bytes) ? pngUnits(bytes) : jpegUnits(bytes));

const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

/** Values that tend to break parsers: zero, one, sign and size boundaries. */
const INTERESTING = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0xffffffff];

function writeUint(bytes: Uint8Array, at: number, width: number, value: number): void {
  for (let i = 0; i < width; i++) bytes[at + i] = Math.floor(value / 256 ** (width - 1 - i)) & 255;
}

export type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array;

/** The mutations, by name; each returns a new array and leaves its input alone. */
export const MUTATIONS: Record<string, Mutation> = {
  bitFlips(bytes, random) {
    const out = Uint8Array.from(bytes);
    for (let n = 1 + random.below(8); n > 0; n--) {
      const at = random.below(out.length);
      out[at] = (out[at] as number) ^ (1 << random.below(8));
    }
    return out;
  },
  interestingBytes(bytes, random) {
    const out = Uint8Array.from(bytes);
    const width = random.pick([1, 2, 4]);
    const at = random.below(Math.max(1, out.length - width));
    writeUint(out, at, width, random.pick(INTERESTING));
    return out;
  },
  truncate(bytes, random) {
    return bytes.slice(0, random.below(bytes.length));
  },
  reorderUnits(bytes, random) {
    const units = unitsOf(bytes);
    if (units.length < 2) return Uint8Array.from(bytes);
    const i = random.below(units.length);
    const j = random.below(units.length);
    const [a, b] = [units[Math.min(i, j)] as Unit, units[Math.max(i, j)] as Unit];
    if (a === b) return Uint8Array.from(bytes);
    return concat(
      bytes.subarray(0, a.start),
      bytes.subarray(b.start, b.end),
      bytes.subarray(a.end, b.start),
      bytes.subarray(a.start, a.end),
      bytes.subarray(b.end),
    );
  },
  duplicateUnit(bytes, random) {
    const units = unitsOf(bytes);
    if (units.length === 0) return Uint8Array.from(bytes);
    const unit = random.pick(units);
    const copies = random.pick([1, 2, 300]); // 300 copies of a scan passes the scan limit
    const copy = bytes.subarray(unit.start, unit.end);
    return concat(
      bytes.subarray(0, unit.end),
      ...Array<Uint8Array>(copies).fill(copy),
      bytes.subarray(unit.end),
    );
  },
  dropUnit(bytes, random) {
    const units = unitsOf(bytes);
    if (units.length === 0) return Uint8Array.from(bytes);
    const unit = random.pick(units);
    return concat(bytes.subarray(0, unit.start), bytes.subarray(unit.end));
  },
  lengthField(bytes, random) {
    const units = unitsOf(bytes).filter((u) => u.lengthAt !== undefined);
    const out = Uint8Array.from(bytes);
    if (units.length === 0) return out;
    const unit = random.pick(units);
    const width = unit.lengthBytes as number;
    const current = unit.end - unit.start - (width === 4 ? 12 : 2);
    const value = random.pick([...INTERESTING, current - 1, current + 1, current * 2]);
    writeUint(out, unit.lengthAt as number, width, Math.max(0, value) % 256 ** width);
    return out;
  },
  headerField(bytes, random) {
    // Width, height and the byte after them: bit depth/colour type (PNG IHDR) or components (JPEG SOF0-2).
    const out = Uint8Array.from(bytes);
    const header = unitsOf(bytes).find((u) =>
      isPngBytes(bytes) ? u.start === 8 : [0xc0, 0xc1, 0xc2].includes(bytes[u.start + 1] as number),
    );
    if (!header) return out;
    const fields = isPngBytes(bytes)
      ? [
          [header.start + 8, 4],
          [header.start + 12, 4],
          [header.start + 16, 1],
          [header.start + 17, 1],
        ]
      : [
          [header.start + 5, 2],
          [header.start + 7, 2],
          [header.start + 9, 1],
          [header.start + 11, 1],
        ];
    const [at, width] = random.pick(fields) as [number, number];
    writeUint(out, at, width, random.pick([...INTERESTING, random.below(256 ** width)]) % 256 ** width);
    return out;
  },
};

/** Recomputes every PNG chunk checksum, so a mutation gets past the CRC check into the decoders. */
export function fixPngChecksums(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  for (const unit of pngUnits(out))
    view.setUint32(unit.end - 4, crc32(out.subarray(unit.start + 4, unit.end - 4)));
  return out;
}

export interface FuzzCase {
  bytes: Uint8Array;
  /** The mutations applied, in order, for the report. */
  mutations: string[];
}

/** One to three stacked mutations of `seed`; PNG checksums are repaired half of the time. */
export function mutate(seed: Uint8Array, random: Random): FuzzCase {
  let bytes = seed;
  const mutations: string[] = [];
  for (let n = 1 + random.below(3); n > 0 && bytes.length > 0; n--) {
    const name = random.pick(Object.keys(MUTATIONS));
    bytes = (MUTATIONS[name] as Mutation)(bytes, random);
    mutations.push(name);
  }
  if (isPngBytes(bytes) && random.next() < 0.5) {
    bytes = fixPngChecksums(bytes);
    mutations.push("fixPngChecksums");
  }
  return { bytes, mutations };
}
