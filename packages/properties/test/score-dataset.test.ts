import { describe, expect, it } from "vitest";
import { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES } from "../src/issues/names.js";
import type { RawProperties } from "../src/raw-properties.js";
import { datasetScorer, datasetThresholds, scoreDataset } from "../src/score-dataset.js";
import { readReference } from "./golden.js";

const reference = readReference();

const rawOf = (width: number, height: number, overrides: Partial<RawProperties> = {}): RawProperties => ({
  width,
  height,
  storedGray: false,
  brightness: { p1: 0.1, p5: 0.2, p10: 0.3, p15: 0.4, p90: 0.7, p95: 0.8, p99: 0.9 },
  entropy: 7,
  blurriness: 50,
  grayStd: 100,
  grayscaleContent: false,
  ...overrides,
});

describe("scoreDataset on CleanVision's raw values", () => {
  const ours = scoreDataset(reference.map((r) => r.raw));

  it.each(ISSUE_NAMES.filter((n) => n !== "grayscale"))("%s scores match reference.csv", (name) => {
    for (const [i, row] of reference.entries()) {
      // odd_size: CleanVision's sqrt(w)*sqrt(h) differs from sqrt(w*h) by rounding only.
      expect(ours[i]?.scores[name], row.path).toBeCloseTo(row.scores[name], 12);
    }
  });

  it("grayscale from the stored mode matches reference.csv (no content check in these raws)", () => {
    expect(ours.map((s) => s.scores.grayscale)).toEqual(reference.map((r) => r.scores.grayscale));
  });

  it("flags match reference.csv for every issue", () => {
    for (const [i, row] of reference.entries()) {
      const expected = ISSUE_NAMES.filter((n) => row.flags[n]);
      expect(ours[i]?.issues, row.path).toEqual(expected);
    }
  });

  it("the golden set exercises flags of several issues", () => {
    const flagged = new Set(ours.flatMap((s) => s.issues));
    expect([...flagged].sort()).toEqual(["blurry", "dark", "grayscale", "odd_aspect_ratio"]);
  });
});

