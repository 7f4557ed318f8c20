import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { freshKernels } from "./helpers.js";
import { statsRow, varietyImages } from "./variety.js";

// Speed-ups must not move a single bit: the fixture holds the results of the build before the
// throughput work of issue #2 (commit 73c8f90) for 135 images, compared exactly.
const previous: Record<string, number[]> = JSON.parse(
  readFileSync(new URL("./fixtures/previous-build.json", import.meta.url), "utf8"),
);
const kernels = freshKernels();

describe("bit-identical to the previous build", () => {
  const images = varietyImages();

  it("covers every fixture entry", () => {
    expect(images.map((i) => i.name).sort()).toEqual(Object.keys(previous).sort());
  });

  it.each(images)("$name", ({ name, image }) => {
    expect(statsRow(kernels.analyze(image))).toEqual(previous[name]);
  });
});
