import { type DecodedImage, ImageError } from "@sc/properties";
import type sharpModule from "sharp";
import { readNativeJpeg, refuseOverMemoryLimit } from "./native-jpeg.js";
import { portableDecoder } from "./portable.js";
import type { AsyncImageDecoder } from "./types.js";

type Sharp = typeof sharpModule;

/**
 * A libvips call costs about 2 ms however small the image (apps/cli bench: 64x48 JPEGs took 2.4 ms
 * with sharp, 0.7 ms with jpeg-js), so smaller JPEGs are cheaper to decode in JavaScript; from
 * 128x128 on sharp wins and the gap grows with size (7x at 512x512).
 */
export const DEFAULT_NATIVE_MIN_PIXELS = 128 * 128;

export interface SharpDecoderOptions {
  /** JPEGs with fewer pixels go to jpeg-js (default {@link DEFAULT_NATIVE_MIN_PIXELS}; 0: none). */
  minPixels?: number;
}

/**
 * JPEG decoding with sharp (libvips + mozjpeg's libjpeg-turbo decoder, the same IDCT and upsampling as
 * Pillow). The header check and pixel limit of `@sc/properties` run first, so oversized or malformed
 * files are refused before libvips allocates anything.
 */
export function createSharpDecoder(sharp: Sharp, settings: SharpDecoderOptions = {}): AsyncImageDecoder {
  const minPixels = settings.minPixels ?? DEFAULT_NATIVE_MIN_PIXELS;
  return {
    kind: "sharp",
    name: minPixels > 0 ? "sharp+jpeg-js/pngjs" : "sharp/pngjs",
    async decode(bytes, options = {}): Promise<DecodedImage> {
      const jpeg = readNativeJpeg(bytes, options, minPixels);
      if (jpeg === undefined) return portableDecoder.decode(bytes, options);
      const { width, height, storedGray, channels } = jpeg;
      // libvips streams the file in strips (sequentialRead): its peak is the output buffer, held
      // twice while the kernels copy it into their memory.
      refuseOverMemoryLimit(jpeg, 2 * width * height * channels, options);
      let pixels: { data: Buffer; info: { width: number; height: number; channels: number } };
      try {
        // Pillow ignores embedded profiles and EXIF orientation; "error" still accepts the warnings
        // (extraneous bytes before a marker) that Pillow accepts.
        const pipeline = sharp(bytes, {
          failOn: "error",
          ignoreIcc: true,
          autoOrient: false,
          limitInputPixels: width * height,
          sequentialRead: true,
        });
        pixels = await (storedGray ? pipeline.toColourspace("b-w") : pipeline)
          .raw()
          .toBuffer({ resolveWithObject: true });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new ImageError("corrupt", `corrupt JPEG: ${reason}`, options.path, { cause });
      }
      if (pixels.info.width !== width || pixels.info.height !== height || pixels.info.channels !== channels) {
        throw new ImageError(
          "corrupt",
          `corrupt JPEG: header says ${width}x${height}x${channels}, decoder produced ${pixels.info.width}x${pixels.info.height}x${pixels.info.channels}`,
          options.path,
        );
      }
      const data = new Uint8Array(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
      return { width, height, storedGray, codec: "jpeg", format: storedGray ? "gray" : "rgb", data };
    },
  };
}
