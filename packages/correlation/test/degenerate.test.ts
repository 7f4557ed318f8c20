import { describe, expect, test } from "vitest";
import { labelUncorrelatedness } from "../src/index.js";

const labels = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? "day" : "night"));
const separable = labels.map((label, i) => (label === "night" ? 0.1 : 0.6) + i * 0.001);

function expectCleanAnswer(result: ReturnType<typeof labelUncorrelatedness>[number] | undefined) {
  for (const value of [result?.score, result?.pValue, result?.accuracy, result?.baseline]) {
    expect(Number.isFinite(value)).toBe(true);
  }
}

describe("degenerate input gets a clear answer", () => {
  test("one class only: score 1, not flagged, a note", () => {
    const [result] = labelUncorrelatedness({
      labels: new Array(30).fill("cat"),
      properties: { dark: separable.slice(0, 30) },
    });
    expect(result).toMatchObject({ score: 1, flagged: false, pValue: 1, pValueMethod: "none", n: 30 });
    expect(result?.note).toContain('only one class ("cat")');
    expectCleanAnswer(result);
  });

  test("constant property: score 1 with a note, also in cleanlab mode", () => {
    for (const compat of ["default", "cleanlab"] as const) {
      const [result] = labelUncorrelatedness(
        { labels, properties: { grayscale: new Array(40).fill(1) } },
        { compat },
      );
      expect(result).toMatchObject({ score: 1, flagged: false });
      expect(result?.note).toContain("constant property");
      expectCleanAnswer(result);
    }
  });

  test("a class with fewer members than folds still gets scored, with a note", () => {
    const few = [...labels, "owl", "owl", "owl"];
    const values = [...separable, 0.99, 0.98, 0.97];
    for (const compat of ["default", "cleanlab"] as const) {
      const [result] = labelUncorrelatedness({ labels: few, properties: { dark: values } }, { compat });
      expect(result?.note).toContain('class "owl" has only 3 images');
      expect(result?.score).toBeLessThan(0.3);
      expectCleanAnswer(result);
    }
  });

  test("missing values (failed decodes) are left out; indices still point at input rows", () => {
    const values: (number | null | undefined)[] = [...separable];
    values[0] = null;
    values[3] = undefined;
    values[5] = Number.NaN;
    values[7] = Number.POSITIVE_INFINITY;
    const [result] = labelUncorrelatedness({ labels, properties: { dark: values } });
    expect(result?.n).toBe(36);
    expect(result?.note).toContain("4 of 40 images have no value");
    expect(result?.minimum).toEqual({ index: 1, score: separable[1] });
    expect(result?.maximum).toEqual({ index: 38, score: separable[38] });
    expect(result?.flagged).toBe(true);
  });

  test("missing values in a column of few distinct values score like the column without those rows", () => {
    const sizes = labels.map(
      (label, i) =>
        (label === labels[0] ? [1, 0.75, 0.5][Math.floor(i / 2) % 3] : [0.5, -0, 0][i % 3]) as number,
    );
    const withMissing = sizes.map((v, i) => (i % 7 === 3 ? Number.NaN : v));
    const kept = sizes.map((_, i) => i).filter((i) => i % 7 !== 3);
    const [result] = labelUncorrelatedness({ labels, properties: { size: withMissing } });
    const [reference] = labelUncorrelatedness({
      labels: kept.map((i) => labels[i] as string),
      properties: { size: kept.map((i) => sizes[i] as number) },
    });
    expect(result?.n).toBe(kept.length);
    expect(result?.accuracy).toBe(reference?.accuracy);
    expect(result?.score).toBe(reference?.score);
    expect(result?.pValue).toBe(reference?.pValue);
  });

  test("all values missing, or too few images to cross-validate", () => {
    const [empty] = labelUncorrelatedness({ labels, properties: { dark: new Array(40).fill(null) } });
    expect(empty).toMatchObject({ n: 0, score: 1, flagged: false, minimum: null, maximum: null });
    expect(empty?.note).toContain("no image has both a label and a value");
    const [few] = labelUncorrelatedness({ labels: ["a", "b", "a", "b"], properties: { dark: [0, 1, 0, 1] } });
    expect(few?.note).toContain("too few images (4)");
    expectCleanAnswer(few);
  });

  test("ties for the minimum and maximum name the first row", () => {
    const [result] = labelUncorrelatedness({
      labels,
      properties: { light: labels.map((_, i) => (i % 3 === 0 ? 0 : 1)) },
    });
    expect(result?.minimum).toEqual({ index: 0, score: 0 });
    expect(result?.maximum).toEqual({ index: 1, score: 1 });
  });

  test("malformed input and options fail with the reason", () => {
    expect(() => labelUncorrelatedness({ labels, properties: { dark: [1, 2] } })).toThrow(
      'property "dark" has 2 values for 40 labels',
    );
    expect(() => labelUncorrelatedness({ labels: "abc" as unknown as string[], properties: {} })).toThrow(
      "labels must be an array",
    );
    expect(() => labelUncorrelatedness({ labels, properties: {} }, { alpha: 0 })).toThrow(
      "option alpha must be in (0, 1]",
    );
    expect(() => labelUncorrelatedness({ labels, properties: {} }, { permutations: 1e9 })).toThrow(
      "option permutations",
    );
  });
});

test("tens of thousands of classes in cleanlab mode get an answer, not hours of Gaussian naive Bayes", () => {
  const n = 150_000;
  const labels = Array.from({ length: n }, (_, i) => `group-${i % 30_000}`);
  const [result] = labelUncorrelatedness(
    { labels, properties: { dark: labels.map((_, i) => i % 97) } },
    { compat: "cleanlab" },
  );
  expect(result?.note).toContain("too many classes (30000)");
  expect(result?.flagged).toBe(false);
});
