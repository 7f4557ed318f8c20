import type { DecodedImage } from "@sc/properties";

export interface AsyncDecodeOptions {
  /** Name used in error messages. */
  path?: string;
  /** Refuse images with more pixels than this (default: @sc/properties' DEFAULT_MAX_PIXELS). */
  maxPixels?: number;
  /** Refuse images whose decoding would hold more bytes (default: DEFAULT_MAX_DECODE_BYTES). */
  maxDecodeBytes?: number;
}

/**
 * Decodes PNG or JPEG bytes to the pixels the kernels take. Every failure is an `ImageError` from
 * `@sc/properties` naming the file and the reason.
 */
/** Which JPEG decoder a decoder uses (PNG is always pngjs). */
export type DecoderKind = "libjpeg" | "sharp" | "wasm" | "portable";

export interface AsyncImageDecoder {
  readonly kind: DecoderKind;
  /** Shown in reports as the decoder that ran, e.g. "sharp/pngjs" or "jpeg-js/pngjs". */
  readonly name: string;
  decode(bytes: Uint8Array, options?: AsyncDecodeOptions): Promise<DecodedImage>;
}
