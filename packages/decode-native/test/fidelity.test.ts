import { readFileSync } from "node:fs";
import { loadKernels } from "@sc/core-wasm";
import { type ImageScores, ISSUE_NAMES, measureImage, scoreDataset } from "@sc/properties";
import { beforeAll, describe, expect, it } from "vitest";
import { GOLDEN_DIR, goldenTolerance, PNG_TOLERANCE, readReference } from "../../properties/test/golden.js";
import { loadLibjpegDecoder, loadNativeDecoder, loadWasmDecoder } from "../src/load.js";
import type { AsyncImageDecoder } from "../src/types.js";

const reference = readReference();
const decoders: [string, AsyncImageDecoder | undefined][] = [
  // Every JPEG through libvips (the golden set has small ones that would otherwise go to jpeg-js).
  ["sharp", await loadNativeDecoder({ minPixels: 0 })],
  ["libjpeg", loadLibjpegDecoder()],
  ["wasm", loadWasmDecoder()],
];

describe.each(decoders)("golden fidelity through the %s decoder", (_, native) => {
  let ours: ImageScores[];

  beforeAll(async () => {
    if (native === undefined) return;
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

  it.skipIf(native === undefined).each(ISSUE_NAMES.filter((n) => n !== "grayscale"))(
    "%s agrees within the golden tolerance",
    (name) => {
      for (const [i, row] of reference.entries()) {
        const tolerance = goldenTolerance(row.path)[name];
        const score = ours[i]?.scores[name] as number;
        expect(
          Math.abs(score - row.scores[name]),
          `${row.path}: ${score} vs ${row.scores[name]}`,
        ).toBeLessThanOrEqual(tolerance);
      }
    },
  );

  it.skipIf(native === undefined)(
    "JPEG scores match Pillow's as closely as PNG ones: libjpeg-turbo rounds like Pillow",
    () => {
      for (const [i, row] of reference.entries()) {
        for (const name of ISSUE_NAMES.filter((n) => n !== "grayscale")) {
          const score = ours[i]?.scores[name] as number;
          expect(Math.abs(score - row.scores[name]), `${row.path} ${name}`).toBeLessThanOrEqual(
            PNG_TOLERANCE[name],
          );
        }
      }
    },
  );
});
