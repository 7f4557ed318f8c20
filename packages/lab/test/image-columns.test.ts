import type { ImageScores } from "@sc/properties";
import { describe, expect, test } from "vitest";
import { ImageColumns } from "../src/image-columns.js";

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

describe("ImageColumns", () => {
  test("a record read back equals what was set, scores in the reported order", () => {
    const columns = new ImageColumns({ paths: ["a.png", "b.png"], labels: ["x", null] }, ["blurry", "dark"]);
    columns.set(0, { width: 640, height: 480 }, scored(0.05, ["dark", "blurry"]));
    columns.set(1, { width: 3, height: 4_000_000_000 }, scored(0.9, []));
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
    const columns = new ImageColumns({ paths: ["a"], labels: [null] }, ["dark"]);
    const all = [
      "dark",
      "light",
      "low_information",
      "odd_aspect_ratio",
      "odd_size",
      "grayscale",
      "blurry",
    ] as const;
    columns.set(0, { width: 1, height: 1 }, scored(0, [...all]));
    expect(columns.record(0).issues).toEqual(all);
    for (const issue of all) {
      columns.set(0, { width: 1, height: 1 }, scored(0, [issue]));
      expect(columns.record(0).issues).toEqual([issue]);
    }
  });

  test("refuses rows and scores it does not hold", () => {
    const columns = new ImageColumns({ paths: ["a"], labels: [null] }, ["dark"]);
    expect(() => columns.record(1)).toThrow(/no image in row 1/);
    expect(() => columns.score(0, "light")).toThrow(/no light score/);
  });
});
