import { createJpegDecoder } from "./decoders/jpeg.js";
import { pngDecoder } from "./decoders/png.js";
import type { DecodedImage, ImageDecoder, ImageHeader } from "./decoders/types.js";
import { ImageError } from "./errors.js";
import { sniffUnsupportedFormat } from "./sniff.js";

/** Images with more pixels are refused before decoding (100 megapixels). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export interface DecodeOptions {
  /** Name used in error messages. */
  path?: string;
  /** Refuse images with more pixels than this; default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number;
  /** Decoders tried in order; default PNG (pngjs) then JPEG (jpeg-js). */
  decoders?: readonly ImageDecoder[];
}

/** The built-in decoders for a pixel limit. */
export const defaultDecoders = (maxPixels = DEFAULT_MAX_PIXELS): ImageDecoder[] => [
  pngDecoder,
  createJpegDecoder(maxPixels),
];

const megapixels = (n: number): string => `${Number((n / 1e6).toPrecision(3))} MP`;

interface ReadHeader {
  decoder: ImageDecoder;
  header: ImageHeader;
}

function readHeaderUnnamed(
  bytes: Uint8Array,
  maxPixels: number,
  decoders: readonly ImageDecoder[],
): ReadHeader {
  if (bytes.length === 0) throw new ImageError("empty", "empty file");
  const decoder = decoders.find((d) => d.matches(bytes));
  if (!decoder) {
    const known = sniffUnsupportedFormat(bytes);
    throw new ImageError(
      "unsupported_format",
      known ? `unsupported format: ${known}` : "not a PNG or JPEG image",
    );
  }
  const header = decoder.readHeader(bytes);
  if (header.width * header.height > maxPixels) {
    throw new ImageError(
      "too_large",
      `${decoder.name.toUpperCase()} declares ${header.width}x${header.height} pixels, over the ${megapixels(maxPixels)} limit`,
    );
  }
  return { decoder, header };
}

/** Runs `step` with the options' limit and decoders; every failure becomes an ImageError naming the file. */
function withFileErrors<T>(
  options: DecodeOptions,
  step: (maxPixels: number, decoders: readonly ImageDecoder[]) => T,
): T {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    return step(maxPixels, options.decoders ?? defaultDecoders(maxPixels));
  } catch (error) {
    if (error instanceof ImageError) throw options.path ? error.withPath(options.path) : error;
    // A plugged-in decoder may throw anything; it is still a property of the file, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImageError("corrupt", `cannot decode: ${reason}`, options.path, { cause: error });
  }
}

/**
 * Reads only the header: format, size and stored colour model. Refuses empty, unknown and oversized
 * files like {@link decodeImage}.
 * @throws {ImageError} naming `options.path` and the reason.
 */
export function readImageHeader(bytes: Uint8Array, options: DecodeOptions = {}): ImageHeader {
  return withFileErrors(
    options,
    (maxPixels, decoders) => readHeaderUnnamed(bytes, maxPixels, decoders).header,
  );
}

/**
 * Decodes PNG or JPEG bytes to the pixels the kernels take. The header is read first and images over
 * the pixel limit are refused before any pixel memory is allocated.
 * @throws {ImageError} naming `options.path` and the reason.
 */
export function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): DecodedImage {
  return withFileErrors(options, (maxPixels, decoders) => {
    const { decoder, header } = readHeaderUnnamed(bytes, maxPixels, decoders);
    return decoder.decode(bytes, header);
  });
}
