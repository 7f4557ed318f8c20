import { jpegHeaderReader } from "./decoders/jpeg-header.js";
import { pngHeaderReader } from "./decoders/png-header.js";
import type { DecodedImage, HeaderReader, ImageDecoder, ImageHeader } from "./decoders/types.js";
import { ImageError } from "./errors.js";
import { sniffUnsupportedFormat } from "./sniff.js";

/** Images with more pixels are refused before decoding (100 megapixels). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/**
 * Images whose decoding would hold more bytes at its peak are refused before decoding (512 MiB).
 * The pure-JS decoders need 9 to 47 bytes per pixel, so without it a 1 MB file declaring
 * 10000x10000 pixels (within the pixel limit) would take 4 GB.
 */
export const DEFAULT_MAX_DECODE_BYTES = 512 * 2 ** 20;

export interface DecodeOptions {
  /** Name used in error messages. */
  path?: string;
  /** Refuse images with more pixels than this; default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number;
  /** Refuse images whose decoder estimates a larger peak; default {@link DEFAULT_MAX_DECODE_BYTES}. */
  maxDecodeBytes?: number;
  /**
   * Decoders tried in order; by default PNG (pngjs) then JPEG (jpeg-js) in Node, none in the browser
   * build. Header-only reads (`readImageHeader`, `imageFromRgba`) use only their `readHeader`.
   */
  decoders?: readonly ImageDecoder[];
}

/** Header readers of the built-in formats: the same parsers the built-in decoders run first. */
const BUILT_IN_HEADER_READERS: readonly HeaderReader[] = [pngHeaderReader, jpegHeaderReader];

/** The decoders `decodeImage` uses when the options give none, for a pixel limit. */
export type DefaultDecoders = (maxPixels: number) => readonly ImageDecoder[];

const megapixels = (n: number): string => `${Number((n / 1e6).toPrecision(3))} MP`;
/** A byte count as people read it in limits, rounded up: "513 MiB". */
export const formatMebibytes = (n: number): string => `${Math.ceil(n / 2 ** 20)} MiB`;

interface Limits {
  maxPixels: number;
  maxDecodeBytes: number;
}

interface ReadHeader<D extends HeaderReader> {
  decoder: D;
  header: ImageHeader;
}

function readHeaderUnnamed<D extends HeaderReader>(
  bytes: Uint8Array,
  maxPixels: number,
  decoders: readonly D[],
): ReadHeader<D> {
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

/** Runs `step` with the options' limits; every failure becomes an ImageError naming the file. */
function withFileErrors<T>(options: DecodeOptions, step: (limits: Limits) => T): T {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const limits = { maxPixels, maxDecodeBytes: options.maxDecodeBytes ?? DEFAULT_MAX_DECODE_BYTES };
  try {
    return step(limits);
  } catch (error) {
    if (error instanceof ImageError) throw options.path ? error.withPath(options.path) : error;
    // A plugged-in decoder may throw anything; it is still a property of the file, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImageError("corrupt", `cannot decode: ${reason}`, options.path, { cause: error });
  }
}

/**
 * Reads only the header: format, size and stored colour model. Refuses empty, unknown and oversized
 * files like `decodeImage`; the memory limit is left to whichever decoder runs next.
 * @throws {ImageError} naming `options.path` and the reason.
 */
export function readImageHeader(bytes: Uint8Array, options: DecodeOptions = {}): ImageHeader {
  const readers = options.decoders ?? BUILT_IN_HEADER_READERS;
  return withFileErrors(options, ({ maxPixels }) => readHeaderUnnamed(bytes, maxPixels, readers).header);
}

/**
 * Decodes with `options.decoders`, else with `defaults`; the entry points' `decodeImage` supply
 * their defaults (the Node decoders, or none in the browser build).
 */
export function decodeWith(
  bytes: Uint8Array,
  options: DecodeOptions,
  defaults: DefaultDecoders,
): DecodedImage {
  return withFileErrors(options, ({ maxPixels, maxDecodeBytes }) => {
    const decoders = options.decoders ?? defaults(maxPixels);
    const { decoder, header } = readHeaderUnnamed(bytes, maxPixels, decoders);
    const peak = decoder.peakBytes?.(header) ?? 0;
    if (peak > maxDecodeBytes) {
      throw new ImageError(
        "too_large",
        `${decoder.name.toUpperCase()} declares ${header.width}x${header.height} pixels, which need about ${formatMebibytes(peak)} to decode, over the ${formatMebibytes(maxDecodeBytes)} memory limit`,
      );
    }
    return checkedAgainstHeader(decoder.decode(bytes, header), header, decoder.name);
  });
}

const BYTES_PER_PIXEL: Record<DecodedImage["format"], number> = { gray: 1, rgb: 3, rgba: 4 };

/**
 * The pixels must be the image the header declared: the limits were checked against the header, and
 * a decoder that reads another header from the same file (pngjs, jpeg-js) must not slip past them.
 */
function checkedAgainstHeader(image: DecodedImage, header: ImageHeader, name: string): DecodedImage {
  const expected = header.width * header.height * (BYTES_PER_PIXEL[image.format] ?? Number.NaN);
  if (image.width !== header.width || image.height !== header.height || image.data.length !== expected) {
    throw new ImageError(
      "corrupt",
      `corrupt ${name.toUpperCase()}: decoded ${image.width}x${image.height} ${image.format} pixels (${image.data.length} bytes) for a header of ${header.width}x${header.height}`,
    );
  }
  return image;
}
