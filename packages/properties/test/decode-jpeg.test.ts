import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeImage } from "../src/decode.js";
import { readJpegHeader } from "../src/decoders/jpeg-header.js";
import { GOLDEN_DIR } from "./golden.js";
import { encodeJpeg, fourComponentJpeg } from "./jpeg-writer.js";

const golden = (path: string): Uint8Array => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));

describe("JPEG decoding", () => {
  it("decodes a colour JPEG to RGB close to what was encoded", () => {
    const bytes = encodeJpeg(24, 16, (x, y) => [x * 10, y * 15, 128]);
    const image = decodeImage(bytes);
    expect(image).toMatchObject({ width: 24, height: 16, format: "rgb", storedGray: false, codec: "jpeg" });
    expect(image.data.length).toBe(24 * 16 * 3);
    // pixel (12, 8): smooth gradient, so JPEG keeps it within a few levels
    const at = (8 * 24 + 12) * 3;
    expect(Math.abs((image.data[at] as number) - 120)).toBeLessThan(6);
    expect(Math.abs((image.data[at + 1] as number) - 120)).toBeLessThan(6);
    expect(Math.abs((image.data[at + 2] as number) - 128)).toBeLessThan(6);
  });

  it("decodes a single-component JPEG to one gray channel", () => {
    const image = decodeImage(golden("day/030-gray_L-none.jpg"));
    expect(image).toMatchObject({ width: 160, height: 120, format: "gray", storedGray: true });
    expect(image.data.length).toBe(160 * 120);
  });

  it("decodes progressive JPEGs", () => {
    const bytes = golden("day/006-color-blur2.progressive.jpg");
    expect(readJpegHeader(bytes).frameMarker).toBe(0xc2);
    expect(decodeImage(bytes)).toMatchObject({ width: 640, height: 480, format: "rgb" });
  });

  it("reads the size from the frame header without decoding", () => {
    expect(readJpegHeader(golden("day/017-near_blank-none.jpg"))).toMatchObject({
      width: 77,
      height: 301,
      components: 3,
    });
  });

  it.each([
    ["CMYK", 0],
    ["YCCK", 2],
  ])("decodes %s (Adobe marker) to RGB", (_, transform) => {
    const image = decodeImage(fourComponentJpeg(transform));
    expect(image).toMatchObject({ width: 8, height: 8, format: "rgb", storedGray: false });
    // about 50 % cyan, magenta, yellow and black: 255 * (1 - 0.5) * (1 - 0.5) = 63.75
    for (const v of image.data) expect(Math.abs(v - 63.75)).toBeLessThanOrEqual(1);
  });

  it("refuses four components without an Adobe marker, as jpeg-js cannot interpret them", () => {
    expect(() => decodeImage(fourComponentJpeg(), { path: "k.jpg" })).toThrow(
      "k.jpg: unsupported format: 4-component JPEG without an Adobe colour marker",
    );
  });
});
