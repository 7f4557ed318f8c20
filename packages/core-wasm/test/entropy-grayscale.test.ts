import { describe, expect, it } from "vitest";
import { constant, freshKernels, image } from "./helpers.js";

const kernels = freshKernels();

describe("entropy", () => {
  it("is 1 bit for a two-value gray image", () => {
    expect(kernels.analyze(image(2, 1, "gray", [0, 255])).entropy).toBeCloseTo(1, 14);
  });

  it("is 0 for a constant gray image", () => {
    expect(kernels.analyze(constant(5, 4, "gray", [77])).entropy).toBe(0);
  });

  it("spreads over the 768 bins of the three channels for rgb", () => {
    // One value per channel: 3 bins of 1/3.
    expect(kernels.analyze(constant(9, 7, "rgb", [1, 2, 3])).entropy).toBeCloseTo(Math.log2(3), 14);
    // Black and white: 6 bins of 1/6.
    expect(kernels.analyze(image(2, 1, "rgb", [0, 0, 0, 255, 255, 255])).entropy).toBeCloseTo(
      Math.log2(6),
      14,
    );
  });

  it("uses unequal probabilities as -sum p log2 p", () => {
    // Gray values 0, 0, 0, 9: p = 3/4, 1/4.
    const expected = -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25));
    expect(kernels.analyze(image(4, 1, "gray", [0, 0, 0, 9])).entropy).toBeCloseTo(expected, 14);
  });
});

describe("grayscale content", () => {
  it.each([
    [[10, 12, 10], true],
    [[10, 13, 10], false],
    [[10, 12, 14], true],
    [[10, 10, 13], false],
    [[200, 198, 200], true],
    [[200, 197, 200], false],
  ])("pixel %j among gray pixels -> %s", (pixel, expected) => {
    const data = [50, 50, 50, ...pixel, 90, 90, 90];
    expect(kernels.analyze(image(3, 1, "rgb", data)).grayscaleContent).toBe(expected);
  });

  it("is always true for gray input", () => {
    expect(kernels.analyze(image(2, 1, "gray", [0, 255])).grayscaleContent).toBe(true);
  });
});
