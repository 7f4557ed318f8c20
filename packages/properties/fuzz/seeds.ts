import { readFileSync } from "node:fs";
import { GOLDEN_DIR } from "../test/golden.js";
import { encodePng } from "../test/png-writer.js";
import { hostileImageFiles } from "../test-support/hostile-corpus.js";

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Golden files that add what the generated ones lack: encoder-made progressive JPEG and PNG. */
const GOLDEN_SEEDS = [
  "day/021-near_blank-blur2.progressive.jpg",
  "day/000-color-blur6.jpg",
  "day/014-color-none.png",
];

/**
 * Valid, small PNG and JPEG files to mutate: the decodable files of the hostile corpus (every PNG
 * colour model, 16-bit, palette with transparency, CMYK JPEG), an interlaced PNG and a few golden files.
 */
export function fuzzSeeds(): Seed[] {
  const fromCorpus: Seed[] = [];
  for (const { name, bytes, expected } of hostileImageFiles()) {
    const seen = fromCorpus.some((seed) => Buffer.compare(seed.bytes, bytes) === 0);
    if (expected.outcome === "scored" && !seen) fromCorpus.push({ name, bytes });
  }
  const interlaced = encodePng({
    width: 11,
    height: 7,
    colorType: 6,
    bitDepth: 8,
    interlaced: true,
    samples: Array.from({ length: 11 * 7 * 4 }, (_, i) => (i * 37) % 256),
  });
  const golden = GOLDEN_SEEDS.map((path) => ({
    name: path,
    bytes: new Uint8Array(readFileSync(new URL(`images/${path}`, GOLDEN_DIR))),
  }));
  return [...fromCorpus, { name: "interlaced.png", bytes: interlaced }, ...golden];
}
