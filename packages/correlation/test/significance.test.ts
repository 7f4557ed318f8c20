import { describe, expect, test } from "vitest";
import { emptyCrossValidation } from "../src/cross-validation.js";
import { labelUncorrelatedness } from "../src/index.js";
import { asymptoticPValue, normalUpperTail, seededRandom } from "../src/significance.js";

describe("asymptotic p-value", () => {
  test("normal tail at known quantiles", () => {
    expect(normalUpperTail(0)).toBe(0.5);
    expect(normalUpperTail(5) / 2.866515718791939e-7).toBeCloseTo(1, 10);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 7);
    expect(normalUpperTail(-1.959964)).toBeCloseTo(0.975, 7);
    expect(normalUpperTail(3.090232)).toBeCloseTo(0.001, 7);
  });

  test("matches the exact random-pairing distribution of a small fold", () => {
    // Labels A,A,B against predictions A,A,B: 3 correct with probability 1/3, else 1 (mean 5/3, variance 8/9).
    const cv = emptyCrossValidation(1, 2);
    cv.size[0] = 3;
    cv.correct[0] = 3;
    cv.labelCounts[0]?.set([2, 1]);
    cv.predictionCounts[0]?.set([2, 1]);
    expect(asymptoticPValue(cv)).toBeCloseTo(normalUpperTail((3 - 0.5 - 5 / 3) / Math.sqrt(8 / 9)), 12);
  });

  test("agrees with the permutation test on a related and an unrelated property", () => {
    const random = seededRandom(5);
    const labels = Array.from({ length: 1500 }, () => (random() < 0.6 ? "a" : "b"));
    const properties = {
      related: labels.map((l) => random() + (l === "b" ? 0.15 : 0)),
      unrelated: labels.map(() => Math.round(random() * 20) / 20),
    };
    const exact = labelUncorrelatedness({ labels, properties }, { permutations: 199 });
    const asymptotic = labelUncorrelatedness({ labels, properties }, { permutationLimit: 0 });
    expect(exact.map((r) => r.pValueMethod)).toEqual(["permutation", "permutation"]);
    expect(asymptotic.map((r) => r.pValueMethod)).toEqual(["asymptotic", "asymptotic"]);
    expect(exact[0]?.pValue).toBe(1 / 200);
    expect(asymptotic[0]?.pValue).toBeLessThan(0.001);
    expect(exact[1]?.pValue).toBeGreaterThan(0.1);
    expect(asymptotic[1]?.pValue).toBeGreaterThan(0.1);
  });

  test("does not over-alarm on unrelated properties (at most alpha-ish false positives)", () => {
    const random = seededRandom(11);
    let below = 0;
    for (let dataset = 0; dataset < 100; dataset++) {
      const labels = Array.from({ length: 800 }, () => ["x", "y", "z"][Math.floor(random() * 3)] as string);
      const values = labels.map(() => (random() < 0.2 ? 1 : Math.round(random() * 50) / 50));
      const [result] = labelUncorrelatedness({ labels, properties: { p: values } }, { permutationLimit: 0 });
      if ((result?.pValue ?? 0) < 0.05) below++;
    }
    expect(below).toBeLessThanOrEqual(8);
  });
});
