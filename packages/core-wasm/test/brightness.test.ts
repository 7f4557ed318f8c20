import { describe, expect, it } from "vitest";
import { freshKernels, image, numpyPercentile, randomBytes } from "./helpers.js";

const kernels = freshKernels();
const QS = [1, 5, 10, 15, 90, 95, 99] as const;

describe("brightness percentiles", () => {
  it("interpolates between order statistics like numpy on a 2x2 gray image", () => {
    // b = 0, 0.2, 0.4, 1; virtual index 3q.
    const { brightness } = kernels.analyze(image(2, 2, "gray", [0, 51, 102, 255]));
    expect(brightness.p1).toBeCloseTo(0.2 * 0.03, 15);
    expect(brightness.p5).toBeCloseTo(0.2 * 0.15, 15);
    expect(brightness.p10).toBeCloseTo(0.2 * 0.3, 15);
    expect(brightness.p15).toBeCloseTo(0.2 * 0.45, 15);
    expect(brightness.p90).toBeCloseTo(0.4 + 0.6 * 0.7, 15);
    expect(brightness.p95).toBeCloseTo(0.4 + 0.6 * 0.85, 15);
    expect(brightness.p99).toBeCloseTo(0.4 + 0.6 * 0.97, 15);
  });

  it("weights the channels 0.241, 0.691, 0.068 inside a square root on a 3x1 rgb image", () => {
    const red = Math.sqrt(0.241);
    const green = Math.sqrt(0.691);
    const blue = Math.sqrt(0.068);
    // Sorted: blue < red < green; virtual index 2q.
    const { brightness } = kernels.analyze(image(3, 1, "rgb", [255, 0, 0, 0, 255, 0, 0, 0, 255]));
    expect(brightness.p1).toBeCloseTo(blue + (red - blue) * 0.02, 12);
    expect(brightness.p15).toBeCloseTo(blue + (red - blue) * 0.3, 12);
    expect(brightness.p90).toBeCloseTo(green - (green - red) * 0.2, 12);
    expect(brightness.p99).toBeCloseTo(green - (green - red) * 0.02, 12);
  });

  it("returns the single value for a 1x1 image", () => {
    const { brightness } = kernels.analyze(image(1, 1, "rgb", [10, 20, 30]));
    const b = Math.sqrt(0.241 * 100 + 0.691 * 400 + 0.068 * 900) / 255;
    for (const q of QS) expect(brightness[`p${q}`]).toBeCloseTo(b, 14);
  });

  it.each([
    [301, 199, 1],
    [64, 64, 2],
    [1000, 3, 3],
  ])("equals a full sort on random %ix%i rgb pixels (seed %i)", (width, height, seed) => {
    const data = randomBytes(width * height * 3, seed);
    // Squeeze values into a narrow band so many pixels share coarse bins and ranks share bins.
    if (seed === 3) data.set(data.map((v) => 100 + (v % 7)));
    const b = new Float64Array(width * height);
    for (let i = 0; i < b.length; i++) {
      const [r = 0, g = 0, bl = 0] = data.subarray(3 * i, 3 * i + 3);
      b[i] = Math.sqrt(0.241 * r * r + 0.691 * g * g + 0.068 * bl * bl) / 255;
    }
    const { brightness } = kernels.analyze({ width, height, format: "rgb", data });
    for (const q of QS) expect(brightness[`p${q}`]).toBeCloseTo(numpyPercentile(b, q), 12);
  });

  // 3x2 (seed 6) and 4x4 (seed 16) hit percentiles where numpy's t >= 0.5 formula differs in the last bit.
  it.each([
    [97, 61, 4],
    [3, 2, 6],
    [4, 4, 16],
  ])("matches numpy bit for bit on random %ix%i gray pixels (seed %i)", (width, height, seed) => {
    // Gray brightness is v / 255 on both sides, so even numpy's choice of lerp formula is visible.
    const data = randomBytes(width * height, seed);
    const b = Float64Array.from(data, (v) => v / 255);
    const { brightness } = kernels.analyze({ width, height, format: "gray", data });
    for (const q of QS) expect(brightness[`p${q}`]).toBe(numpyPercentile(b, q));
  });
});
