import { describe, expect, it } from "vitest";
import { percentileOfSorted } from "../src/percentile.js";

describe("percentileOfSorted (numpy linear)", () => {
  it("interpolates between order statistics", () => {
    // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = 1, 1.75, 2.5, 3.25, 4
    expect([0, 25, 50, 75, 100].map((q) => percentileOfSorted([1, 2, 3, 4], q))).toEqual([
      1, 1.75, 2.5, 3.25, 4,
    ]);
  });

  it("uses numpy's formula from the upper neighbour for weights >= 0.5", () => {
    // numpy.percentile([0.1, 0.7], 90) == 0.64 exactly (0.7 - 0.6*0.1), while 0.1 + 0.6*0.9 = 0.6400000000000001
    expect(percentileOfSorted([0.1, 0.7], 90)).toBe(0.7 - (0.7 - 0.1) * (1 - 0.9));
  });

  it("a single value is every percentile", () => {
    expect(percentileOfSorted([5], 25)).toBe(5);
  });

  it("refuses an empty list", () => {
    expect(() => percentileOfSorted([], 50)).toThrow(RangeError);
  });
});
