import { ImageError } from "../errors.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
export const PNG_SIGNATURE_LENGTH = PNG_SIGNATURE.length;

export interface PngChunk {
  type: string;
  /** Offset of the length field; the whole chunk spans `offset .. offset + 12 + length`. */
  offset: number;
  length: number;
}

export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export const dataView = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Walks the chunk list without reading chunk data; every step advances at least 12 bytes, so it
 * ends. Throws `truncated` when a chunk runs past the end of the file or IEND is missing.
 */
export function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
  const view = dataView(bytes);
  let offset = PNG_SIGNATURE_LENGTH;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length) {
      throw new ImageError("truncated", `truncated PNG: ${type} chunk runs past the end of the file`);
    }
    yield { type, offset, length };
    if (type === "IEND") return;
    offset += 12 + length;
  }
  throw new ImageError("truncated", "truncated PNG: no IEND chunk");
}
