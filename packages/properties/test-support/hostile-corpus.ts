import type { ImageErrorCode } from "../src/errors.js";
import { blankJpeg, encodeJpeg, fourComponentJpeg } from "../test/jpeg-writer.js";
import { chunk, encodePng } from "../test/png-writer.js";

/**
 * Broken, hostile and unusual image files with the outcome each must have, shared by this package's
 * decoding tests and the CLI's end-to-end test (which runs the same files through `sc scan`).
 */

/** Deterministic pseudo-random bytes (xorshift32); `seed` must not be 0. */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 255;
  }
  return out;
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG that stops after its IHDR chunk: enough to be refused from the header. */
export function pngHeaderOnly(
  width: number,
  height: number,
  { interlace = 0, colorType = 0, bitDepth = 8 } = {},
): Uint8Array {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([bitDepth, colorType, 0, 0, interlace], 8);
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", ihdr)]);
}

/** SOI, a frame header of the given type, size and component count, an empty scan and EOI. */
export function jpegWithFrame(marker: number, width: number, height: number, components = 1): Uint8Array {
  const ids = Array.from({ length: components }, (_, i) => i + 1);
  const frame = [8, height >> 8, height & 255, width >> 8, width & 255, components];
  const scan = [components, ...ids.flatMap((id) => [id, 0]), 0, 63, 0];
  return Uint8Array.from([
    0xff,
    0xd8,
    ...[0xff, marker, 0, 8 + 3 * components, ...frame, ...ids.flatMap((id) => [id, 0x11, 0])],
    ...[0xff, 0xda, 0, 2 + scan.length, ...scan],
    0xff,
    0xd9,
  ]);
}

/**
 * 5600x5600 gray in 120 kB: within the pixel and memory limits, but jpeg-js needs seconds for it, so
 * it stands in for a stuck decode where a per-file time limit is under test.
 */
export const slowJpeg = (): Uint8Array => blankJpeg(5600, 5600, 1);

/** A small colour PNG and JPEG to break in various ways. */
export const smallPng = encodePng({
  width: 9,
  height: 9,
  colorType: 2,
  bitDepth: 8,
  samples: [...noise(243, 7)],
});
export const smallJpeg = encodeJpeg(16, 16, (x, y) => [x * 16, y * 16, (x * y) % 256]);

export type Expected =
  | { outcome: "scored"; width: number; height: number; storedGray: boolean }
  | { outcome: "error"; code: ImageErrorCode; reason: string };

export interface CorpusFile {
  /** File name, hostile ones included; the extension is what a folder source sees. */
  name: string;
  bytes: Uint8Array;
  expected: Expected;
}

const scored = (width: number, height: number, storedGray = false): Expected => ({
  outcome: "scored",
  width,
  height,
  storedGray,
});
const refused = (code: ImageErrorCode, reason: string): Expected => ({ outcome: "error", code, reason });

const withFlippedByte = (bytes: Uint8Array, at: number): Uint8Array => {
  const out = Uint8Array.from(bytes);
  out[at] = (out[at] as number) ^ 1;
  return out;
};

/** A valid chunk list whose only IDAT holds bytes that are not a zlib stream. */
const badZlibPng = (): Uint8Array => {
  const good = encodePng({ width: 4, height: 4, colorType: 0, bitDepth: 8, samples: Array(16).fill(1) });
  return Buffer.concat([good.subarray(0, 33), chunk("IDAT", noise(20, 3)), chunk("IEND", new Uint8Array())]);
};

const gradient = (width: number, height: number, channels: number, max = 255): number[] =>
  Array.from({ length: width * height * channels }, (_, i) =>
    Math.round((i / (width * height * channels)) * max),
  );

