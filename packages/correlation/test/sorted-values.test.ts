import { expect, test } from "vitest";
import { Buffers } from "../src/buffers.js";
import { seededRandom } from "../src/significance.js";
import { groupRuns, sortValues } from "../src/sorted-values.js";

function expectSorted(values: Float64Array) {
  const buffers = new Buffers();
  const { order, sorted } = sortValues(values, buffers);
  const { start: runStart, value: runValue } = groupRuns(sorted, buffers);
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

test("columns of few distinct values (counting sort) order like the reference stable sort, -0 kept", () => {
  const random = seededRandom(11);
  // Flags, a few sizes, scores tied at 0 (either sign) and 1; then 256 distinct values, the most the
  // counting sort takes, and 257, one past it (radix sort): both must give the same order.
  const pool = [1, 0.75, -0, 0, 0.5625, -2.5, 1e-310, -1e300];
  expectSorted(Float64Array.from({ length: 3000 }, () => pool[Math.floor(random() * pool.length)] as number));
  expectSorted(Float64Array.from({ length: 1000 }, () => (random() < 0.05 ? -0 : 1)));
  for (const distinct of [256, 257]) {
    const values = Array.from({ length: distinct }, (_, i) => (i === 0 ? -0 : (i - 100) / 7));
    expectSorted(
      Float64Array.from({ length: 4000 }, () => values[Math.floor(random() * distinct)] as number),
    );
  }
  expectSorted(new Float64Array(0));
});

test("values sharing their high 32 bits (finished by value) keep ties and -0 in input order", () => {
  const random = seededRandom(5);
  // 0, -0 and positive subnormals all have the same high key; so do -1 - k ulp among themselves.
  const shared = [0, -0, 5e-324, 1e-323, 2 ** -1060, -1 - 2 ** -52, -1 - 2 ** -51, -1, 1 + 2 ** -40];
  const pick = () => shared[Math.floor(random() * shared.length)] as number;
  // A few rows per group (insertion), then hundreds (radix of the low bits), among distinct values
  // (more than the counting sort takes).
  for (const [rows, every] of [
    [1000, 40],
    [3000, 2],
  ] as const) {
    expectSorted(Float64Array.from({ length: rows }, (_, i) => (i % every === 0 ? pick() : random())));
  }
});
