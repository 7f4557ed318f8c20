import { readFileSync } from "node:fs";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { decodeImage } from "../src/decode.js";
import { readJpegHeader } from "../src/decoders/jpeg-header.js";
import { GOLDEN_DIR } from "./golden.js";

const golden = (path: string): Uint8Array => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));

export function encodeJpeg(width: number, height: number, pixel: (x: number, y: number) => number[]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([...pixel(x, y), 255], (y * width + x) * 4);
  }
  return jpeg.encode({ width, height, data }, 90).data;
}

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
    expect(readJpegHeader(golden("day/017-near_blank-none.jpg"))).toMatchObject({ width: 77, height: 301, components: 3 });
  });
});
