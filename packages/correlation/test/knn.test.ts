import { describe, expect, test } from "vitest";
import { appearanceRank, encodeLabels } from "../src/classes.js";
import type { CrossValidation } from "../src/cross-validation.js";
import { accuracyOf } from "../src/cross-validation.js";
import { stratifiedFolds } from "../src/folds.js";
import { chooseK, knnCrossValidate } from "../src/knn.js";
import { knnByRows } from "../src/knn-rows.js";
import { knnByRuns } from "../src/knn-runs.js";
import { seededRandom } from "../src/significance.js";
import { sortValues } from "../src/sorted-values.js";

type Sweep = typeof knnCrossValidate;

/** Both sweeps, which must agree with each other exactly and with the definition. */
const SWEEPS: [string, Sweep][] = [
  ["rows", knnByRows],
  ["run table", knnByRuns],
];

function crossValidate(
  values: number[],
  labels: string[],
  k: number,
  fold?: number[],
  nFolds = 5,
  sweep: Sweep = knnCrossValidate,
) {
  const { classOf, names } = encodeLabels(labels);
  const folds = fold ? Int32Array.from(fold) : stratifiedFolds(classOf, names.length);
  const sorted = sortValues(Float64Array.from(values));
  const preference = appearanceRank(classOf, names.length);
  return sweep({ sorted, classOf, fold: folds, nClasses: names.length, nFolds, k, preference });
}

function plain(cv: CrossValidation) {
  return [cv.correct, cv.size, ...cv.labelCounts, ...cv.predictionCounts].map((counts) => [...counts]);
}

/** Checks both sweeps against the definition and against each other, count for count. */
function expectBothMatch(values: number[], labels: string[], k: number, folds?: number[], nFolds = 5) {
  const results = SWEEPS.map(([name, sweep]) => {
    const cv = crossValidate(values, labels, k, folds, nFolds, sweep);
    expect(
      cv.correct.reduce((a, b) => a + b, 0),
      name,
    ).toBe(bruteForceCorrect(values, labels, k, folds));
    return plain(cv);
  });
  expect(results[0]).toEqual(results[1]);
}

/** The definition, in O(n^2): the k nearest with equal shares at the k-th distance, then the tie rules. */
function bruteForceCorrect(values: number[], labels: string[], k: number, folds?: number[]): number {
  const { classOf, names } = encodeLabels(labels);
  const fold = folds ?? stratifiedFolds(classOf, names.length);
  const preference = appearanceRank(classOf, names.length);
  let correct = 0;
  values.forEach((x, i) => {
    const train = values
      .map((v, j) => ({ d: Math.abs(v - x), c: classOf[j] as number }))
      .filter((_, j) => fold[j] !== fold[i]);
    const total = new Array<number>(names.length).fill(0);
    for (const t of train) total[t.c] = (total[t.c] ?? 0) + 1;
    const kf = Math.min(k, train.length);
    const d = train.map((t) => t.d).sort((a, b) => a - b)[kf - 1] as number;
    const closer = train.filter((t) => t.d < d);
    const atD = train.filter((t) => t.d === d);
    const votes = new Array<number>(names.length).fill(0);
    for (const t of closer) votes[t.c] = (votes[t.c] ?? 0) + atD.length;
    for (const t of atD) votes[t.c] = (votes[t.c] ?? 0) + (kf - closer.length);
    const candidates = [...votes.keys()].filter((c) => (votes[c] ?? 0) > 0);
    candidates.sort(
      (a, b) =>
        (votes[b] ?? 0) - (votes[a] ?? 0) ||
        (total[b] ?? 0) - (total[a] ?? 0) ||
        (preference[a] ?? 0) - (preference[b] ?? 0),
    );
    if (candidates[0] === classOf[i]) correct++;
  });
  return correct;
}

const TRIALS = Number(process.env.KNN_TRIALS ?? 60);

