import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { decodeImage, defaultDecoders } from "../src/decode.js";
import { readImageHeader } from "../src/decode-core.js";
import { MAX_SCANS } from "../src/decoders/jpeg-header.js";
import type { ImageDecoder } from "../src/decoders/types.js";
import { ImageError, type ImageErrorCode } from "../src/errors.js";
import { jpegWithFrame, noise, pngHeaderOnly, smallJpeg, smallPng } from "../test-support/hostile-corpus.js";
import { GOLDEN_DIR } from "./golden.js";
import { chunk, encodePng } from "./png-writer.js";

const expectImageError = (
  bytes: Uint8Array,
  code: ImageErrorCode,
  reason: string | RegExp,
  maxPixels?: number,
) => {
  let error: unknown;
  try {
    decodeImage(bytes, { path: "set/x.img", maxPixels });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImageError);
  const e = error as ImageError;
  expect(e.code).toBe(code);
  expect(e.path).toBe("set/x.img");
  expect(e.reason).toMatch(reason);
  expect(e.message).toBe(`set/x.img: ${e.reason}`);
};

describe("refusing bad input", () => {
  it("empty file", () => expectImageError(new Uint8Array(0), "empty", "empty file"));
  it("text", () =>
    expectImageError(Buffer.from("hello, world\n"), "unsupported_format", "not a PNG or JPEG image"));
  it("random bytes", () => expectImageError(noise(4096, 1), "unsupported_format", "not a PNG or JPEG image"));

  it.each([
    ["GIF", "GIF89a\u0001\u0000\u0001\u0000"],
    ["WebP", "RIFF\u0024\u0000\u0000\u0000WEBPVP8 "],
    ["TIFF", "II*\u0000\u0008\u0000\u0000\u0000"],
    ["AVIF", "\u0000\u0000\u0000\u0020ftypavif\u0000\u0000\u0000\u0000"],
    ["BMP", `BM\u0046\u0000\u0000\u0000\u0000\u0000\u0000\u0000${"\u0000".repeat(20)}`],
  ])("names %s", (name, magic) => {
    expectImageError(Buffer.from(magic, "latin1"), "unsupported_format", `unsupported format: ${name}`);
  });

  it("truncated PNG", () => {
    expectImageError(
      smallPng.subarray(0, smallPng.length - 30),
      "truncated",
      /^truncated PNG: IDAT chunk runs past/,
    );
    expectImageError(smallPng.subarray(0, smallPng.length - 12), "truncated", "truncated PNG: no IEND chunk");
    expectImageError(smallPng.subarray(0, 20), "truncated", "truncated PNG: incomplete IHDR header");
  });

  it("PNG checksum mismatch", () => {
    const bad = Uint8Array.from(smallPng);
    bad[50] = (bad[50] as number) ^ 1; // inside the IDAT data
    expectImageError(bad, "corrupt", "corrupt PNG: IDAT chunk checksum mismatch");
  });

  it("PNG with a corrupt zlib stream", () => {
    const bad = encodePng({ width: 4, height: 4, colorType: 0, bitDepth: 8, samples: Array(16).fill(1) });
    const fixedCrc = Buffer.concat([
      bad.subarray(0, 33),
      chunk("IDAT", noise(20, 3)),
      chunk("IEND", new Uint8Array()),
    ]);
    expectImageError(fixedCrc, "corrupt", "corrupt PNG: corrupt image data");
  });

  it("PNG whose image data is cut short inside a consistent chunk", () => {
    const samples = [...noise(64, 9)];
    const full = deflateSync(Uint8Array.from([0, ...samples.slice(0, 8), 0, ...samples.slice(8, 16)]));
    const twoRowsOfEight = Buffer.concat([
      pngHeaderOnly(8, 8),
      chunk("IDAT", full),
      chunk("IEND", new Uint8Array()),
    ]);
    expectImageError(twoRowsOfEight, "corrupt", "corrupt PNG: image data inflates to 18 bytes, expected 72");
  });

  it("truncated JPEG", () => {
    expectImageError(
      smallJpeg.subarray(0, smallJpeg.length - 100),
      "truncated",
      "truncated JPEG: no end-of-image marker",
    );
    expectImageError(smallJpeg.subarray(0, 40), "truncated", /^truncated JPEG: /);
  });

  it("progressive JPEG with hundreds of scans (CPU bomb)", () => {
    const file = readFileSync(new URL("images/day/006-color-blur2.progressive.jpg", GOLDEN_DIR));
    const lastScan = file.lastIndexOf(Buffer.from([0xff, 0xda]));
    const scan = file.subarray(lastScan, file.length - 2);
    const copies = Array<Uint8Array>(MAX_SCANS).fill(scan);
    const bomb = Buffer.concat([
      file.subarray(0, file.length - 2),
      ...copies,
      file.subarray(file.length - 2),
    ]);
    expectImageError(
      bomb,
      "corrupt",
      `corrupt JPEG: ${MAX_SCANS + 10} scans, more than the ${MAX_SCANS} accepted`,
    );
  });

  it("JPEG coding types jpeg-js cannot decode", () => {
    expectImageError(
      jpegWithFrame(0xc9, 8, 8),
      "unsupported_format",
      "unsupported format: arithmetic-coded JPEG",
    );
    expectImageError(jpegWithFrame(0xc3, 8, 8), "unsupported_format", "unsupported format: lossless JPEG");
  });

  it("PNG bomb header is refused before decoding", () => {
    const decoders = defaultDecoders();
    const spies = decoders.map((d) => vi.spyOn(d, "decode"));
    const bytes = pngHeaderOnly(100000, 100000);
    expect(() => decodeImage(bytes, { decoders })).toThrow(
      "<bytes>: PNG declares 100000x100000 pixels, over the 100 MP limit",
    );
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("JPEG bomb header is refused before decoding", () => {
    expectImageError(
      jpegWithFrame(0xc0, 65535, 65535),
      "too_large",
      "JPEG declares 65535x65535 pixels, over the 100 MP limit",
    );
  });

  it("a small file declaring an image within the pixel limit but too big to decode in memory", () => {
    // Found while building the fuzzer: a 0.8 MB PNG of 10000x10000 16-bit RGBA made pngjs take 3.4 GB.
    const decoders = defaultDecoders();
    const spies = decoders.map((d) => vi.spyOn(d, "decode"));
    const bomb = pngHeaderOnly(10000, 10000, { colorType: 6, bitDepth: 16 });
    expect(() => decodeImage(bomb, { decoders })).toThrow(
      "PNG declares 10000x10000 pixels, which need about 3624 MiB to decode, over the 512 MiB memory limit",
    );
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // Within a larger budget the header passes and the missing image data is what fails.
    expect(() => decodeImage(bomb, { decoders, maxDecodeBytes: 4 * 2 ** 30 })).toThrow(
      "truncated PNG: no IEND chunk",
    );
  });

  it("the JPEG memory estimate counts subsampled chroma at its stored size", () => {
    const subsampled = (factors: readonly number[]) => {
      const jpeg = jpegWithFrame(0xc0, 6000, 6000, 3);
      factors.forEach((f, i) => {
        jpeg[2 + 4 + 6 + 3 * i + 1] = f; // SOI, marker + length, 6 frame bytes, then id/factors/table
      });
      return jpeg;
    };
    // 4:4:4: 3 full planes (11 bytes a sample) + 6 bytes a pixel = 39 bytes a pixel, 1339 MiB.
    expect(() => decodeImage(subsampled([0x11, 0x11, 0x11]))).toThrow("need about 1339 MiB");
    // 4:2:0: 1.5 planes = 22.5 bytes a pixel, 773 MiB.
    expect(() => decodeImage(subsampled([0x22, 0x11, 0x11]))).toThrow("need about 773 MiB");
    // Other decoders (e.g. sharp) read the header through readImageHeader and bring their own budget.
    expect(readImageHeader(subsampled([0x11, 0x11, 0x11])).width).toBe(6000);
  });

  it("the pixel limit is configurable", () => {
    expectImageError(smallPng, "too_large", "PNG declares 9x9 pixels, over the 0.00005 MP limit", 50);
    expect(decodeImage(smallPng, { maxPixels: 81 }).width).toBe(9);
  });

  it("PNG whose data inflates far beyond its size (zlib bomb), interlaced or not", () => {
    const bomb = Buffer.concat([
      pngHeaderOnly(100, 100, { interlace: 1 }),
      chunk("IDAT", deflateSync(new Uint8Array(20_000_000))),
      chunk("IEND", new Uint8Array()),
    ]);
    expectImageError(bomb, "corrupt", "corrupt PNG: image data inflates beyond the declared size");
    bomb[8 + 8 + 12] = 0; // the interlace byte of IHDR; fix its CRC too
    bomb.set(chunk("IHDR", bomb.subarray(16, 29)), 8);
    expectImageError(bomb, "corrupt", "corrupt PNG: image data inflates beyond the declared size");
  });

  it("mutated PNG and JPEG files decode or throw ImageError, never anything else", () => {
    for (const [seed, original] of [smallPng, smallJpeg].flatMap((file) =>
      [1, 2, 3, 4, 5, 6, 7, 8].map((s) => [s, file] as const),
    )) {
      for (let round = 0; round < 25; round++) {
        const bytes = Uint8Array.from(original);
        const flips = noise(8, seed * 1000 + round);
        for (let k = 0; k < 8; k += 2) {
          const at = 2 + ((((flips[k] as number) << 8) | (flips[k + 1] as number)) % (bytes.length - 2));
          bytes[at] = flips[(k + 1) % 8] as number;
        }
        try {
          decodeImage(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ImageError);
        }
      }
    }
  });
});

describe("plugged-in decoders", () => {
  const fake: ImageDecoder = {
    name: "fake",
    matches: (bytes) => bytes[0] === 0x46,
    readHeader: () => ({ codec: "fake", width: 2, height: 1, storedGray: true }),
    decode: (_bytes, header) => ({ ...header, format: "gray", data: Uint8Array.from([0, 255]) }),
  };

  it("are used when they match", () => {
    expect(decodeImage(Buffer.from("F"), { decoders: [fake] })).toMatchObject({ codec: "fake", width: 2 });
  });

  it("failures become ImageError naming the file", () => {
    const broken = {
      ...fake,
      decode: () => {
        throw new TypeError("boom");
      },
    };
    expect(() => decodeImage(Buffer.from("F"), { decoders: [broken], path: "a.fake" })).toThrow(
      new ImageError("corrupt", "cannot decode: boom", "a.fake"),
    );
  });
});

describe("fuzzer findings (pnpm fuzz --seed 2), one regression each", () => {
  it("PNG with a second IHDR of another size: pngjs decoded 255x1 pixels for a 1x1 header", () => {
    const otherSize = pngHeaderOnly(255, 1, { colorType: 2 }).subarray(8);
    const bytes = Buffer.concat([smallPng.subarray(0, 33), otherSize, smallPng.subarray(33)]);
    expectImageError(bytes, "corrupt", "corrupt PNG: more than one IHDR chunk");
  });

  it("JPEG with its frame header repeated 300 times: jpeg-js took 4 GB and 50 s for a 7 kB file", () => {
    const frameAt = smallJpeg.findIndex((b, i) => b === 0xff && smallJpeg[i + 1] === 0xc0);
    const length = 2 + (((smallJpeg[frameAt + 2] as number) << 8) | (smallJpeg[frameAt + 3] as number));
    const sof = smallJpeg.subarray(frameAt, frameAt + length);
    expect(sof[1]).toBe(0xc0);
    const repeated = Buffer.concat([
      smallJpeg.subarray(0, frameAt + length),
      ...Array<Uint8Array>(300).fill(sof),
      smallJpeg.subarray(frameAt + length),
    ]);
    expectImageError(repeated, "corrupt", "corrupt JPEG: more than one frame header");
    // A frame header after the first scan is refused too.
    const afterScan = Buffer.concat([smallJpeg.subarray(0, -2), sof, smallJpeg.subarray(-2)]);
    expectImageError(afterScan, "corrupt", "corrupt JPEG: more than one frame header");
  });

  it("a decoder whose pixels do not match the header it read is refused, not passed to the kernels", () => {
    const liar: ImageDecoder = {
      name: "liar",
      matches: () => true,
      readHeader: () => ({ codec: "liar", width: 1, height: 1, storedGray: false }),
      decode: (_bytes, header) => ({ ...header, format: "rgba", data: new Uint8Array(1020) }),
    };
    expect(() => decodeImage(Buffer.from("x"), { decoders: [liar], path: "a.liar" })).toThrow(
      new ImageError(
        "corrupt",
        "corrupt LIAR: decoded 1x1 rgba pixels (1020 bytes) for a header of 1x1",
        "a.liar",
      ),
    );
  });
});
