import { describe, expect, it } from "vitest";
import { histogram01, quantile } from "../src/stats.js";

describe("quantile", () => {
  it("interpolates linearly between order statistics like numpy", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });

  it("is NaN for no data", () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("histogram01", () => {
  it("bins on [0, 1] with the right edge in the last bin and clamps outliers", () => {
    expect(histogram01([0, 0.05, 0.5, 1, 1.5, -1], 10)).toEqual([3, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it("counts every value exactly once", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 0.6180339887) % 1);
    const counts = histogram01(values, 7);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
