import type { Kernels } from "@sc/core-wasm";
import type { DecodeOptions } from "./decode-core.js";
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

/** `measureBytes` for a given `decodeImage`: decode, measure, drop the pixels. */
export function measureBytesWith(
  decode: (bytes: Uint8Array, options?: DecodeOptions) => DecodedImage,
): (bytes: Uint8Array, kernels: Kernels, options?: DecodeOptions) => RawProperties {
  return (bytes, kernels, options = {}) => measureImage(decode(bytes, options), kernels);
}
