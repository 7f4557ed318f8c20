import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import type { PixelImage } from "../src/types.js";
import { freshKernels } from "./helpers.js";

// PNGs decode to identical pixels everywhere, so these are the tightest bounds that hold (the kernels
// reproduce Pillow's integer arithmetic; only float summation order differs).
const ABS_TOLERANCE = 1e-12;
const BLUR_REL_TOLERANCE = 1e-12;

const golden = fileURLToPath(new URL("../../../../shared/golden/", import.meta.url));
const [header = "", ...lines] = readFileSync(`${golden}reference.csv`, "utf8").trim().split("\n");
const columns = header.split(",");

type Row = Map<string, string>;
function field(row: Row, name: string): string {
  const value = row.get(name);
  if (value === undefined) throw new Error(`reference.csv: no column ${name}`);
  return value;
}
const pngRows: Row[] = lines
  .map((line) => new Map(line.split(",").map((v, i) => [columns[i] ?? `#${i}`, v])))
  .filter((row) => field(row, "path").endsWith(".png"));

function decode(path: string, mode: string): PixelImage {
  const png = PNG.sync.read(readFileSync(`${golden}images/${path}`));
  if (mode !== "L") return { width: png.width, height: png.height, format: "rgba", data: png.data };
  // pngjs expands gray to RGBA with R = G = B; Pillow keeps mode L.
  const gray = new Uint8Array(png.width * png.height);
  for (let i = 0; i < gray.length; i++) gray[i] = png.data[4 * i] ?? 0;
  return { width: png.width, height: png.height, format: "gray", data: gray };
}

describe("golden PNGs against CleanVision/Pillow", () => {
  const kernels = freshKernels();
  it("covers gray and rgb images of several sizes", () => {
    expect(pngRows.length).toBeGreaterThanOrEqual(20);
    expect(pngRows.some((r) => field(r, "mode") === "L")).toBe(true);
  });

  it.each(pngRows.map((r) => [field(r, "path"), r] as const))("%s", (path, row) => {
    const num = (name: string) => Number(field(row, name));
    const img = decode(path, field(row, "mode"));
    expect([img.width, img.height]).toEqual([num("width"), num("height")]);
    const stats = kernels.analyze(img);
    for (const q of [1, 5, 10, 15, 90, 95, 99] as const) {
      expect(Math.abs(stats.brightness[`p${q}`] - num(`brightness_perc_${q}`))).toBeLessThan(ABS_TOLERANCE);
    }
    expect(Math.abs(stats.entropy - num("entropy"))).toBeLessThan(ABS_TOLERANCE);
    const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected;
    expect(relative(stats.blurriness, num("blurriness"))).toBeLessThan(BLUR_REL_TOLERANCE);
    expect(relative(stats.grayStd, num("blurriness_grayscale_std"))).toBeLessThan(BLUR_REL_TOLERANCE);
  });
});
