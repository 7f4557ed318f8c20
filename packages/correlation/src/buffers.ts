/**
 * A page to spare: users of one slot ask for n, n + 1 or n + 2 rows, and a slot that grew by a few
 * bytes would hold its old copy too until the next collection.
 */
const SPARE_BYTES = 4096;

/**
 * Typed arrays reused from one property to the next within a call. A million-row column needs tens of
 * megabytes of scratch (sorted values, the sort's partners, each fold's rows), and fresh memory costs a page
 * fault per 4 KB on first touch: in a cold process that was a fifth of the whole analysis. An array
 * handed out stays valid until its slot is asked for again; it holds whatever its last user left, so
 * every user writes before it reads.
 */
export class Buffers {
  private readonly slots = new Map<string, ArrayBuffer>();

  private bytes(slot: string, size: number): ArrayBuffer {
    let buffer = this.slots.get(slot);
    if (buffer === undefined || buffer.byteLength < size) {
      buffer = new ArrayBuffer(size + SPARE_BYTES);
      this.slots.set(slot, buffer);
    }
    return buffer;
  }
  float64(slot: string, length: number): Float64Array {
    return new Float64Array(this.bytes(slot, length * 8), 0, length);
  }
  int32(slot: string, length: number): Int32Array {
    return new Int32Array(this.bytes(slot, length * 4), 0, length);
  }
  uint8(slot: string, length: number): Uint8Array {
    return new Uint8Array(this.bytes(slot, length), 0, length);
  }
  /** An array of the same type as `template`. */
  like<T extends Int8Array | Int16Array | Int32Array>(slot: string, template: T, length: number): T {
    const Type = template.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => T;
    return new Type(this.bytes(slot, length * template.BYTES_PER_ELEMENT), 0, length);
  }
}

/**
 * Slots of one property's analysis. The sorted column lives from its sort to the property's last
 * statistic. The phases after the sort (the kNN sweep on rows, or the run-table sweep) never overlap
 * in time with the sort's own scratch, so they share two slots of eight and four bytes a row instead
 * of each holding its own.
 */
export const SORTED = "sorted";
export const ORDER = "order";
/** Eight bytes a row: the radix sort's partner of the values, each fold's rows, the runs' values. */
export const WIDE = "wide";
/**
 * Four bytes a row: the counting sort's value ids, the radix sort's partner of the order, the kNN's
 * keys and each fold's classes, the runs' starts.
 */
export const NARROW = "narrow";
