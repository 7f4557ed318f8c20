import type { Kernels } from "@sc/core-wasm";
import { type DecodeOptions, decodeImage } from "./decode.js";
import { measureImage } from "./measure-image.js";
import type { RawProperties } from "./raw-properties.js";

export { measureImage } from "./measure-image.js";

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
