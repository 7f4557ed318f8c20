import type { PixelImage } from "@sc/core-wasm";

/** What a decoder learns from the first bytes, before allocating any pixel memory. */
export interface ImageHeader {
  /** Codec name, e.g. "png" or "jpeg". */
  codec: string;
  width: number;
  height: number;
  /** The file stores a single gray channel (optionally with alpha). */
  storedGray: boolean;
}

/** Decoded pixels as the kernels take them, plus what the file said about itself. */
export interface DecodedImage extends PixelImage {
  storedGray: boolean;
  codec: string;
}

/** Recognises a format and reads its header; throws {@link ImageError} for bad input. */
export interface HeaderReader {
  name: string;
  matches(bytes: Uint8Array): boolean;
  readHeader(bytes: Uint8Array): ImageHeader;
}

/**
 * A pluggable image decoder. `readHeader` must be cheap and allocation-free so that oversized images
 * are refused before `decode` runs. Both throw {@link ImageError} for bad input.
 */
export interface ImageDecoder extends HeaderReader {
  /**
   * Upper estimate of the bytes that decoding and measuring the image hold at their peak, from the
   * header alone, so that a small file declaring a large image is refused before `decode` allocates.
   * Decoders without it are bounded by the pixel limit only.
   */
  peakBytes?(header: ImageHeader): number;
  decode(bytes: Uint8Array, header: ImageHeader): DecodedImage;
}
