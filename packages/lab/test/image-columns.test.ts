import type { DatasetScorer, ImageScores } from "@sc/properties";
import type { IssueName } from "@sc/report";
import { describe, expect, test } from "vitest";
import { ImageColumns } from "../src/image-columns.js";
import { MeasuredTable } from "../src/measured-table.js";
import { raw } from "./fixtures.js";

const scored = (dark: number, issues: ImageScores["issues"]): ImageScores => ({
  scores: {
    dark,
    light: 0.9,
    low_information: 0.7,
    odd_aspect_ratio: 0.75,
    odd_size: 1,
    grayscale: 1,
    blurry: 0.1 + dark,
  },
  issues,
});

/** `count` unlabeled 1x1 images named by their row. */
const unlabeledPixels = (count: number) =>
  Array.from({ length: count }, (_, row) => ({ path: `${row}`, label: null, width: 1, height: 1 }));

/** Columns of images with these identities and sizes, each scored as `scores` says for its row. */
function scoredColumns(
  images: { path: string; label: string | null; width: number; height: number }[],
  reported: readonly IssueName[],
  scores: (row: number) => ImageScores,
): ImageColumns {
  const table = MeasuredTable.from(
    images.map(({ path, label, width, height }, row) => ({
      path,
      label,
      // The stub scorer finds its row again through the entropy.
      raw: raw({ width, height, entropy: row }),
    })),
  );
  const scorer = { thresholds: {}, score: (r) => scores(r.entropy) } as DatasetScorer;
  return ImageColumns.score(table, scorer, reported);
}

describe("ImageColumns", () => {
  test("a record read back equals what was set, scores in the reported order", () => {
    const columns = scoredColumns(
      [
        { path: "a.png", label: "x", width: 640, height: 480 },
        { path: "b.png", label: null, width: 3, height: 4_000_000_000 },
      ],
      ["blurry", "dark"],
      (row) => (row === 0 ? scored(0.05, ["dark", "blurry"]) : scored(0.9, [])),
    );
    expect(columns.record(0)).toEqual({
      path: "a.png",
      label: "x",
      width: 640,
      height: 480,
      scores: { blurry: 0.15000000000000002, dark: 0.05 },
      issues: ["dark", "blurry"],
    });
    expect(Object.keys(columns.record(0).scores)).toEqual(["blurry", "dark"]);
    expect(columns.record(1)).toMatchObject({ label: null, width: 3, height: 4_000_000_000, issues: [] });
    expect(columns.ref(0, "dark")).toEqual({ path: "a.png", label: "x", score: 0.05 });
    expect(columns.hasIssue(0, "blurry")).toBe(true);
    expect(columns.hasIssue(0, "light")).toBe(false);
  });

  test("every issue has its own flag, listed in ISSUE_NAMES order", () => {
    const all = [
      "dark",
      "light",
      "low_information",
      "odd_aspect_ratio",
      "odd_size",
      "grayscale",
      "blurry",
    ] as const;
    const images = Array.from({ length: all.length + 1 }, (_, row) => ({
      path: `${row}.png`,
      label: null,
      width: 1,
      height: 1,
    }));
    const columns = scoredColumns(images, ["dark"], (row) =>
      scored(0, row === 0 ? [...all] : [all[row - 1] as IssueName]),
    );
    expect(columns.record(0).issues).toEqual(all);
    all.forEach((issue, i) => {
      expect(columns.record(i + 1).issues).toEqual([issue]);
    });
  });

  test("refuses rows and scores it does not hold", () => {
    const columns = scoredColumns([{ path: "a", label: null, width: 1, height: 1 }], ["dark"], () =>
      scored(0.5, []),
    );
    expect(() => columns.record(1)).toThrow(/no image in row 1/);
    expect(() => columns.score(0, "light")).toThrow(/no light score/);
    expect(() => columns.column("light")).toThrow(/no light score/);
  });

  test("a column holds one issue's scores of every image, in row order", () => {
    const images = unlabeledPixels(5000);
    const columns = scoredColumns(images, ["dark", "blurry"], (row) => scored(row / 10_000, []));
    const dark = columns.column("dark");
    expect(dark).toBeInstanceOf(Float64Array);
    expect(Array.from(dark)).toEqual(images.map((_, row) => row / 10_000));
    expect(columns.column("blurry")[4999]).toBe(0.1 + 0.4999);
  });

  test("a column can be written into an array the caller reuses, and only one of the right length", () => {
    const images = unlabeledPixels(6);
    const columns = scoredColumns(images, ["dark", "blurry"], (row) => scored(row / 10, []));
    const rows = Int32Array.of(5, 1);
    const reused = columns.column("dark", rows);
    expect(Array.from(reused)).toEqual([0.5, 0.1]);
    expect(columns.column("blurry", rows, reused)).toBe(reused);
    expect(Array.from(reused)).toEqual([0.1 + 0.5, 0.1 + 0.1]);
    expect(() => columns.column("dark", undefined, reused)).toThrow(/array of 2 cannot hold 6 rows/);
  });
});
