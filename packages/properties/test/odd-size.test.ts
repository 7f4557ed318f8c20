import { describe, expect, it } from "vitest";
import { Random } from "../fuzz/mutate.js";
import { imageSize, oddSizeScorer, sizeQuartiles } from "../src/issues/odd-size.js";
import { percentileOfSorted } from "../src/percentile.js";

type Dimensions = { width: number; height: number };

/** The quartiles as the scorer computed them before it selected them: sort every size. */
function sortedQuartiles(images: readonly Dimensions[]): [number, number] {
  const sorted = Float64Array.from(images, imageSize).sort();
  return [percentileOfSorted(sorted, 25), percentileOfSorted(sorted, 75)];
}

const square = (side: number): Dimensions => ({ width: side, height: side });

function randomDatasets(seed: number, count: number): Dimensions[][] {
  const random = new Random(seed);
  const side = (most: number) => random.below(most + 1);
  const shapes: (() => Dimensions)[] = [
    () => ({ width: 1 + side(4), height: 1 + side(4) }),
    () => ({ width: 1 + side(6000), height: 1 + side(6000) }),
    () => random.pick([square(224), square(256), { width: 640, height: 480 }, { width: 480, height: 640 }]),
    () => ({ width: side(3), height: 1 + side(3) }),
    () => ({ width: 70_000 + side(2), height: 70_000 - side(2) }),
    () => ({ width: 1 + side(2 ** 32 - 2), height: 1 + side(2 ** 32 - 2) }),
  ];
  return Array.from({ length: count }, (_, trial) => {
    const shape = random.pick(shapes);
    return Array.from({ length: 1 + random.below(trial % 20 === 0 ? 5000 : 60) }, shape);
  });
}

describe("sizeQuartiles", () => {
  it("hand-computed: sizes 10, 20, 30, 40, 200 give q1 20 and q3 40", () => {
    expect(sizeQuartiles([10, 200, 30, 20, 40].map(square))).toEqual([20, 40]);
  });

  it("interpolates between the sizes of neighbouring ranks as numpy does", () => {
    // sizes 1, 2, 3, 4: q1 at rank 0.75 = 1.75, q3 at rank 2.25 = 3.25.
    expect(sizeQuartiles([4, 1, 3, 2].map(square))).toEqual([1.75, 3.25]);
    // areas 2 and 3: q1 = sqrt(2) + (sqrt(3) - sqrt(2)) * 0.25, from the upper neighbour for q3.
    const [q1, q3] = sizeQuartiles([
      { width: 1, height: 3 },
      { width: 2, height: 1 },
    ]);
    expect(q1).toBe(Math.SQRT2 + (Math.sqrt(3) - Math.SQRT2) * 0.25);
    expect(q3).toBe(Math.sqrt(3) - (Math.sqrt(3) - Math.SQRT2) * (1 - 0.75));
  });

  it("one image, or all of one size: both quartiles are that size", () => {
    expect(sizeQuartiles([{ width: 3, height: 12 }])).toEqual([6, 6]);
    expect(sizeQuartiles(new Array(999).fill(square(70_000)))).toEqual([70_000, 70_000]);
  });

  it("zero-area images are size 0", () => {
    // sizes 0, 0, 2, 4: q1 at rank 0.75 = 0, q3 at rank 2.25 = 2.5.
    const images = [{ width: 0, height: 5 }, square(2), { width: 7, height: 0 }, square(4)];
    expect(sizeQuartiles(images)).toEqual([0, 2.5]);
  });

  it("refuses no images, and sides that do not multiply to whole pixels", () => {
    expect(() => sizeQuartiles([])).toThrow(RangeError);
    expect(() => sizeQuartiles([{ width: 1.5, height: 3 }])).toThrow(RangeError);
    expect(() => sizeQuartiles([{ width: -1, height: 3 }])).toThrow(RangeError);
  });

  it("gives the same doubles as sorting every size, for many random datasets", () => {
    for (const [trial, images] of randomDatasets(7, 400).entries()) {
      const [q1, q3] = sizeQuartiles(images);
      const [sortedQ1, sortedQ3] = sortedQuartiles(images);
      expect(q1, `trial ${trial}`).toBe(sortedQ1);
      expect(q3, `trial ${trial}`).toBe(sortedQ3);
    }
  });

  it("reads images in index order only, in at most 2 full passes for photo sizes", () => {
    const random = new Random(3);
    const sides = Array.from({ length: 3000 }, () => 1 + random.below(8000));
    const reads: number[] = [];
    // Like lab's rows: each image is built when read.
    const images = new Proxy([] as Dimensions[], {
      get: (target, key) => {
        if (key === "length") return sides.length;
        if (typeof key !== "string" || !/^\d+$/.test(key)) return Reflect.get(target, key);
        reads.push(Number(key));
        return { width: sides[Number(key)], height: 1 + (Number(key) % 5) };
      },
    });
    expect(sizeQuartiles(images)).toEqual(sortedQuartiles(Array.from(images)));
    const passes = reads.length / sides.length - 1; // Array.from above read once more
    expect(passes).toBeLessThanOrEqual(2);
    expect(reads).toEqual(Array.from({ length: (passes + 1) * sides.length }, (_, i) => i % sides.length));
  });
});

describe("oddSizeScorer", () => {
  /** The scorer as it was with sorted sizes (its formula is unchanged, only the quartiles are new). */
  function sortedScorer(images: readonly Dimensions[]) {
    const [q1, q3] = sortedQuartiles(images);
    const iqr = q3 - q1;
    const [lo, hi] = [q1 - 3 * iqr, q3 + 3 * iqr];
    const [mid, gap] = [(lo + hi) / 2, hi - lo];
    const norm = gap > 0 ? gap : mid;
    return {
      degenerate: !(gap > 0),
      score: (raw: Dimensions) => 1 - Math.min(1, Math.max(0, Math.abs(imageSize(raw) - mid) / norm)),
    };
  }

  it("scores every image as the sort-based scorer did, bit for bit", () => {
    for (const [trial, images] of randomDatasets(8, 200).entries()) {
      const ours = oddSizeScorer(images);
      const sorted = sortedScorer(images);
      expect(ours.degenerate, `trial ${trial}`).toBe(sorted.degenerate);
      for (const image of [...images, square(1), square(100_000)]) {
        expect(ours.score(image), `trial ${trial}`).toBe(sorted.score(image));
      }
    }
  });

  it("is degenerate when all but outliers share one size (interquartile range 0)", () => {
    const scorer = oddSizeScorer([50, 50, 60, 50, 50].map(square));
    expect(scorer.degenerate).toBe(true);
    expect([50, 60].map((side) => scorer.score(square(side)))).toEqual([1, 0.8]);
  });
});
