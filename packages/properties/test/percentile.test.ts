import { describe, expect, it } from "vitest";
import { interpolatePercentile, percentileOfSorted, percentilePosition } from "../src/percentile.js";

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
    expect(() => percentilePosition(0, 50)).toThrow(RangeError);
  });

  it("reads the two ranks around the position, for callers that select rather than sort", () => {
    expect(percentilePosition(5, 25)).toEqual({ low: 1, high: 2, weight: 0 });
    expect(percentilePosition(4, 75)).toEqual({ low: 2, high: 3, weight: 0.25 });
    expect(percentilePosition(4, 100)).toEqual({ low: 3, high: 3, weight: 0 });
    expect(percentilePosition(1, 25)).toEqual({ low: 0, high: 0, weight: 0 });
    expect(interpolatePercentile(0.1, 0.7, 0.9)).toBe(percentileOfSorted([0.1, 0.7], 90));
  });
});
