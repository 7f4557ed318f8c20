import { describe, expect, it } from "vitest";
import { Random } from "../fuzz/mutate.js";
import { orderStatistics } from "../src/order-statistics.js";

/** orderStatistics over `values`, and how it read them: the index sequence of every pass. */
function select(
  values: readonly number[],
  ranks: readonly number[],
): { result: number[]; passes: number[][] } {
  const passes: number[][] = [];
  const result = orderStatistics(
    values.length,
    (index) => {
      if (index === 0) passes.push([]);
      passes.at(-1)?.push(index);
      return values[index] as number;
    },
    ranks,
  );
  return { result, passes };
}

const sortedCopy = (values: readonly number[]) => Float64Array.from(values).sort();
const allRanks = (values: readonly number[]) => values.map((_, rank) => rank);
const fullPasses = (values: readonly number[], passes: number[][]) =>
  passes.every((pass) => pass.length === values.length && pass.every((index, i) => index === i));

describe("orderStatistics", () => {
  it("hand-computed: ranks in any order, repeated, with ties", () => {
    const values = [5, 1, 4, 1, 3];
    expect(select(values, [0, 1, 2, 3, 4]).result).toEqual([1, 1, 3, 4, 5]);
    expect(select(values, [4, 0, 4, 2]).result).toEqual([5, 1, 5, 3]);
    expect(select(values, []).result).toEqual([]);
  });

  it("a single value is every rank, in one pass", () => {
    const { result, passes } = select([123_456_789], [0, 0]);
    expect(result).toEqual([123_456_789, 123_456_789]);
    expect(passes).toHaveLength(1);
  });

  it("equal values settle in the first pass, whatever their size", () => {
    for (const value of [0, 7, 224 * 224, 70_000 * 70_000, 2 ** 63]) {
      const { result, passes } = select(new Array(1000).fill(value), [0, 250, 999]);
      expect(result).toEqual([value, value, value]);
      expect(passes).toHaveLength(1);
    }
  });

  it("values at the edges of binades and of the range, up to the largest double below 2^64", () => {
    const edges = [2 ** 64 - 2 ** 11, (2 ** 32 - 1) ** 2, 2 ** 53 + 2, 2 ** 53, 2 ** 32 + 1, 2 ** 32];
    const values = [...edges, 2 ** 32 - 1, 2 ** 11, 2 ** 11 - 1, 1, 0];
    expect(select(values, allRanks(values)).result).toEqual([...sortedCopy(values)]);
  });

  it("zero is a value like any other", () => {
    expect(select([3, 0, 2, 0, 1], [0, 1, 2, 4]).result).toEqual([0, 0, 1, 3]);
    expect(select([1, 0], [0, 1]).result).toEqual([0, 1]);
  });

  it("tells apart values past 2^32 that differ in their last bit (70000x70000 and neighbours)", () => {
    const big = 70_000 * 70_000;
    const values = [big + 1, big, 5, big - 1, big, big + 2];
    const { result, passes } = select(values, allRanks(values));
    expect(result).toEqual([5, big - 1, big, big, big + 1, big + 2]);
    expect(fullPasses(values, passes)).toBe(true);
    expect(passes.length).toBeLessThanOrEqual(3);
  });

  it("reads in full passes in index order: at most 2 below 2^27, 3 below 2^43, 4 up to 2^64", () => {
    // The worst case: from the lowest value of a first-pass bucket (binade [2^e, 2^(e+1)), 2^(e-10)
    // wide), the next values step 1, 2, 4, ... doubles apart, so each split leaves two of them together.
    const random = new Random(11);
    for (const [e, most] of [
      [26, 2],
      [42, 3],
      [58, 4],
      [63, 4],
    ] as const) {
      const step = Math.max(1, 2 ** (e - 52));
      const chain = [2 ** e];
      for (let gap = step; gap < 2 ** (e - 10); gap *= 2) chain.push(2 ** e + gap);
      const values = Array.from({ length: 500 }, () => random.below(2 ** 20));
      for (const value of chain) values.splice(random.below(values.length + 1), 0, value);
      const { result, passes } = select(values, [500, 501]);
      expect(result, `2^${e}`).toEqual([2 ** e, 2 ** e + step]);
      expect(passes, `2^${e}`).toHaveLength(most);
      expect(fullPasses(values, passes), `2^${e}`).toBe(true);
    }
  });

  it("photo-like areas (sides up to 10,000) need at most 2 passes", () => {
    const random = new Random(5);
    const values = Array.from(
      { length: 50_000 },
      () => (1 + random.below(10_000)) * (1 + random.below(10_000)),
    );
    const { result, passes } = select(values, [12_499, 12_500, 37_499, 37_500]);
    const sorted = sortedCopy(values);
    expect(result).toEqual([sorted[12_499], sorted[12_500], sorted[37_499], sorted[37_500]]);
    expect(passes.length).toBeLessThanOrEqual(2);
  });

  it("matches sorting for many random datasets: narrow, photo-like, clustered and up to 2^64", () => {
    const random = new Random(2024);
    const side = (most: number) => random.below(most + 1);
    const draws: (() => number)[] = [
      () => side(20),
      () => side(4000) * side(4000),
      () => 640 * 480 + side(64),
      () => (1 + side(2 ** 32 - 2)) * (1 + side(2 ** 32 - 2)),
      () => (random.next() < 0.5 ? 0 : 2 ** 50 + side(2 ** 20) * 2 ** side(3)),
    ];
    for (let trial = 0; trial < 300; trial++) {
      const draw = random.pick(draws);
      const values = Array.from({ length: 1 + random.below(trial % 10 === 0 ? 20_000 : 300) }, draw);
      const ranks = Array.from({ length: 6 }, () => random.below(values.length));
      const sorted = sortedCopy(values);
      expect(select(values, ranks).result, `trial ${trial}`).toEqual(ranks.map((rank) => sorted[rank]));
    }
  });

  it("refuses values that are not whole numbers in 0..2^64, and ranks outside the values", () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 64]) {
      expect(() => select([1, bad], [0]), String(bad)).toThrow(RangeError);
    }
    expect(() => select([1, 2], [2])).toThrow(RangeError);
    expect(() => select([1, 2], [-1])).toThrow(RangeError);
    expect(() => select([1, 2], [0.5])).toThrow(RangeError);
    expect(() => select([], [0])).toThrow(RangeError);
  });

  it("says so when the values change between passes", () => {
    let pass = 0;
    const read = (index: number) => {
      if (index === 0) pass++;
      return pass === 1 ? 2 ** 20 + index : 1;
    };
    expect(() => orderStatistics(100, read, [50])).toThrow(/changed between passes/);
  });
});
