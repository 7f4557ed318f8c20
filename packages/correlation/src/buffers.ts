/**
 * Typed arrays reused from one property to the next within a call. A million-row column needs tens of
 * megabytes of scratch (sort keys, sorted values, each fold's rows), and fresh memory costs a page
 * fault per 4 KB on first touch: in a cold process that was a fifth of the whole analysis. An array
 * handed out stays valid until its slot is asked for again; it holds whatever its last user left, so
 * every user writes before it reads.
 */
export class Buffers {
  private readonly slots = new Map<string, ArrayBuffer>();

  private bytes(slot: string, size: number): ArrayBuffer {
    let buffer = this.slots.get(slot);
    if (buffer === undefined || buffer.byteLength < size) {
      buffer = new ArrayBuffer(size);
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
  uint32(slot: string, length: number): Uint32Array {
    return new Uint32Array(this.bytes(slot, length * 4), 0, length);
  }
  uint8(slot: string, length: number): Uint8Array {
    return new Uint8Array(this.bytes(slot, length), 0, length);
  }
}
