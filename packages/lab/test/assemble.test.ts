import { scoreDataset } from "@sc/properties";
import { describe, expect, test } from "vitest";
import { assembleResult } from "../src/assemble.js";
import { MeasuredTable } from "../src/measured-table.js";
import { resolveSettings } from "../src/settings.js";
import { dayAndNight, raw } from "./fixtures.js";

const base = {
  errors: [],
  dataset: { source: "mem", kind: "memory" as const, ignoredFiles: 0, decoder: "test" },
  tool: { name: "test", version: "0" },
};

describe("assembleResult", () => {
  test("night images are dark: flagged per image, summarised first, and dark predicts the label", () => {
    const result = assembleResult({ ...base, measured: dayAndNight(30), settings: resolveSettings() });
    expect(result.dataset).toMatchObject({ images: 60, labeled: true });
    expect(result.dataset.classes).toEqual([
      { label: "day", count: 30 },
      { label: "night", count: 30 },
    ]);
    const night0 = result.images[30];
    expect(night0?.scores.dark).toBeCloseTo(0.1, 12);
    expect(night0?.issues).toEqual(["dark"]);
    expect(result.images[0]?.issues).toEqual([]);

    const [first] = result.issueSummary;
    expect(first?.issue).toBe("dark");
    expect(first?.count).toBe(30);
    expect(first?.worst.map((w) => w.path)).toEqual([0, 1, 2, 3, 4].map((i) => `night/${i}.png`));

    const dark = result.correlations.find((c) => c.property === "dark");
    expect(dark).toMatchObject({ flagged: true, score: 0 });
    expect(dark?.attribution?.sentence).toBe("night is lower (darker): AUC 1.00");
    expect(dark?.minimum).toEqual({ path: "night/0.png", label: "night", score: 0.1 });
    expect(dark?.maximum?.label).toBe("day");
    // Everything else is identical across classes: nothing else may be flagged.
    expect(result.correlations.filter((c) => c.flagged).map((c) => c.property)).toEqual(["dark"]);
  });

  test("only the selected issues are scored, summarised and tested", () => {
    const settings = resolveSettings({ issues: ["blurry", "dark"] });
    const result = assembleResult({ ...base, measured: dayAndNight(10), settings });
    expect(settings.issues).toEqual(["dark", "blurry"]);
    expect(Object.keys(result.images[0]?.scores ?? {})).toEqual(["dark", "blurry"]);
    expect(result.issueSummary.map((s) => s.issue).sort()).toEqual(["blurry", "dark"]);
    expect(result.correlations.map((c) => c.property)).toEqual(["dark", "blurry"]);
  });

  test("an unlabeled dataset gets issues but no correlations", () => {
    const measured = [raw(), raw({ width: 10, height: 400 })].map((r, i) => ({
      path: `${i}.png`,
      label: null,
      raw: r,
    }));
    const result = assembleResult({ ...base, measured, settings: resolveSettings() });
    expect(result.dataset.labeled).toBe(false);
    expect(result.dataset.classes).toEqual([]);
    expect(result.correlations).toEqual([]);
    expect(result.images[1]?.issues).toContain("odd_aspect_ratio");
  });

  test("a table is emptied once read, and the result built from it is the same as from records", () => {
    const table = MeasuredTable.from(dayAndNight(5));
    const fromTable = assembleResult({ ...base, measured: table, settings: resolveSettings() });
    expect(table.length).toBe(0);
    const fromRecords = assembleResult({ ...base, measured: dayAndNight(5), settings: resolveSettings() });
    expect(fromTable).toEqual(fromRecords);
    expect(fromTable.images[5]).toMatchObject({
      path: "night/0.png",
      width: 64,
      height: 48,
      issues: ["dark"],
    });
  });

  test("image records are what the scorer gives each image, for all issues and for a selection", () => {
    const measured = [
      ...dayAndNight(4),
      {
        path: "odd/wide.png",
        label: "day",
        raw: raw({ width: 400, height: 10, entropy: 0.5, grayscaleContent: true }),
      },
    ];
    for (const issues of [undefined, ["blurry", "grayscale", "odd_aspect_ratio"] as const]) {
      const settings = resolveSettings(issues === undefined ? {} : { issues: [...issues] });
      const result = assembleResult({ ...base, measured, settings });
      const expected = scoreDataset(
        measured.map((m) => m.raw),
        { issues: settings.issues },
      ).map(({ scores, issues: flagged }, i) => ({
        path: measured[i]?.path,
        label: measured[i]?.label,
        width: measured[i]?.raw.width,
        height: measured[i]?.raw.height,
        scores: Object.fromEntries(settings.issues.map((issue) => [issue, scores[issue]])),
        issues: flagged,
      }));
      expect(Array.from(result.images)).toEqual(expected);
      expect(result.images.at(-1)?.issues.length).toBeGreaterThan(0);
    }
  });

  test("issue summary lists the most common issue first", () => {
    const measured = [
      ...dayAndNight(3),
      { path: "x/gray.png", label: "day", raw: raw({ grayscaleContent: true, storedGray: true }) },
    ];
    const result = assembleResult({ ...base, measured, settings: resolveSettings() });
    const counts = result.issueSummary.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(result.issueSummary.find((s) => s.issue === "grayscale")?.worst).toEqual([
      { path: "x/gray.png", label: "day", score: 0 },
    ]);
  });
});

describe("resolveSettings", () => {
  test("defaults follow DESIGN.md", () => {
    const s = resolveSettings();
    expect(s).toMatchObject({ threshold: 0.3, alpha: 0.01, compat: "default", maxPixels: 100_000_000 });
    expect(s.issueThresholds.low_information).toBe(0.15);
    expect(s.issues).toHaveLength(7);
  });

  test("rejects nonsense with a reason", () => {
    expect(() => resolveSettings({ threshold: 2 })).toThrow(/threshold must be between 0 and 1/);
    expect(() => resolveSettings({ alpha: 0 })).toThrow(/alpha/);
    expect(() => resolveSettings({ issues: [] })).toThrow(/no issue types/);
    // @ts-expect-error: an unknown issue name from untyped callers
    expect(() => resolveSettings({ issues: ["sharpness"] })).toThrow(/unknown issue type sharpness/);
    expect(() => resolveSettings({ maxPixels: 1.5 })).toThrow(/maxPixels/);
  });
});

test("odd_size flags any other size when nearly all images share one (DESIGN.md: score < 1 when gap = 0)", () => {
  const measured = [...Array(20).fill(64), 80].map((side, i) => ({
    path: `${i}.png`,
    label: null,
    raw: raw({ width: side, height: side }),
  }));
  const result = assembleResult({ ...base, measured, settings: resolveSettings() });
  expect(result.settings.issueThresholds.odd_size).toBe(1);
  expect(
    result.images.filter((image) => image.issues.includes("odd_size")).map((image) => image.path),
  ).toEqual(["20.png"]);
  const strict = assembleResult({
    ...base,
    measured,
    settings: resolveSettings({ issueThresholds: { odd_size: 0.2 } }),
  });
  expect(strict.settings.issueThresholds.odd_size).toBe(0.2);
  expect(strict.images.some((image) => image.issues.includes("odd_size"))).toBe(false);
});
