import { expect, test } from "vitest";
import { seededRandom } from "../src/significance.js";
import { sortValues } from "../src/sorted-values.js";

function expectSorted(values: Float64Array) {
  const { order, runStart, runValue, sorted } = sortValues(values);
  const expected = [...values.keys()].sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  expect([...order]).toEqual(expected);
  expect([...sorted]).toEqual(expected.map((i) => values[i]));
  const distinct = [...new Set(expected.map((i) => (values[i] === 0 ? 0 : values[i])))];
  expect([...runValue].map((v) => (v === 0 ? 0 : v))).toEqual(distinct);
  expect(runStart[runValue.length]).toBe(values.length);
}

test("sorts negative, zero, -0 and tied values, ties in input order", () => {
  expectSorted(Float64Array.from([0.5, -0, 1, -2.5, 0, 1, -2.5, 1e-310, -1e-310, 1e300, -1e300, 0.5]));
});

test("values that differ only in the lowest mantissa bits, or in one radix digit, sort exactly", () => {
  const random = seededRandom(3);
  // Near-collisions among random values: every digit of the radix sort matters.
  expectSorted(
    Float64Array.from({ length: 2000 }, (_, i) =>
      i % 50 === 0 ? 1 + Math.floor(random() * 8) * 2 ** -52 : random(),
    ),
  );
  // Only the lowest digit differs (the others are skipped), positive and negative (bits flipped).
  expectSorted(Float64Array.from({ length: 5000 }, () => 1 + Math.floor(random() * 4096) * 2 ** -52));
  expectSorted(Float64Array.from({ length: 5000 }, () => -1 - Math.floor(random() * 4096) * 2 ** -52));
});
