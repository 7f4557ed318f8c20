import { DEFAULT_MAX_PIXELS, type DecodeOptions, decodeWith } from "./decode-core.js";
import { createJpegDecoder } from "./decoders/jpeg.js";
import { pngDecoder } from "./decoders/png.js";
import type { DecodedImage, ImageDecoder } from "./decoders/types.js";

/** The built-in decoders for a pixel limit. */
export const defaultDecoders = (maxPixels = DEFAULT_MAX_PIXELS): ImageDecoder[] => [
  pngDecoder,
  createJpegDecoder(maxPixels),
];

/**
 * Decodes PNG or JPEG bytes to the pixels the kernels take. The header is read first and images over
 * the pixel limit, or whose decoding would exceed the memory limit, are refused before any pixel memory
 * is allocated.
 * @throws {ImageError} naming `options.path` and the reason.
 */
export function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): DecodedImage {
  return decodeWith(bytes, options, defaultDecoders);
}
