import { ImageError } from "../errors.js";
import { dataView, isPng, PNG_SIGNATURE_LENGTH } from "./png-chunks.js";
import type { HeaderReader, ImageHeader } from "./types.js";

/** Samples per pixel and allowed bit depths of each PNG colour type. */
export const COLOR_TYPES: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

export interface PngHeader extends ImageHeader {
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

function readPngHeader(bytes: Uint8Array): PngHeader {
  const ihdr = PNG_SIGNATURE_LENGTH;
  if (bytes.length < ihdr + 25) throw new ImageError("truncated", "truncated PNG: incomplete IHDR header");
  const view = dataView(bytes);
  const type = String.fromCharCode(...bytes.subarray(ihdr + 4, ihdr + 8));
  if (type !== "IHDR" || view.getUint32(ihdr) !== 13) {
    throw new ImageError("corrupt", "corrupt PNG: the first chunk is not a 13-byte IHDR");
  }
  const width = view.getUint32(ihdr + 8);
  const height = view.getUint32(ihdr + 12);
  const bitDepth = view.getUint8(ihdr + 16);
  const colorType = view.getUint8(ihdr + 17);
  const interlace = view.getUint8(ihdr + 20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    throw new ImageError("corrupt", `corrupt PNG: invalid size ${width}x${height}`);
  }
  if (!COLOR_TYPES[colorType]?.depths.includes(bitDepth)) {
    throw new ImageError(
      "corrupt",
      `corrupt PNG: invalid colour type ${colorType} with bit depth ${bitDepth}`,
    );
  }
  if (interlace > 1) throw new ImageError("corrupt", `corrupt PNG: unknown interlace method ${interlace}`);
  return {
    codec: "png",
    width,
    height,
    storedGray: colorType === 0 || colorType === 4,
    bitDepth,
    colorType,
    interlaced: interlace === 1,
  };
}

/** Reads the IHDR chunk; no pixel decoding, so it has no dependencies (browser-safe). */
export const pngHeaderReader: HeaderReader = { name: "png", matches: isPng, readHeader: readPngHeader };
