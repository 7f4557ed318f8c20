import { describe, expect, it } from "vitest";
import { decodeImage } from "../src/decode.js";
import type { DecodedImage } from "../src/decoders/types.js";
import { CHANNELS, encodePng, type PngSpec } from "./png-writer.js";

/** RGB triples (or gray values) of a decoded image, alpha dropped. */
function visibleSamples(image: DecodedImage): number[] {
  const step = { gray: 1, rgb: 3, rgba: 4 }[image.format];
  const keep = image.format === "gray" ? 1 : 3;
  const out: number[] = [];
  for (let i = 0; i < image.data.length; i += step) out.push(...image.data.subarray(i, i + keep));
  return out;
}

/** Deterministic samples covering the full range of a bit depth. */
const ramp = (count: number, bitDepth: number): number[] =>
  Array.from({ length: count }, (_, i) => (i * 2654435761) % 2 ** bitDepth);

const spec = (
  colorType: PngSpec["colorType"],
  bitDepth: PngSpec["bitDepth"],
  extra: Partial<PngSpec> = {},
): PngSpec => {
  const width = 7;
  const height = 5;
  return {
    width,
    height,
    colorType,
    bitDepth,
    samples: ramp(width * height * CHANNELS[colorType], bitDepth),
    ...extra,
  };
};

/** What Pillow/CleanVision see: low depths scaled to 0..255, 16-bit reduced to the high byte. */
const to8bit = (v: number, depth: number): number =>
  depth === 16 ? v >> 8 : Math.round((v * 255) / (2 ** depth - 1));

describe("PNG decoding", () => {
  it.each([1, 2, 4, 8, 16] as const)("gray %i-bit -> gray, scaled like Pillow", (depth) => {
    const s = spec(0, depth);
    const image = decodeImage(encodePng(s));
    expect(image).toMatchObject({ width: 7, height: 5, format: "gray", storedGray: true, codec: "png" });
    expect([...image.data]).toEqual(s.samples.map((v) => to8bit(v, depth)));
  });

  it.each([8, 16] as const)("gray+alpha %i-bit -> gray, alpha ignored", (depth) => {
    const s = spec(4, depth);
    const image = decodeImage(encodePng(s));
    expect(image.format).toBe("gray");
    expect(image.storedGray).toBe(true);
    expect([...image.data]).toEqual(s.samples.filter((_, i) => i % 2 === 0).map((v) => to8bit(v, depth)));
  });

  it.each([
    [2, 8],
    [2, 16],
    [6, 8],
    [6, 16],
  ] as const)("colour type %i %i-bit -> RGB samples, alpha ignored", (colorType, depth) => {
    const s = spec(colorType, depth);
    const image = decodeImage(encodePng(s));
    expect(image.storedGray).toBe(false);
    expect(image.format).toBe(depth === 16 ? "rgb" : "rgba");
    const rgb = s.samples.filter((_, i) => colorType === 2 || i % 4 !== 3).map((v) => to8bit(v, depth));
    expect(visibleSamples(image)).toEqual(rgb);
  });

  it.each([1, 2, 4, 8] as const)("palette %i-bit with transparency -> palette colours", (depth) => {
    const entries = 2 ** depth;
    const palette = Array.from(
      { length: entries },
      (_, i) => [(i * 3) % 256, 255 - i, (i * 7) % 256] as const,
    );
    const s = spec(3, depth, {
      palette,
      trns: Uint8Array.from({ length: entries }, (_, i) => (i % 2 ? 0 : 128)),
    });
    const image = decodeImage(encodePng(s));
    expect(image.storedGray).toBe(false);
    expect(visibleSamples(image)).toEqual(
      s.samples.flatMap((index) => [...(palette[index] as readonly number[])]),
    );
  });

  it.each([
    [0, 2],
    [2, 8],
    [3, 4],
    [6, 16],
  ] as const)("interlaced colour type %i %i-bit decodes like the non-interlaced file", (colorType, depth) => {
    const palette =
      colorType === 3 ? Array.from({ length: 16 }, (_, i) => [i, i * 2, i * 3] as const) : undefined;
    const s = spec(colorType, depth, {
      palette,
      width: 13,
      height: 11,
      samples: ramp(13 * 11 * CHANNELS[colorType], depth),
    });
    const plain = decodeImage(encodePng(s));
    const interlaced = decodeImage(encodePng({ ...s, interlaced: true }));
    expect(visibleSamples(interlaced)).toEqual(visibleSamples(plain));
    expect(interlaced.format).toBe(plain.format);
  });

  it("keeps the colour of pixels a gray or RGB tRNS marks transparent", () => {
    const gray = spec(0, 8, { samples: Array(35).fill(200), trns: Uint8Array.from([0, 200]) });
    expect([...decodeImage(encodePng(gray)).data]).toEqual(Array(35).fill(200));
    const rgb = spec(2, 8, {
      samples: Array(35).fill([10, 20, 30]).flat(),
      trns: Uint8Array.from([0, 10, 0, 20, 0, 30]),
    });
    expect(visibleSamples(decodeImage(encodePng(rgb)))).toEqual(rgb.samples);
  });
});
