import { DEFAULT_MAX_DECODE_BYTES, type DecodedImage, decodeImage, ImageError } from "@sc/properties";
import type { LibjpegBinding } from "./libjpeg-binding.js";
import { type NativeJpeg, readNativeJpeg, refuseOverMemoryLimit } from "./native-jpeg.js";
import type { AsyncDecodeOptions, AsyncImageDecoder } from "./types.js";

export interface LibjpegDecodeOptions extends AsyncDecodeOptions {
  /**
   * Returns the array libjpeg writes the pixels into, exactly `byteLength` bytes long (for example a
   * view of the kernels' WebAssembly memory, saving a copy); by default a new one. Not called for
   * files the portable decoders take (PNG, CMYK JPEG).
   */
  allocate?: (byteLength: number, shape: PixelShape) => Uint8Array;
}

/** What the pixels written into `allocate`'s array will be, known from the header before decoding. */
export interface PixelShape {
  width: number;
  height: number;
  format: "gray" | "rgb";
}

/** A libjpeg decoder: the async interface of the others, and the synchronous call it wraps. */
export interface LibjpegDecoder extends AsyncImageDecoder {
  decodeSync(bytes: Uint8Array, options?: LibjpegDecodeOptions): DecodedImage;
}

/**
 * libjpeg's own memory besides the output: a few rows of samples per component (measured up to 45 kB
 * plus 55 bytes per column at 2048 columns, 30 kB at 30 columns), plus for a progressive file every
 * DCT coefficient, 2 bytes per sample, until the last scan. libjpeg is also capped at what remains of
 * the budget (max_memory_to_use), which catches what this misses, e.g. multi-scan sequential files.
 */
const workingBytes = (jpeg: NativeJpeg): number =>
  (jpeg.progressive ? 2 * jpeg.samples : 0) + 64 * 1024 + 64 * jpeg.width;

/**
 * Output memory without zero-filling it (a tenth of the decode time at 512x512): libjpeg writes
 * every row or the decode throws and the array is dropped unseen. Unpooled, so the array owns its
 * whole ArrayBuffer as one from `new Uint8Array` would.
 */
function uninitialized(byteLength: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(byteLength);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, byteLength);
}

const outputBytes = (jpeg: NativeJpeg): number => jpeg.width * jpeg.height * jpeg.channels;

/**
 * The addon's failure as the ImageError the other decoders give for the same kind of file; anything
 * else (a wrong argument) is a bug and stays as it is.
 */
function libjpegFailure(cause: unknown, path: string | undefined): unknown {
  if (!(cause instanceof Error)) return cause;
  const { message } = cause;
  const kind = (cause as { code?: unknown }).code;
  if (kind === "truncated") return new ImageError("truncated", `truncated JPEG: ${message}`, path, { cause });
  if (kind === "too_large") return new ImageError("too_large", `JPEG too large: ${message}`, path, { cause });
  if (kind === "corrupt") return new ImageError("corrupt", `corrupt JPEG: ${message}`, path, { cause });
  return cause;
}

/**
 * JPEG decoding with libjpeg(-turbo) through `binding` (the system's library in a small Node-API addon,
 * or one compiled to WebAssembly), with Pillow's settings (RGB or gray, accurate integer IDCT, fancy upsampling), so the pixels are the ones
 * CleanVision measures. The header checks and limits of `@sc/properties` run first; the output
 * (held once more while the kernels copy it) plus libjpeg's working memory must fit
 * `maxDecodeBytes`, and libjpeg itself is capped at what remains of it. PNG and four-component JPEGs
 * go to the portable decoders, as with sharp.
 */
export function createLibjpegDecoder(
  binding: LibjpegBinding,
  identity: Pick<AsyncImageDecoder, "kind" | "name"> = { kind: "libjpeg", name: "libjpeg/pngjs" },
): LibjpegDecoder {
  function decodeSync(bytes: Uint8Array, options: LibjpegDecodeOptions = {}): DecodedImage {
    const jpeg = readNativeJpeg(bytes, options, 0);
    if (jpeg === undefined) return decodeImage(bytes, options);
    const { width, height, storedGray, channels } = jpeg;
    const output = outputBytes(jpeg);
    refuseOverMemoryLimit(jpeg, 2 * output + workingBytes(jpeg), options);
    const format = storedGray ? "gray" : "rgb";
    const data = options.allocate?.(output, { width, height, format }) ?? uninitialized(output);
    if (data.length !== output) throw new RangeError(`allocate(${output}) returned ${data.length} bytes`);
    const maxMemory = (options.maxDecodeBytes ?? DEFAULT_MAX_DECODE_BYTES) - 2 * output;
    try {
      binding.decodeInto(bytes, data, width, height, channels, maxMemory);
    } catch (cause) {
      throw libjpegFailure(cause, options.path);
    }
    return { width, height, storedGray, codec: "jpeg", format, data };
  }
  return {
    ...identity,
    decodeSync,
    decode: async (bytes, options) => decodeSync(bytes, options),
  };
}