/** Every case of the hostile-input issue that is a single file, in a stable order. */
export function hostileImageFiles(): CorpusFile[] {
  return [
    { name: "zero-byte.jpg", bytes: new Uint8Array(0), expected: refused("empty", "empty file") },
    {
      name: "random-bytes.jpg",
      bytes: noise(4096, 1),
      expected: refused("unsupported_format", "not a PNG or JPEG image"),
    },
    {
      name: "text-named.png",
      bytes: Buffer.from("hello, world\n"),
      expected: refused("unsupported_format", "not a PNG or JPEG image"),
    },
    {
      name: "notes.txt.jpg",
      bytes: Buffer.from("<html><script>alert(1)</script></html>"),
      expected: refused("unsupported_format", "not a PNG or JPEG image"),
    },
    {
      name: "truncated.jpg",
      bytes: smallJpeg.subarray(0, smallJpeg.length - 100),
      expected: refused("truncated", "truncated JPEG: no end-of-image marker"),
    },
    {
      name: "truncated.png",
      bytes: smallPng.subarray(0, smallPng.length - 30),
      expected: refused("truncated", "truncated PNG: IDAT chunk runs past the end of the file"),
    },
    {
      name: "corrupt-zlib.png",
      bytes: badZlibPng(),
      expected: refused("corrupt", "corrupt PNG: corrupt image data"),
    },
    {
      name: "crc-mismatch.png",
      bytes: withFlippedByte(smallPng, 50),
      expected: refused("corrupt", "corrupt PNG: IDAT chunk checksum mismatch"),
    },
    {
      name: "bomb.png",
      bytes: pngHeaderOnly(100000, 100000),
      expected: refused("too_large", "PNG declares 100000x100000 pixels, over the 100 MP limit"),
    },
    {
      name: "bomb.jpg",
      bytes: jpegWithFrame(0xc0, 65535, 65535, 3),
      expected: refused("too_large", "JPEG declares 65535x65535 pixels, over the 100 MP limit"),
    },
    {
      // A complete 1.2 MB file that jpeg-js, were it let through, decodes in 3.2 GB and a minute.
      name: "memory-bomb.jpg",
      bytes: blankJpeg(10000, 10000, 3),
      expected: refused(
        "too_large",
        "JPEG declares 10000x10000 pixels, which need about 3720 MiB to decode, over the 512 MiB memory limit",
      ),
    },
    {
      // Decoding is refused from the header, so the file need not carry the 0.8 MB of image data.
      name: "memory-bomb.png",
      bytes: pngHeaderOnly(10000, 10000, { colorType: 6, bitDepth: 16 }),
      expected: refused(
        "too_large",
        "PNG declares 10000x10000 pixels, which need about 3624 MiB to decode, over the 512 MiB memory limit",
      ),
    },
    {
      name: "arithmetic.jpg",
      bytes: jpegWithFrame(0xc9, 8, 8),
      expected: refused("unsupported_format", "unsupported format: arithmetic-coded JPEG"),
    },
    {
      name: "sixteen-bit.png",
      bytes: encodePng({
        width: 5,
        height: 3,
        colorType: 2,
        bitDepth: 16,
        samples: gradient(5, 3, 3, 65535),
      }),
      expected: scored(5, 3),
    },
    { name: "cmyk.jpg", bytes: fourComponentJpeg(0), expected: scored(8, 8) },
    {
      name: "palette-transparency.png",
      bytes: encodePng({
        width: 4,
        height: 2,
        colorType: 3,
        bitDepth: 2,
        samples: [0, 1, 2, 3, 3, 2, 1, 0],
        palette: [
          [255, 0, 0],
          [0, 255, 0],
          [0, 0, 255],
          [9, 9, 9],
        ],
        trns: Uint8Array.from([0, 128]),
      }),
      expected: scored(4, 2),
    },
    {
      name: "gray-alpha.png",
      bytes: encodePng({ width: 3, height: 3, colorType: 4, bitDepth: 8, samples: gradient(3, 3, 2) }),
      expected: scored(3, 3, true),
    },
    {
      name: "one-pixel.png",
      bytes: encodePng({ width: 1, height: 1, colorType: 2, bitDepth: 8, samples: [10, 20, 30] }),
      expected: scored(1, 1),
    },
    {
      name: "wide-4000x2.png",
      bytes: encodePng({ width: 4000, height: 2, colorType: 0, bitDepth: 8, samples: gradient(4000, 2, 1) }),
      expected: scored(4000, 2, true),
    },
    { name: "UPPER.JPG", bytes: smallJpeg, expected: scored(16, 16) },
    { name: "Mixed.PnG", bytes: smallPng, expected: scored(9, 9) },
    { name: "jpeg-named.png", bytes: smallJpeg, expected: scored(16, 16) },
    { name: "<img src=x onerror=alert(1)>.jpg", bytes: smallJpeg, expected: scored(16, 16) },
    { name: `quotes "double" 'single' & amp;.png`, bytes: smallPng, expected: scored(9, 9) },
    { name: "unicode café 日本 🐱 \u202egnp.jpg", bytes: smallJpeg, expected: scored(16, 16) },
    { name: "  spaces  inside  .png", bytes: smallPng, expected: scored(9, 9) },
    { name: "line\nbreak\ttab.png", bytes: smallPng, expected: scored(9, 9) },
    ...(
      [
        ["gif", "GIF", "GIF89a\u0001\u0000\u0001\u0000"],
        ["webp", "WebP", "RIFF\u0024\u0000\u0000\u0000WEBPVP8 "],
        ["bmp", "BMP", `BM\u0046\u0000\u0000\u0000\u0000\u0000\u0000\u0000${"\u0000".repeat(20)}`],
        ["tif", "TIFF", "II*\u0000\u0008\u0000\u0000\u0000"],
        ["avif", "AVIF", "\u0000\u0000\u0000\u0020ftypavif\u0000\u0000\u0000\u0000"],
      ] as const
    ).map(([extension, format, magic]) => ({
      name: `magic.${extension}`,
      bytes: Buffer.from(magic, "latin1"),
      expected: refused("unsupported_format", `unsupported format: ${format}`),
    })),
  ];
}
