import { describe, expect, test } from "vitest";
import { labelUncorrelatedness } from "../src/index.js";
import { seededRandom } from "../src/significance.js";

const random = seededRandom(2024);
const uniform = (n: number) => Array.from({ length: n }, () => random());

describe("tables with a known answer", () => {
  test("perfectly separable: accuracy 1, score 0, significant and flagged", () => {
    const labels = [...new Array(50).fill("day"), ...new Array(50).fill("night")];
    const dark = labels.map((label, i) => (label === "night" ? 0.1 : 0.6) + (i % 50) * 0.001);
    const [result] = labelUncorrelatedness({ labels, properties: { dark } });
    expect(result).toMatchObject({
      accuracy: 1,
      score: 0,
      baseline: 0.5,
      flagged: true,
      pValueMethod: "permutation",
    });
    expect(result?.pValue).toBe(1 / 1000);
    expect(result?.attribution?.sentence).toBe("night is lower (darker): AUC 1.00");
  });

  test("independent property: not flagged, p-value far from alpha", () => {
    const labels = Array.from({ length: 300 }, () => (random() < 0.5 ? "a" : "b"));
    const [result] = labelUncorrelatedness({ labels, properties: { blurry: uniform(300) } });
    expect(result?.flagged).toBe(false);
    expect(result?.score).toBeGreaterThan(0.7);
    expect(result?.pValue).toBeGreaterThan(0.05);
  });

  test("a class both very dark and very light: kNN catches it, a Gaussian model cannot", () => {
    // Both classes have mean 0.5 and variance 0.0625 in every training fold, so Gaussian naive Bayes sees the
    // same bell curve twice and always predicts the larger class. Each cluster is pure, so kNN is perfect.
    const spread = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.25 : 0.75));
    const middle = Array.from(
      { length: 60 },
      (_, i) => [0.5, 0.5 - Math.SQRT1_2 / 2, 0.5, 0.5 + Math.SQRT1_2 / 2][i % 4] as number,
    );
    const input = {
      labels: [...new Array(40).fill("A"), ...new Array(60).fill("B")],
      properties: { dark: [...spread, ...middle] },
    };
    const [knn] = labelUncorrelatedness(input);
    const [gaussian] = labelUncorrelatedness(input, { compat: "cleanlab" });
    expect(knn).toMatchObject({ accuracy: 1, score: 0, flagged: true });
    expect(gaussian?.accuracy).toBe(0.6);
    expect(gaussian?.flagged).toBe(false);
  });

  test("imbalanced 90/10 with an unrelated property is not flagged; a related one is", () => {
    const labels = Array.from({ length: 500 }, (_, i) => (i % 10 === 0 ? "rare" : "common"));
    const related = labels.map((label) => (label === "rare" ? 0.2 : 0.7) + 0.1 * random());
    const results = labelUncorrelatedness({ labels, properties: { unrelated: uniform(500), related } });
    expect(results.map((r) => r.property)).toEqual(["unrelated", "related"]);
    expect(results[0]).toMatchObject({ baseline: 0.9, flagged: false });
    expect(results[0]?.score).toBeGreaterThan(0.9);
    expect(results[1]).toMatchObject({ score: 0, flagged: true });
    expect(results[1]?.attribution?.sentence).toBe("rare is lower: AUC 1.00");
  });

  test("on 75/25 cleanlab's baseline puts an unrelated property near 0.25, under its own 0.3 threshold", () => {
    const labels = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? "minor" : "major"));
    const input = { labels, properties: { unrelated: uniform(400) } };
    const [cleanlab] = labelUncorrelatedness(input, { compat: "cleanlab" });
    const [ours] = labelUncorrelatedness(input);
    // "major" is class 0, so cleanlab's baseline argmax(bincount) / n is 0 and its score is 1 - accuracy.
    expect(cleanlab?.baseline).toBe(0);
    expect(cleanlab?.score).toBeCloseTo(0.25, 1);
    expect(cleanlab?.score).toBeLessThan(0.3);
    expect(cleanlab?.flagged).toBe(false); // the p-value keeps the false alarm out
    expect(ours?.score).toBeGreaterThan(0.9);
  });

  test("small datasets: chance alarms by score alone are common, the p-value keeps them out", () => {
    // 200 unrelated properties on 16 images: with cleanlab's score (1 - accuracy here) about one in ten falls
    // under 0.3 by chance; with the p-value also required, flags stay near alpha = 1%.
    const chance = seededRandom(777);
    let alarms = 0;
    let flags = 0;
    for (let dataset = 0; dataset < 200; dataset++) {
      const labels = Array.from({ length: 16 }, () => (chance() < 0.5 ? "a" : "b"));
      const [result] = labelUncorrelatedness(
        { labels, properties: { p: Array.from({ length: 16 }, chance) } },
        { compat: "cleanlab" },
      );
      if ((result?.score ?? 1) < 0.3) alarms++;
      if (result?.flagged) flags++;
    }
    expect(alarms).toBeGreaterThanOrEqual(10);
    expect(flags).toBeLessThanOrEqual(4);
  });
});

describe("determinism", () => {
  const labels = Array.from(
    { length: 200 },
    (_, i) => ["cat", "dog", "bird"][(i * 7 + (i >> 3)) % 3] as string,
  );
  const properties = {
    a: labels.map((l, i) => (l === "cat" ? 0.3 : 0.5) + ((i * 37) % 17) / 40),
    b: uniform(200),
    c: labels.map((_, i) => (i % 3 === 0 ? 1 : (i % 7) / 7)),
  };

  test("same input, same output", () => {
    expect(labelUncorrelatedness({ labels, properties })).toEqual(
      labelUncorrelatedness({ labels, properties }),
    );
  });

  test("renaming the classes (so they sort in another order) changes neither scores nor p-values", () => {
    const renamed = labels.map((l) => ({ cat: "zebra", dog: "ant", bird: "moth" })[l] as string);
    const strip = (rs: ReturnType<typeof labelUncorrelatedness>) =>
      rs.map((r) => [r.score, r.pValue, r.flagged, r.accuracy]);
    expect(strip(labelUncorrelatedness({ labels: renamed, properties }))).toEqual(
      strip(labelUncorrelatedness({ labels, properties })),
    );
    const numbered = labels.map((l) => ({ cat: 2, dog: 10, bird: 1 })[l] as number);
    expect(strip(labelUncorrelatedness({ labels: numbered, properties }))).toEqual(
      strip(labelUncorrelatedness({ labels, properties })),
    );
  });

  test("results follow the input property order", () => {
    const reordered = { c: properties.c, a: properties.a, b: properties.b };
    expect(labelUncorrelatedness({ labels, properties: reordered }).map((r) => r.property)).toEqual([
      "c",
      "a",
      "b",
    ]);
  });
});
