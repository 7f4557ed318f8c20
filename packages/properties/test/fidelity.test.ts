import { readFileSync } from "node:fs";
import { loadKernels } from "@sc/core-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES } from "../src/issues/names.js";
import { measureBytes } from "../src/measure.js";
import { type ImageScores, scoreDataset } from "../src/score-dataset.js";
import { GOLDEN_DIR, goldenTolerance, readReference } from "./golden.js";

const reference = readReference();
/** DESIGN.md: stored gray and RGB files with gray content are both grayscale. */
const isGrayFile = (path: string) => /-gray_(L|rgb)-/.test(path);

describe("fidelity against CleanVision on the golden dataset", () => {
  let ours: ImageScores[];

  beforeAll(async () => {
    const kernels = await loadKernels();
    const raws = reference.map((row) =>
      measureBytes(readFileSync(new URL(`images/${row.path}`, GOLDEN_DIR)), kernels, { path: row.path }),
    );
    ours = scoreDataset(raws);
    for (const [i, raw] of raws.entries()) {
      const row = reference[i];
      expect([raw.width, raw.height, raw.storedGray], row?.path).toEqual([
        row?.raw.width,
        row?.raw.height,
        row?.mode === "L",
      ]);
    }
  });

  it("the dataset is in reference order and has PNG and JPEG files", () => {
    expect(reference).toHaveLength(80);
    expect(reference.map((r) => r.path)).toEqual(reference.map((r) => r.path).sort());
    expect(reference.filter((r) => r.path.endsWith(".png")).length).toBeGreaterThan(20);
  });

  it.each(ISSUE_NAMES.filter((n) => n !== "grayscale"))(
    "%s scores agree within decoder tolerance",
    (name) => {
      for (const [i, row] of reference.entries()) {
        const ourScore = ours[i]?.scores[name] as number;
        expect(
          Math.abs(ourScore - row.scores[name]),
          `${row.path}: ${ourScore} vs ${row.scores[name]}`,
        ).toBeLessThanOrEqual(goldenTolerance(row.path)[name]);
      }
    },
  );

  it("grayscale is 0 for gray_L and gray_rgb files (the reference misses gray_rgb) and 1 for colour", () => {
    for (const [i, row] of reference.entries()) {
      if (isGrayFile(row.path) || /-color-/.test(row.path)) {
        expect(ours[i]?.scores.grayscale, row.path).toBe(isGrayFile(row.path) ? 0 : 1);
      }
    }
  });

  it("flags agree with the reference except for scores within tolerance of the threshold", () => {
    for (const [i, row] of reference.entries()) {
      for (const name of ISSUE_NAMES.filter((n) => n !== "grayscale")) {
        const nearThreshold =
          Math.abs(row.scores[name] - DEFAULT_ISSUE_THRESHOLDS[name]) <= goldenTolerance(row.path)[name];
        if (!nearThreshold) {
          expect(ours[i]?.issues.includes(name), `${row.path} ${name}`).toBe(row.flags[name]);
        }
      }
    }
  });
});
