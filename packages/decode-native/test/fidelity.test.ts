import { readFileSync } from "node:fs";
import { loadKernels } from "@sc/core-wasm";
import { type ImageScores, ISSUE_NAMES, type IssueName, measureImage, scoreDataset } from "@sc/properties";
import { beforeAll, describe, expect, it } from "vitest";
import { GOLDEN_DIR, readReference } from "../../properties/test/golden.js";
import { loadNativeDecoder } from "../src/load.js";

/** golden/README.md: PNG pixels are identical everywhere; JPEG decoders round differently. */
const PNG_TOLERANCE: Record<IssueName, number> = {
  dark: 1e-4,
  light: 1e-4,
  low_information: 1e-4,
  odd_aspect_ratio: 1e-12,
  odd_size: 1e-12,
  grayscale: 0,
  blurry: 5e-3,
};
const JPEG_TOLERANCE: Record<IssueName, number> = {
  ...PNG_TOLERANCE,
  dark: 0.01,
  light: 0.01,
  low_information: 0.02,
  blurry: 0.03,
};

const reference = readReference();
// Every JPEG through libvips (the golden set has small ones that would otherwise go to jpeg-js).
const native = await loadNativeDecoder({ minPixels: 0 });

describe.skipIf(native === undefined)("golden fidelity through the native decoder", () => {
  let ours: ImageScores[];

  beforeAll(async () => {
    const kernels = await loadKernels();
    const raws = [];
    for (const row of reference) {
      const bytes = readFileSync(new URL(`images/${row.path}`, GOLDEN_DIR));
      const image = await native?.decode(bytes, { path: row.path });
      if (image === undefined) throw new Error("unreachable: the suite is skipped without a decoder");
      expect([image.width, image.height, image.storedGray], row.path).toEqual([
        row.raw.width,
        row.raw.height,
        row.mode === "L",
      ]);
      raws.push(measureImage(image, kernels));
    }
    ours = scoreDataset(raws);
  });

  it.each(ISSUE_NAMES.filter((n) => n !== "grayscale"))("%s agrees within the golden tolerance", (name) => {
    for (const [i, row] of reference.entries()) {
      const tolerance = (row.path.endsWith(".png") ? PNG_TOLERANCE : JPEG_TOLERANCE)[name];
      const score = ours[i]?.scores[name] as number;
      expect(
        Math.abs(score - row.scores[name]),
        `${row.path}: ${score} vs ${row.scores[name]}`,
      ).toBeLessThanOrEqual(tolerance);
    }
  });

  it("JPEG scores match Pillow's as closely as PNG ones: libjpeg-turbo rounds like Pillow", () => {
    for (const [i, row] of reference.entries()) {
      for (const name of ISSUE_NAMES.filter((n) => n !== "grayscale")) {
        const score = ours[i]?.scores[name] as number;
        expect(Math.abs(score - row.scores[name]), `${row.path} ${name}`).toBeLessThanOrEqual(
          PNG_TOLERANCE[name],
        );
      }
    }
  });
});
