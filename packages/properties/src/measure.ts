import type { Kernels } from "@sc/core-wasm";
import { type DecodeOptions, decodeImage } from "./decode.js";
import type { DecodedImage } from "./decoders/types.js";
import type { RawProperties } from "./raw-properties.js";

/** Raw properties of decoded pixels (for example pixels the browser decoded). */
export function measureImage(image: DecodedImage, kernels: Kernels): RawProperties {
  const stats = kernels.analyze(image);
  return {
    width: image.width,
    height: image.height,
    storedGray: image.storedGray,
    brightness: stats.brightness,
    entropy: stats.entropy,
    blurriness: stats.blurriness,
    grayStd: stats.grayStd,
    grayscaleContent: stats.grayscaleContent,
  };
}

/**
 * Decodes PNG/JPEG bytes and measures them; the pixels are dropped on return.
 * @throws {ImageError} naming `options.path` when the file cannot be used.
 */
export function measureBytes(
  bytes: Uint8Array,
  kernels: Kernels,
  options: DecodeOptions = {},
): RawProperties {
  return measureImage(decodeImage(bytes, options), kernels);
}
