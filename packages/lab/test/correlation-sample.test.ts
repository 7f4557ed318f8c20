import { describe, expect, test } from "vitest";
import { assembleResult } from "../src/assemble.js";
import { countLabels, sampleRows } from "../src/correlation-sample.js";
import type { MeasuredImage } from "../src/measured-table.js";
import { resolveSettings } from "../src/settings.js";
import { raw } from "./fixtures.js";

/** Row r's label: 1800 rows of "a", 1197 of "b" and 3 "rare" ones, interleaved. */
const labelOf = (row: number) => (row % 1000 === 999 ? "rare" : row % 5 < 3 ? "a" : "b");
const ROWS = 3000;

/** Labelled rows as the sampler reads them: codes in order of first appearance. */
function labeledRows(labels: readonly (string | null)[]) {
  const labelNames = [...new Set(labels.filter((label) => label !== null))];
  const codes = new Map(labelNames.map((name, code) => [name, code]));
  return {
    length: labels.length,
    labelNames,
    labelCode: (row: number) => {
      const label = labels[row] as string | null;
      return label === null ? -1 : (codes.get(label) as number);
    },
  };
}

describe("the correlation sample", () => {
  const rows = labeledRows(Array.from({ length: ROWS }, (_, row) => labelOf(row)));

  test("takes nothing out when every row fits", () => {
    expect(sampleRows(rows, countLabels(rows), ROWS)).toBeNull();
  });

  test("keeps each label's share, spread evenly, and a class too small to share in whole", () => {
    const sample = sampleRows(rows, countLabels(rows), 600) as Int32Array;
    // a: floor(1800 / 5) = 360, b: floor(1197 / 5) = 239, rare: all 3 (fewer than the 5 folds).
    const taken = (label: string) => [...sample].filter((row) => labelOf(row) === label);
    expect([taken("a").length, taken("b").length, taken("rare").length]).toEqual([360, 239, 3]);
    expect([...sample].every((row, i) => i === 0 || row > (sample[i - 1] as number))).toBe(true);
    // Every fifth "a" row: the 5th, 10th, ... of its rows in order.
    const aRows = Array.from({ length: ROWS }, (_, row) => row).filter((row) => labelOf(row) === "a");
    expect(taken("a")).toEqual(aRows.filter((_, j) => j % 5 === 4));
  });

  test("takes labels in any number: more than a function call can take as arguments", () => {
    const labels = Array.from({ length: 300_000 }, (_, row) => `class-${row >> 1}`);
    const many = labeledRows(labels);
    const counts = countLabels(many);
    expect(counts.of("class-149999")).toBe(2);
    expect(counts.of("no such class")).toBe(0);
    // Each class has 2 images, fewer than the 5 folds: all are kept, the limit notwithstanding.
    expect(sampleRows(many, counts, 1000)?.length).toBe(300_000);
  });

  test("samples the unlabelled rows as a stratum of their own", () => {
    const labels = Array.from({ length: 1000 }, (_, row) => (row % 4 === 0 ? null : "x"));
    const unlabelled = labeledRows(labels);
    const counts = countLabels(unlabelled);
    expect([counts.unlabeled, counts.perCode[0]]).toEqual([250, 750]);
    const sample = sampleRows(unlabelled, counts, 100) as Int32Array;
    expect([...sample].filter((row) => labels[row] === null).length).toBe(25);
    expect(sample.length).toBe(100);
  });
});

describe("correlation tests past the image limit", () => {
  // "a" images get darker the later they come; "b" and "rare" are bright: dark predicts the label.
  const images: MeasuredImage[] = Array.from({ length: ROWS }, (_, row) => {
    const label = labelOf(row);
    const p99 = label === "a" ? 0.05 + (0.2 * ((row * 7919) % ROWS)) / ROWS : 0.3 + (row % 500) / 1000;
    return {
      path: `${label}/${String(row).padStart(4, "0")}.png`,
      label,
      raw: raw({ brightness: { ...raw().brightness, p99 }, entropy: 5 + (row % 300) / 100 }),
    };
  });
  const input = {
    errors: [],
    settings: resolveSettings(),
    dataset: { source: "mem", kind: "memory" as const, ignoredFiles: 0, decoder: "test" },
    tool: { name: "test", version: "0" },
  };
  const full = assembleResult({ ...input, measured: images });
  const sampled = assembleResult({ ...input, measured: images, correlationImageLimit: 600 });

  test("run on the sample, say so, and name the extremes and class sizes of every image", () => {
    const byProperty = (result: typeof full, property: string) =>
      result.correlations.find((c) => c.property === property);
    const [dark, fullDark] = [byProperty(sampled, "dark"), byProperty(full, "dark")];
    expect(dark?.note).toMatch(/^tested on a stratified sample of 602 of the 3000 images/);
    expect(fullDark?.flagged).toBe(true);
    expect(dark?.flagged).toBe(true);
    expect(Math.abs((dark?.score as number) - (fullDark?.score as number))).toBeLessThan(0.05);
    expect(dark?.attribution?.classes.map((c) => [c.label, c.count])).toEqual(
      fullDark?.attribution?.classes.map((c) => [c.label, c.count]),
    );
    for (const property of ["dark", "low_information"]) {
      const [s, f] = [byProperty(sampled, property), byProperty(full, property)];
      expect([s?.minimum, s?.maximum]).toEqual([f?.minimum, f?.maximum]);
    }
    // Only the correlations differ.
    expect({ ...sampled, correlations: [] }).toEqual({ ...full, correlations: [] });
  });

  test("a limit the images fit under changes nothing", () => {
    const exact = assembleResult({ ...input, measured: images, correlationImageLimit: ROWS });
    expect(JSON.stringify(exact)).toBe(JSON.stringify(full));
  });
});
