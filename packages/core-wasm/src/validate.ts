import type { PixelFormat, PixelImage } from "./types.js";

const BYTES_PER_PIXEL: Record<PixelFormat, number> = { gray: 1, rgb: 3, rgba: 4 };

/** Largest side accepted; wasm32 memory (4 GiB) is the real bound, this keeps the arithmetic exact. */
export const MAX_SIDE = 1 << 24;

function checkSide(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_SIDE) {
    throw new RangeError(`invalid image ${name} ${String(value)}: expected an integer in 1..${MAX_SIDE}`);
  }
  return value;
}

/** Checks an image's sides and format and returns its bytes per pixel. */
export function shapeBytesPerPixel(shape: Omit<PixelImage, "data">): number {
  checkSide("width", shape.width);
  checkSide("height", shape.height);
  const bpp = Object.hasOwn(BYTES_PER_PIXEL, shape.format) ? BYTES_PER_PIXEL[shape.format] : undefined;
  if (bpp === undefined) {
    throw new RangeError(
      `invalid pixel format ${JSON.stringify(shape.format)}: expected "gray", "rgb" or "rgba"`,
    );
  }
  return bpp;
}

/** Checks an image's shape against its data and returns the bytes per pixel. */
export function bytesPerPixel(image: PixelImage): number {
  const bpp = shapeBytesPerPixel(image);
  const data: unknown = image.data;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
    throw new RangeError("invalid pixel data: expected a Uint8Array");
  }
  const expected = image.width * image.height * bpp;
  if (image.data.length !== expected) {
    throw new RangeError(
      `pixel data length ${image.data.length} does not match ${image.width}x${image.height} ${image.format} (${expected} bytes)`,
    );
  }
  return bpp;
}