describe("scoreDataset rules", () => {
  it("returns nothing for no images", () => {
    expect(scoreDataset([])).toEqual([]);
  });

  it("grayscale is 0 for stored gray or gray content, else 1", () => {
    const scores = scoreDataset([
      rawOf(10, 10, { storedGray: true }),
      rawOf(10, 10, { grayscaleContent: true }),
      rawOf(10, 10),
    ]).map((s) => s.scores.grayscale);
    expect(scores).toEqual([0, 0, 1]);
  });

  it("odd_size: equal areas get equal scores (32x128 and 64x64)", () => {
    const [a, b] = scoreDataset([rawOf(32, 128), rawOf(64, 64), rawOf(64, 64), rawOf(100, 100)]);
    expect(a?.scores.odd_size).toBe(b?.scores.odd_size);
  });

  it("odd_size: band from quartiles, hand-computed", () => {
    // sizes 10, 20, 30, 40, 200: q1 20, q3 40, iqr 20, band [-40, 100], mid 30, gap 140.
    const sizes = [10, 20, 30, 40, 200];
    const scores = scoreDataset(sizes.map((s) => rawOf(s, s))).map((r) => r.scores.odd_size);
    expect(scores[0]).toBeCloseTo(1 - 20 / 140, 12);
    expect(scores[2]).toBe(1);
    expect(scores[4]).toBe(0);
    const flagged = scoreDataset(sizes.map((s) => rawOf(s, s))).map((r) => r.issues.includes("odd_size"));
    expect(flagged).toEqual([false, false, false, false, true]);
  });

  it("odd_size: when all but outliers share one size the gap is 0 and any other size is flagged", () => {
    // sizes 50 x4 and 60: q1 = q3 = 50, gap 0, mid 50; 60 scores 1 - 10/50 = 0.8 < 1.
    const result = scoreDataset([50, 50, 60, 50, 50].map((s) => rawOf(s, s)));
    expect(result.map((r) => r.scores.odd_size)).toEqual([1, 1, 0.8, 1, 1]);
    expect(result.map((r) => r.issues.includes("odd_size"))).toEqual([false, false, true, false, false]);
  });

  it("a caller's threshold replaces the default, also the gap = 0 default of odd_size", () => {
    const raws = [50, 50, 60, 50, 50].map((s) =>
      rawOf(s, s, { brightness: { ...rawOf(1, 1).brightness, p99: 0.5 } }),
    );
    const result = scoreDataset(raws, { thresholds: { odd_size: 0.5, dark: 0.6 } });
    expect(result.every((r) => !r.issues.includes("odd_size"))).toBe(true);
    expect(result.every((r) => r.issues.includes("dark"))).toBe(true);
  });

  it("datasetThresholds reports the thresholds scoreDataset applies", () => {
    const uniform = [50, 50, 60, 50, 50].map((s) => rawOf(s, s));
    expect(datasetThresholds(uniform)).toEqual({ ...DEFAULT_ISSUE_THRESHOLDS, odd_size: 1 });
    expect(datasetThresholds(uniform, { thresholds: { odd_size: 0.5 } }).odd_size).toBe(0.5);
    const spread = [10, 20, 30, 40, 200].map((s) => rawOf(s, s));
    expect(datasetThresholds(spread)).toEqual(DEFAULT_ISSUE_THRESHOLDS);
    expect(datasetThresholds([])).toEqual(DEFAULT_ISSUE_THRESHOLDS);
  });

  it("datasetScorer scores one image at a time as scoreDataset does, with the dataset's odd_size", () => {
    const raws = [10, 20, 30, 40, 200].map((s) => rawOf(s, s));
    const scorer = datasetScorer(raws, { thresholds: { dark: 0.6 } });
    expect(scorer.thresholds).toEqual(datasetThresholds(raws, { thresholds: { dark: 0.6 } }));
    expect(raws.map((raw) => scorer.score(raw))).toEqual(scoreDataset(raws, { thresholds: { dark: 0.6 } }));
    // 200x200 is the odd size only against the others: alone it is the median.
    expect(scorer.score(rawOf(200, 200)).issues).toContain("odd_size");
    expect(datasetScorer([rawOf(200, 200)]).score(rawOf(200, 200)).issues).not.toContain("odd_size");
    expect(() => datasetScorer([]).score(rawOf(1, 1))).toThrow(RangeError);
  });

  it("flags only the issues asked for, in ISSUE_NAMES order, and still scores every issue", () => {
    const dim = rawOf(10, 10, { brightness: { ...rawOf(1, 1).brightness, p99: 0.1 }, entropy: 1 });
    const [all] = scoreDataset([dim]);
    expect(all?.issues).toEqual(["dark", "low_information"]);
    const [some] = scoreDataset([dim], { issues: ["low_information", "blurry", "dark"] });
    expect(some?.issues).toEqual(["dark", "low_information"]);
    const [one] = scoreDataset([dim], { issues: ["low_information"] });
    expect(one).toEqual({ scores: all?.scores, issues: ["low_information"] });
  });

  it("flags are strictly below the threshold", () => {
    const atThreshold = rawOf(10, 10, {
      brightness: { ...rawOf(1, 1).brightness, p99: DEFAULT_ISSUE_THRESHOLDS.dark },
    });
    expect(scoreDataset([atThreshold])[0]?.issues).not.toContain("dark");
  });

  it("blurry: the histogram term counts only above 0.18", () => {
    // grayStd 10 -> 1 - e^-0.1 = 0.095 (dropped); grayStd 30 -> 0.259 (kept).
    const [low, high] = scoreDataset([
      rawOf(8, 8, { blurriness: 10, grayStd: 10 }),
      rawOf(8, 8, { blurriness: 10, grayStd: 30 }),
    ]);
    expect(low?.scores.blurry).toBeCloseTo(1 - Math.exp(-0.1), 12);
    expect(high?.scores.blurry).toBeCloseTo(2 - Math.exp(-0.1) - Math.exp(-0.3), 12);
  });

  it("every score lies in 0..1 and issues follow ISSUE_NAMES order", () => {
    const raws = [
      rawOf(1, 1000, { entropy: 20, blurriness: 1e6, grayStd: 1e6 }),
      rawOf(1000, 1, { entropy: 0 }),
    ];
    for (const { scores, issues } of scoreDataset(raws)) {
      for (const name of ISSUE_NAMES) expect(scores[name]).toBeGreaterThanOrEqual(0);
      for (const name of ISSUE_NAMES) expect(scores[name]).toBeLessThanOrEqual(1);
      expect(issues).toEqual(ISSUE_NAMES.filter((n) => issues.includes(n)));
    }
  });
});