describe("kNN on sorted runs", () => {
  test("matches the O(n^2) definition on random data with heavy ties, negative values, k up to 3n and 2-4 classes", () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < TRIALS; trial++) {
      const n = 20 + Math.floor(random() * 120);
      const nClasses = 2 + (trial % 3);
      const distinct = 1 + Math.floor(random() * 15);
      const sign = trial % 4 === 3 ? -1 : 1;
      const values = Array.from({ length: n }, () =>
        random() < 0.3 ? sign : (sign * Math.floor(random() * distinct)) / distinct,
      );
      const labels = values.map((v) => `c${Math.floor((random() + v * 0.5) * nClasses) % nClasses}`);
      const k = 1 + Math.floor(random() * (trial % 5 === 4 ? 3 * n : 12));
      expectBothMatch(values, labels, k);
    }
  }, 600_000);

  test("matches the definition when a fold owns whole stretches of values (runs empty for it, ties across folds)", () => {
    // Folds are blocks of the value range, or random, so the sweep must step over long stretches of
    // runs that hold only test rows, and tied runs mix folds.
    const random = seededRandom(11);
    for (let trial = 0; trial < TRIALS; trial++) {
      const n = 30 + Math.floor(random() * 90);
      const nFolds = 2 + (trial % 4);
      const distinct = 2 + Math.floor(random() * 40);
      const values = Array.from({ length: n }, () => Math.floor(random() * distinct) / distinct - 0.5);
      const labels = values.map((v) => `c${Math.floor((random() + v) * 3) % 3}`);
      const folds =
        trial % 2 === 0
          ? values.map((v) => Math.min(nFolds - 1, Math.floor((v + 0.5) * nFolds)))
          : values.map(() => Math.floor(random() * nFolds));
      const k = 1 + Math.floor(random() * (trial % 3 === 2 ? 2 * n : 15));
      expectBothMatch(values, labels, k, folds, nFolds);
    }
  });

  test("matches the definition when most runs hold one row (the table's one-row fast path) among a few tied runs", () => {
    // Continuous values with occasional exact duplicates, so one-row runs and multi-row runs alternate
    // inside the window and at its ends, across stratified and random folds.
    const random = seededRandom(23);
    for (let trial = 0; trial < TRIALS; trial++) {
      const n = 40 + Math.floor(random() * 120);
      const nFolds = 2 + (trial % 4);
      const values = Array.from({ length: n }, () => random());
      for (let i = 0; i < n / 10; i++)
        values[Math.floor(random() * n)] = values[Math.floor(random() * n)] as number;
      const labels = values.map((v) => `c${Math.floor((random() * 0.6 + v) * 3) % 3}`);
      const folds = trial % 2 === 0 ? undefined : values.map(() => Math.floor(random() * nFolds));
      const k = 1 + Math.floor(random() * (trial % 3 === 2 ? 2 * n : 20));
      expectBothMatch(values, labels, k, folds, folds ? nFolds : 5);
    }
  });

  test("matches the definition with long tied runs at the window's ends and k in the hundreds", () => {
    // Runs of up to a few hundred rows and k beyond the rows counted one by one, so the row sweep counts
    // its tied runs from checkpoints and finds their ends by galloping.
    const random = seededRandom(31);
    for (let trial = 0; trial < Math.ceil(TRIALS / 6); trial++) {
      const n = 300 + Math.floor(random() * 500);
      const distinct = 2 + Math.floor(random() * 12);
      const values = Array.from({ length: n }, () =>
        random() < 0.5 ? Math.floor(random() * distinct) / distinct : random(),
      );
      const labels = values.map((v) => `c${Math.floor((random() * 0.7 + v) * 3) % 3}`);
      const k = 40 + Math.floor(random() * 200);
      expectBothMatch(values, labels, k);
    }
  });

  test("matches the definition with 9 to 20 classes (the run-table sweep tracks the classes present beyond 16)", () => {
    const random = seededRandom(43);
    for (let trial = 0; trial < Math.ceil(TRIALS / 3); trial++) {
      const n = 60 + Math.floor(random() * 140);
      const nClasses = 9 + (trial % 12);
      const distinct = 3 + Math.floor(random() * 30);
      const values = Array.from({ length: n }, () => Math.floor(random() * distinct) / distinct);
      const labels = values.map((v) => `c${Math.floor((random() * 0.5 + v) * nClasses) % nClasses}`);
      expectBothMatch(values, labels, 1 + Math.floor(random() * 25));
    }
  });

  test("rows at the k-th distance share the remaining seats equally instead of the first ones in file order", () => {
    // Test row: A at 0. Training (k = 3): A at 1, then B at -2, B at 2 and A at -2 all at distance 2 sharing
    // 2 seats: A = 1 + 2/3, B = 4/3, so A wins; taking the first two of the tied rows would give B.
    const cv = crossValidate([0, 1, -2, 2, -2], ["A", "A", "B", "B", "A"], 3, [0, 1, 1, 1, 1], 2);
    expect(cv.correct[0]).toBe(1);
    expect([...(cv.predictionCounts[0] ?? [])]).toEqual([1, 0]);
  });

  test("heavy ties at 1.0: the vote follows the tied run's class mix, whatever the row order", () => {
    // 30 A then 50 B at exactly 1.0, and 20 B spread below. Training holds 24 A and 40 B at 1.0, so every
    // test row at 1.0 is predicted B (the first 9 rows in file order would all be A): 50 + 20 correct.
    const values = [...new Array(80).fill(1), ...Array.from({ length: 20 }, (_, i) => 0.01 * (i + 1))];
    const labels = [...new Array(30).fill("A"), ...new Array(70).fill("B")];
    expect(accuracyOf(crossValidate(values, labels, 9), "pooled")).toBe(0.7);
    const reversed = [...values.keys()].reverse();
    const cv = crossValidate(
      reversed.map((i) => values[i] as number),
      reversed.map((i) => labels[i] as string),
      9,
    );
    expect(accuracyOf(cv, "pooled")).toBe(0.7);
  });
});

describe("k rule", () => {
  test("round(sqrt(n_train)) from 50 to 10 million images", () => {
    expect(chooseK(40, [20, 20], 5)).toBe(6);
    expect(chooseK(8_000_000, [4_000_000, 4_000_000], 5)).toBe(2828);
  });
  test("at most half the smallest class that fills the folds, never below 1", () => {
    expect(chooseK(40, [36, 4], 5)).toBe(6); // a 4-row class cannot fill 5 folds: ignored for the cap
    expect(chooseK(400, [380, 20], 5)).toBe(10);
    expect(chooseK(1, [1], 5)).toBe(1);
  });
});
