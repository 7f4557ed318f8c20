import { type DecodeOptions, decodeWith } from "./decode-core.js";
import type { DecodedImage } from "./decoders/types.js";
import { ImageError } from "./errors.js";
import { measureBytesWith } from "./measure-image.js";

/** The browser build ships no pixel decoder: pngjs needs node:zlib, and the page decodes natively. */
const noBuiltInDecoders = (): never => {
  throw new ImageError(
    "unsupported_format",
    "no decoder for this file in the browser build; decode it yourself and use imageFromRgba",
  );
};

/**
 * Decodes with `options.decoders`; the browser build has no built-in decoder, so without them every
 * file is refused with `unsupported_format` (decode with `createImageBitmap` and use `imageFromRgba`).
 * @throws {ImageError} naming `options.path` and the reason.
 */
export function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): DecodedImage {
  return decodeWith(bytes, options, noBuiltInDecoders);
}

/**
 * Decodes with `options.decoders` and measures; the pixels are dropped on return.
 * @throws {ImageError} naming `options.path`, also when no decoder is given (see `decodeImage`).
 */
export const measureBytes = measureBytesWith(decodeImage);
