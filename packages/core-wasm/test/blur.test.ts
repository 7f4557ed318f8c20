import { describe, expect, it } from "vitest";
import { constant, freshKernels, image, populationStd, singleBinCountStd } from "./helpers.js";

const kernels = freshKernels();
const zeros = (n: number) => new Array<number>(n).fill(0);
const pilLuma = (r: number, g: number, b: number) => (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;

describe("FIND_EDGES blurriness and luma histogram std (no shrink)", () => {
  it("clips the spike response to 255 and copies the border", () => {
    const stats = kernels.analyze(image(3, 3, "gray", [0, 0, 0, 0, 255, 0, 0, 0, 0]));
    expect(stats.blurriness).toBeCloseTo(populationStd([...zeros(8), 255]), 12);
    expect(stats.grayStd).toBeCloseTo(populationStd([8, ...zeros(254), 1]), 12);
  });

  it("clips negative responses to 0 and keeps border values", () => {
    // Interior: 8*50 - 80 = 320 -> 255 and 8*10 - 120 = -40 -> 0; the ten border pixels stay 10.
    const pixels = [10, 10, 10, 10, 10, 50, 10, 10, 10, 10, 10, 10];
    const stats = kernels.analyze(image(4, 3, "gray", pixels));
    expect(stats.blurriness).toBeCloseTo(populationStd([...new Array<number>(10).fill(10), 255, 0]), 12);
  });

  it("maps a 0/255 checkerboard onto itself", () => {
    const board = Array.from({ length: 16 }, (_, i) => (((i >> 2) + i) % 2 === 0 ? 0 : 255));
    const stats = kernels.analyze(image(4, 4, "gray", board));
    expect(stats.blurriness).toBeCloseTo(127.5, 12);
    expect(stats.grayStd).toBeCloseTo(populationStd([8, ...zeros(254), 8]), 12);
  });

  it("copies images smaller than the 3x3 kernel and converts rgb with PIL's luma", () => {
    const stats = kernels.analyze(image(2, 1, "rgb", [255, 0, 0, 0, 255, 0]));
    expect(stats.blurriness).toBeCloseTo(populationStd([pilLuma(255, 0, 0), pilLuma(0, 255, 0)]), 12);
  });
});

describe("shrink to 64 px on the longer side", () => {
  // A constant image stays constant through the resize, so the luma histogram has one bin holding
  // every shrunk pixel and the edge image is the value on the border and 0 inside.
  function expectShrunkTo(stats: { blurriness: number; grayStd: number }, w: number, h: number, v: number) {
    const border = w >= 3 && h >= 3 ? 2 * w + 2 * (h - 2) : w * h;
    const edge = [...new Array<number>(border).fill(v), ...zeros(w * h - border)];
    expect(stats.grayStd).toBeCloseTo(singleBinCountStd(w * h), 9);
    expect(stats.blurriness).toBeCloseTo(populationStd(edge), 9);
  }

  it.each([
    [64, 64, 64, 64],
    [100, 100, 64, 64],
    [128, 64, 64, 32],
    [301, 77, 64, 16],
    [77, 301, 16, 64],
    [65, 10, 64, 9],
    [1000, 1, 64, 1],
    [1, 1000, 1, 64],
  ])("%ix%i -> %ix%i", (w, h, ow, oh) => {
    expectShrunkTo(kernels.analyze(constant(w, h, "gray", [200])), ow, oh, 200);
    expectShrunkTo(kernels.analyze(constant(w, h, "rgb", [30, 60, 90])), ow, oh, pilLuma(30, 60, 90));
  });
});
