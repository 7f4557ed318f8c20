import jpeg from "jpeg-js";
import { ImageError } from "../errors.js";
import { type JpegHeader, jpegHeaderReader } from "./jpeg-header.js";
import type { DecodedImage, ImageDecoder, ImageHeader } from "./types.js";

/**
 * jpeg-js counts its allocations: per component 4 bytes of coefficients and 1 byte of plane per
 * sample, plus the component data and the output; 27 bytes per pixel for unsubsampled CMYK, plus
 * block padding. The cap follows the pixel limit, so the pixel limit is the one that refuses images.
 */
const BYTES_PER_PIXEL_BUDGET = 32;

const gray = (rgb: Uint8Array): Uint8Array => {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = rgb[j] as number;
  return out;
};

/**
 * Peak bytes, measured with 100 MP files on Node 20 (gray 13, 4:2:0 colour 20, 4:4:4 colour 32, CMYK
 * 46 bytes per pixel): jpeg-js holds about 10 bytes per component sample and its RGB output, then
 * come the gray channel kept here and the kernels' copy.
 */
function jpegPeakBytes(header: ImageHeader): number {
  const h = header as JpegHeader;
  return 11 * h.samples + h.width * h.height * (3 + (h.storedGray ? 2 : 3));
}

/** Builds a JPEG decoder (baseline, extended and progressive; gray, YCbCr, RGB, CMYK and YCCK). */
export function createJpegDecoder(maxPixels: number): ImageDecoder {
  return {
    ...jpegHeaderReader,
    peakBytes: jpegPeakBytes,
    decode(bytes, header): DecodedImage {
      const h = header as JpegHeader;
      let rgb: Uint8Array;
      try {
        rgb = jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: false,
          maxResolutionInMP: maxPixels / 1e6,
          maxMemoryUsageInMB: Math.max(64, Math.ceil((maxPixels * BYTES_PER_PIXEL_BUDGET) / 2 ** 20)),
        }).data;
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        const code = /limit exceeded|allocate/.test(message) ? "too_large" : "corrupt";
        throw new ImageError(
          code,
          `${code === "too_large" ? "JPEG too large" : "corrupt JPEG"}: ${message}`,
          undefined,
          {
            cause,
          },
        );
      }
      const base = { width: h.width, height: h.height, storedGray: h.storedGray, codec: "jpeg" };
      // jpeg-js repeats a single component into R, G and B; the kernels need the one channel.
      return h.storedGray
        ? { ...base, format: "gray", data: gray(rgb) }
        : { ...base, format: "rgb", data: rgb };
    },
  };
}
