import { describe, expect, test } from "vitest";
import { encodeLabels } from "../src/classes.js";
import { stratifiedFolds } from "../src/folds.js";
import { labelUncorrelatedness } from "../src/index.js";
import { goldenCorrelations, goldenScores, PROPERTIES } from "./golden.js";

const golden = goldenCorrelations();
const scores = goldenScores();

describe("golden dataset (day/night, dark planted)", () => {
  test("the reference rows carry the golden labels", () => {
    expect(scores.labels.map((label) => golden.classes.indexOf(label))).toEqual(golden.labels);
  });

  test("folds reproduce scikit-learn's StratifiedKFold(5) without shuffling", () => {
    const { classOf, names } = encodeLabels(scores.labels);
    expect([...stratifiedFolds(classOf, names.length)]).toEqual(golden.fold_of_each_image);
  });

  test("cleanlab mode reproduces cleanlab 2.7's scores for all seven properties to 1e-9", () => {
    const results = labelUncorrelatedness(scores, { compat: "cleanlab" });
    expect(results.map((r) => r.property)).toEqual([...PROPERTIES]);
    for (const result of results) {
      const expected = golden.properties[result.property];
      expect(result.baseline).toBe(golden.baseline_cleanlab_2_7);
      expect(result.accuracy).toBeCloseTo(expected?.gaussian_nb_accuracy ?? Number.NaN, 12);
      expect(Math.abs(result.score - (expected?.cleanlab_2_7_score ?? Number.NaN))).toBeLessThan(1e-9);
    }
  });
});

test("default mode on golden: only dark is flagged, night being darker", () => {
  const results = labelUncorrelatedness(scores);
  expect(results.filter((r) => r.flagged).map((r) => r.property)).toEqual(["dark"]);
  const dark = results[0];
  expect(dark).toMatchObject({
    baseline: golden.baseline_majority_share,
    k: 8,
    accuracy: 0.925,
    pValueMethod: "permutation",
  });
  expect(dark?.attribution?.sentence).toMatch(/^night is lower \(darker\): AUC 0\.9\d$/);
});
