import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { Lab } from "../src/lab.js";

const IMAGES = fileURLToPath(new URL("../../../../shared/golden/images", import.meta.url));

/** The golden PNGs as Datalab-style rows: { image: bytes, label, path }. */
async function goldenPngRows(): Promise<{ image: Uint8Array; label: string; path: string }[]> {
  const rows = [];
  for (const label of ["day", "night"]) {
    for (const file of (await readdir(join(IMAGES, label))).filter((f) => f.endsWith(".png")).sort()) {
      rows.push({
        image: new Uint8Array(await readFile(join(IMAGES, label, file))),
        label,
        path: `${label}/${file}`,
      });
    }
  }
  return rows;
}

describe("Lab on the golden PNGs", () => {
  let lab: Lab;
  let rowCount: number;
  beforeAll(async () => {
    const data = await goldenPngRows();
    rowCount = data.length;
    lab = new Lab({ data, labelName: "label", imageKey: "image" });
    await lab.findIssues();
  });

  test("measures every row and keeps its path and label", () => {
    expect(lab.result.images).toHaveLength(rowCount);
    expect(lab.result.errors).toEqual([]);
    expect(lab.result.images[0]?.path).toMatch(/^day\/.*\.png$/);
    expect(new Set(lab.result.images.map((i) => i.label))).toEqual(new Set(["day", "night"]));
  });

  test("getInfo and getIssues answer like Datalab's", () => {
    const info = lab.getInfo("spurious_correlations");
    expect(info.threshold).toBe(0.3);
    expect(info.correlations.map((c) => c.property)).toContain("dark");
    const gray = lab.getInfo("grayscale");
    expect(gray.count).toBe(gray.images.length);
    expect(gray.images.every((i) => i.scores.grayscale === 0)).toBe(true);
    expect(lab.getIssues("grayscale")).toEqual(gray.images);
    expect(lab.getIssues()).toHaveLength(rowCount);
  });

  test("report() is the text report", () => {
    const text = lab.report();
    expect(text).toContain("Spurious correlations");
    expect(text).not.toContain("\u001b[");
  });
});

test("rows without usable image data become errors, not crashes", async () => {
  const lab = new Lab({
    data: [
      { image: new Uint8Array([1, 2, 3]), label: "a", path: "junk.png" },
      { image: "not bytes", label: "b", path: "text.png" },
    ],
    labelName: "label",
  });
  const result = await lab.findIssues();
  expect(result.images).toEqual([]);
  expect(result.errors.map((e) => e.path)).toEqual(["junk.png", "text.png"]);
  expect(result.errors[1]?.message).toMatch(/no image bytes/);
});

test("result is unavailable before findIssues()", () => {
  expect(() => new Lab({ data: [] }).result).toThrow(/findIssues/);
});
