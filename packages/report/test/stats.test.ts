import { describe, expect, it } from "vitest";
import { histogram01 } from "../src/stats.js";

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
