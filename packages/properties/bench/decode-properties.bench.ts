import { loadKernels } from "@sc/core-wasm";
import jpeg from "jpeg-js";
import { bench, describe } from "vitest";
import { decodeImage } from "../src/decode.js";
import { measureBytes } from "../src/measure.js";
import { photoLikeJpeg } from "./photo-like.js";

// One benchmark iteration handles one image, so hz = images per second.
const files = Array.from({ length: 6 }, (_, i) => photoLikeJpeg(i + 1));
const decoded = files.map((bytes) => decodeImage(bytes));
const kernels = await loadKernels();
let next = 0;
const cycle = <T>(items: readonly T[]): T => items[next++ % items.length] as T;
// Decoding takes tens of ms, so a longer window than the default 500 ms gives enough samples.
const options = { time: 2000, warmupIterations: 6 };

describe("512x512 photo-like JPEG, quality 90", () => {
  bench(
    "baseline: jpeg-js decode, its default RGBA output",
    () => {
      jpeg.decode(cycle(files), { useTArray: true });
    },
    options,
  );
  bench(
    "decodeImage (header checks + jpeg-js RGB)",
    () => {
      decodeImage(cycle(files));
    },
    options,
  );
  bench(
    "properties: kernels.analyze on decoded pixels",
    () => {
      kernels.analyze(cycle(decoded));
    },
    options,
  );
  bench(
    "measureBytes (decode + properties)",
    () => {
      measureBytes(cycle(files), kernels);
    },
    options,
  );
});
