import {
  DEFAULT_MAX_DECODE_BYTES,
  formatMebibytes,
  ImageError,
  type ImageHeader,
  readImageHeader,
} from "@sc/properties";
import type { AsyncDecodeOptions } from "./types.js";

/** A JPEG for a native decoder, as its header declares it. */
export interface NativeJpeg {
  width: number;
  height: number;
  storedGray: boolean;
  /** Output bytes per pixel: 1 for gray files, 3 (RGB) for colour ones. */
  channels: 1 | 3;
  /** Progressive: the decoder holds every coefficient (2 bytes per sample) until the last scan. */
  progressive: boolean;
  /** Samples of all components together, after chroma subsampling. */
  samples: number;
}

/** The fields of @sc/properties' JPEG header (its JpegHeader type is internal) that routing reads. */
interface JpegFrame extends ImageHeader {
  components: number;
  frameMarker: number;
  samples: number;
}

const isJpegFrame = (header: ImageHeader): header is JpegFrame =>
  header.codec === "jpeg" && "components" in header;

/**
 * Runs the header checks of `@sc/properties` (empty, unknown, truncated and oversized files throw an
 * ImageError naming the file), then says whether a native decoder takes the file. Only 1- and
 * 3-component JPEGs with at least `minPixels` pixels do: native decoders convert CMYK/YCCK in ways
 * that would not match CleanVision (libvips through a colour profile), and PNG decoding is lossless,
 * so pngjs gives the same pixels anyway. `undefined` sends the file to the portable decoders.
 */
export function readNativeJpeg(
  bytes: Uint8Array,
  options: AsyncDecodeOptions,
  minPixels: number,
): NativeJpeg | undefined {
  const header = readImageHeader(bytes, options);
  if (!isJpegFrame(header) || header.components === 4 || header.width * header.height < minPixels) {
    return undefined;
  }
  const { width, height, storedGray, samples } = header;
  return {
    width,
    height,
    storedGray,
    channels: storedGray ? 1 : 3,
    progressive: header.frameMarker === 0xc2,
    samples,
  };
}

/** Throws the memory-limit ImageError when `peak` bytes exceed the options' `maxDecodeBytes`. */
export function refuseOverMemoryLimit(jpeg: NativeJpeg, peak: number, options: AsyncDecodeOptions): void {
  const maxDecodeBytes = options.maxDecodeBytes ?? DEFAULT_MAX_DECODE_BYTES;
  if (peak > maxDecodeBytes) {
    throw new ImageError(
      "too_large",
      `JPEG declares ${jpeg.width}x${jpeg.height} pixels, which need about ${formatMebibytes(peak)} to decode, over the ${formatMebibytes(maxDecodeBytes)} memory limit`,
      options.path,
    );
  }
}
