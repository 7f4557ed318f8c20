/** Writes a string's 64-bit hash into `out` as two 32-bit halves. */
export type Hash64 = (text: string, out: Int32Array) => void;

const MIN_SLOTS = 1024;
// Presizing trusts a count that may come from a damaged file, so it stops at a 256 MiB table; the
// pages of a zero-filled table count in RSS only once written.
const MAX_PRESIZED_SLOTS = 2 ** 25;

function avalanche(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * Two 32-bit lanes over the UTF-16 code units. Each step (xor the unit, odd multiply, rotate) is a
 * bijection of the lane's state, so two strings of one length that differ in a single unit never
 * collide in either lane; the final avalanche spreads every input bit over the low bits that pick a slot.
 */
export function hash64(text: string, out: Int32Array): void {
  let a = 0x243f6a88;
  let b = 0x13198a2e;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x9e3779b1);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ unit, 0x27d4eb2f);
    b = (b << 17) | (b >>> 15);
  }
  out[0] = avalanche(a ^ text.length);
  out[1] = avalanche(b ^ text.length);
}

/**
 * A set of strings that keeps only their 64-bit hashes: 8 bytes a slot in one typed array, open
 * addressing with linear probing, a power of two slots at most 3/4 full, so 10.7 to 21.3 bytes a
 * string instead of a string and a Set entry each. Two strings with one hash count as one: `add`
 * reports the second as present. It never reports a new hash as present, so what it accepts is unique.
 * (0, 0) marks an empty slot; a hash equal to it is stored as (0, 1).
 */
export class HashedStringSet {
  #slots: Int32Array;
  #size = 0;
  readonly #hash: Hash64;
  readonly #key = new Int32Array(2);

  /** `expected`: how many strings will likely be added, so the table need not double on the way. */
  constructor(expected = 0, hash: Hash64 = hash64) {
    let slots = MIN_SLOTS;
    while (slots < MAX_PRESIZED_SLOTS && expected * 4 > slots * 3) slots *= 2;
    this.#slots = new Int32Array(2 * slots);
    this.#hash = hash;
  }

  get size(): number {
    return this.#size;
  }

  /** Slots in the table (each 8 bytes). */
  get capacity(): number {
    return this.#slots.length / 2;
  }

  /** Adds `text`'s hash; false when it was there already. */
  add(text: string): boolean {
    this.#hash(text, this.#key);
    const high = this.#key[0] as number;
    const low = high === 0 && this.#key[1] === 0 ? 1 : (this.#key[1] as number);
    const slots = this.#slots;
    const mask = slots.length / 2 - 1;
    for (let slot = high & mask; ; slot = (slot + 1) & mask) {
      const storedHigh = slots[2 * slot];
      const storedLow = slots[2 * slot + 1];
      if (storedHigh === high && storedLow === low) return false;
      if (storedHigh === 0 && storedLow === 0) {
        slots[2 * slot] = high;
        slots[2 * slot + 1] = low;
        this.#size++;
        if (this.#size * 4 > this.capacity * 3) this.#grow();
        return true;
      }
    }
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(2 * old.length);
    const mask = slots.length / 2 - 1;
    for (let at = 0; at < old.length; at += 2) {
      const high = old[at] as number;
      const low = old[at + 1] as number;
      if (high === 0 && low === 0) continue;
      let slot = high & mask;
      while (slots[2 * slot] !== 0 || slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = high;
      slots[2 * slot + 1] = low;
    }
    this.#slots = slots;
  }
}
