import { describe, expect, it } from "vitest";
import { freshKernels, image, randomBytes } from "./helpers.js";

// The colour kernels split rows into planes 16 pixels at a time and resample 8 taps at a time, so
// widths around multiples of 8 and 16 (and below 16) exercise the scalar tails and the padding. The
// colour resize sums the high parts of its weights and sums a pixel again in full only when the low
// parts could change its rounding; the gray resize always sums both, so R = G = B against gray checks
// that shortcut on random pixels, which need the full sum for a few per cent of output pixels.
const kernels = freshKernels();
const SIZES = [
  [1, 1],
  [5, 3],
  [15, 9],
  [16, 2],
  [17, 33],
  [63, 70],
  [65, 17],
  [129, 47],
  [301, 199],
  [1000, 3],
  // Wider than the planes' fixed spacing (8192 bytes), so the resize takes its variable-stride copy.
  [8200, 3],
] as const;

function rgbToRgba(rgb: Uint8Array, alphaSeed: number): Uint8Array {
  const pixels = rgb.length / 3;
  const alpha = randomBytes(pixels, alphaSeed);
  const rgba = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
    rgba[4 * i + 3] = alpha[i] ?? 0;
  }
  return rgba;
}

describe("pixel formats", () => {
  it.each(SIZES)("rgb and rgba (random alpha) agree on every statistic at %ix%i", (width, height) => {
    const rgb = randomBytes(width * height * 3, width * 7 + height);
    const a = kernels.analyze({ width, height, format: "rgb", data: rgb });
    const b = kernels.analyze({ width, height, format: "rgba", data: rgbToRgba(rgb, width + 1) });
    expect(b).toEqual(a);
  });

  it.each(SIZES)("gray and the same pixels as R = G = B agree at %ix%i", (width, height) => {
    // Luma and brightness of (v, v, v) are exactly v, so the colour path (planes, three-channel
    // resize) must reproduce the gray path (one plane) bit for bit; entropy gains log2(3) bits.
    const gray = randomBytes(width * height, width + 3 * height);
    const rgb = new Uint8Array(gray.length * 3);
    for (let i = 0; i < gray.length; i++) rgb.fill(gray[i] ?? 0, 3 * i, 3 * i + 3);
    const g = kernels.analyze({ width, height, format: "gray", data: gray });
    const c = kernels.analyze({ width, height, format: "rgb", data: rgb });
    expect(c.brightness).toEqual(g.brightness);
    expect(c.blurriness).toBe(g.blurriness);
    expect(c.grayStd).toBe(g.grayStd);
    expect(c.grayscaleContent).toBe(true);
    expect(c.entropy).toBeCloseTo(g.entropy + Math.log2(3), 12);
  });

  it.each([
    [17, 16, 2, true],
    [17, 16, 3, false],
    [33, 32, 3, false],
    [40, 39, 3, false],
    [40, 0, 3, false],
  ])("grayscale check at width %i sees pixel %i off by %i -> %s", (width, x, offset, expected) => {
    const data = new Uint8Array(width * 2 * 3).fill(90);
    data[3 * (width + x) + 1] = 90 + offset; // second row
    expect(kernels.analyze({ width, height: 2, format: "rgb", data }).grayscaleContent).toBe(expected);
  });

  it("counts the odd pixels' histogram copy and a lone last pixel in the entropy", () => {
    // Black, white, black: in each channel 2 of 9 values at 0 and 1 of 9 at 255.
    const expected = -(3 * (2 / 9) * Math.log2(2 / 9) + 3 * (1 / 9) * Math.log2(1 / 9));
    const stats = kernels.analyze(image(3, 1, "rgb", [0, 0, 0, 255, 255, 255, 0, 0, 0]));
    expect(stats.entropy).toBeCloseTo(expected, 14);
  });
});
