import { readFileSync } from "node:fs";
import { decodeImage } from "@sc/properties";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { GOLDEN_DIR } from "../../properties/test/golden.js";
import { encodeJpeg, fourComponentJpeg } from "../../properties/test/jpeg-writer.js";
import { loadNativeDecoder } from "../src/load.js";
import { portableDecoder } from "../src/portable.js";
import { createSharpDecoder } from "../src/sharp-decoder.js";
import { failure } from "./jpeg-cases.js";

const native = await loadNativeDecoder({ minPixels: 0 });
const golden = (path: string) => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));
/** A 48x32 colour JPEG: a red-green gradient over a blue stripe pattern. */
const colourJpeg = encodeJpeg(48, 32, (x, y) => [x * 5, y * 7, x % 8 < 4 ? 200 : 40]);

describe("portable decoder", () => {
  it("gives the same pixels as @sc/properties' decodeImage", async () => {
    expect(await portableDecoder.decode(colourJpeg)).toEqual(decodeImage(colourJpeg));
  });
});

describe.skipIf(native === undefined)("sharp decoder", () => {
  const decode = (bytes: Uint8Array, options = {}) => {
    if (native === undefined) throw new Error("unreachable: the suite is skipped without a decoder");
    return native.decode(bytes, options);
  };

  it("decodes colour JPEGs to RGB within JPEG rounding of jpeg-js", async () => {
    const image = await decode(colourJpeg);
    const reference = jpeg.decode(colourJpeg, { useTArray: true, formatAsRGBA: false }).data;
    expect([image.width, image.height, image.format, image.storedGray, image.codec]).toEqual([
      48,
      32,
      "rgb",
      false,
      "jpeg",
    ]);
    expect(image.data).toHaveLength(reference.length);
    const worst = image.data.reduce((m, v, i) => Math.max(m, Math.abs(v - (reference[i] as number))), 0);
    expect(worst).toBeLessThanOrEqual(4);
  });

  it("keeps single-channel JPEGs gray, one byte per pixel", async () => {
    const bytes = golden("day/030-gray_L-none.jpg");
    const image = await decode(bytes);
    const portable = decodeImage(bytes);
    expect([image.format, image.storedGray, image.data.length]).toEqual(["gray", true, 160 * 120]);
    const worst = image.data.reduce((m, v, i) => Math.max(m, Math.abs(v - (portable.data[i] as number))), 0);
    expect(worst).toBeLessThanOrEqual(2);
  });

  it("leaves PNG and four-component JPEGs to the portable decoders (identical pixels)", async () => {
    for (const bytes of [golden("day/032-near_blank-blur6.png"), fourComponentJpeg(0)]) {
      expect(await decode(bytes)).toEqual(decodeImage(bytes));
    }
  });

  it("leaves JPEGs under minPixels to jpeg-js (cheaper per call) and takes the rest", async () => {
    if (native === undefined) throw new Error("unreachable: the suite is skipped without a decoder");
    const sharp = (await import("sharp")).default;
    const routed = createSharpDecoder(sharp, { minPixels: 48 * 32 + 1 });
    expect(await routed.decode(colourJpeg)).toEqual(decodeImage(colourJpeg));
    const exact = createSharpDecoder(sharp, { minPixels: 48 * 32 });
    expect(await exact.decode(colourJpeg)).toEqual(await native.decode(colourJpeg));
    expect(await exact.decode(colourJpeg)).not.toEqual(decodeImage(colourJpeg));
  });

  it("refuses images over the pixel limit before decoding, naming the file", async () => {
    const error = await failure(decode(colourJpeg, { path: "big.jpg", maxPixels: 48 * 32 - 1 }));
    expect([error.code, error.path]).toEqual(["too_large", "big.jpg"]);
  });

  it("refuses images whose output would exceed the memory limit, before decoding", async () => {
    const error = await failure(
      decode(colourJpeg, { path: "wide.jpg", maxDecodeBytes: 2 * 48 * 32 * 3 - 1 }),
    );
    expect([error.code, error.message]).toEqual([
      "too_large",
      "wide.jpg: JPEG declares 48x32 pixels, which need about 1 MiB to decode, over the 1 MiB memory limit",
    ]);
    expect((await decode(colourJpeg, { maxDecodeBytes: 2 * 48 * 32 * 3 })).data).toHaveLength(48 * 32 * 3);
  });

  it("applies the header checks of @sc/properties: a cut-off file is truncated", async () => {
    const error = await failure(decode(colourJpeg.subarray(0, colourJpeg.length - 40), { path: "cut.jpg" }));
    expect([error.code, error.message]).toEqual([
      "truncated",
      "cut.jpg: truncated JPEG: no end-of-image marker",
    ]);
  });

  it("turns libvips failures into a corrupt-JPEG error naming the file", async () => {
    const broken = colourJpeg.slice();
    const scan = broken.findIndex((b, i) => b === 0xff && broken[i + 1] === 0xda);
    // The scan names a component the frame does not have: libjpeg stops with an error.
    broken[scan + 5] = 99;
    const error = await failure(decode(broken, { path: "bad.jpg" }));
    expect([error.code, error.path]).toEqual(["corrupt", "bad.jpg"]);
    expect(error.reason).toMatch(/^corrupt JPEG: /);
  });

  it("refuses empty and unknown bytes like the portable path", async () => {
    expect((await failure(decode(new Uint8Array(0), { path: "e.jpg" }))).code).toBe("empty");
    expect((await failure(decode(new TextEncoder().encode("GIF89a...."), { path: "a.gif" }))).reason).toBe(
      "unsupported format: GIF",
    );
  });
});
