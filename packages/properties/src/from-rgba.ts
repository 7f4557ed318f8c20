import { type DecodeOptions, readImageHeader } from "./decode-core.js";
import type { DecodedImage } from "./decoders/types.js";
import { ImageError } from "./errors.js";

/** RGBA pixels as a canvas returns them. */
export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Wraps RGBA pixels decoded elsewhere (a browser canvas) as a {@link DecodedImage} with the file's own
 * colour model, read from the header of `bytes`: a stored-gray file becomes one gray channel, so its
 * entropy and grayscale score are those the built-in decoders give. The pixels must have the stored
 * orientation and size (in browsers: `createImageBitmap(blob, { imageOrientation: "none",
 * colorSpaceConversion: "none" })`).
 * @throws {ImageError} when the header is bad or the size differs from it.
 */
export function imageFromRgba(
  bytes: Uint8Array,
  pixels: RgbaPixels,
  options: DecodeOptions = {},
): DecodedImage {
  const header = readImageHeader(bytes, options);
  const { width, height } = pixels;
  if (header.width !== width || header.height !== height || pixels.data.length !== width * height * 4) {
    const reason = `decoded pixels (${width}x${height}, ${pixels.data.length} bytes) do not match the ${header.width}x${header.height} RGBA image the header declares (was EXIF orientation applied?)`;
    throw new ImageError("corrupt", reason, options.path);
  }
  const rgba = new Uint8Array(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  const base = { width, height, storedGray: header.storedGray, codec: header.codec };
  if (!header.storedGray) return { ...base, format: "rgba", data: rgba };
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4] as number;
  return { ...base, format: "gray", data: gray };
}
