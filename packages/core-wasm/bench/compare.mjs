// Before/after: two builds of kernels.wasm timed alternately in one process, so both see the same
// machine load; best of several runs each, megapixels per CPU second.
// Run: pnpm build && node bench/compare.mjs <old kernels.wasm> [new kernels.wasm, default dist/]
import { readFileSync } from "node:fs";
import { instantiateKernelsSync, wasmPath } from "../dist/node.js";
import { flatSky, megapixelsPerSecond, photoLike } from "./measure.mjs";

const ROUNDS = 5;
const SECONDS_PER_RUN = 0.5;
const [oldPath, newPath = wasmPath] = process.argv.slice(2);
if (!oldPath) throw new Error("usage: node bench/compare.mjs <old kernels.wasm> [new kernels.wasm]");
const builds = [oldPath, newPath].map((path) => instantiateKernelsSync(readFileSync(path)));

const images = [
  ["512x512 RGB", photoLike(512, 512, "rgb")],
  ["512x512 RGBA", photoLike(512, 512, "rgba")],
  ["2048x1536 RGB", photoLike(2048, 1536, "rgb")],
  ["2048x1536 RGBA", photoLike(2048, 1536, "rgba")],
  ["512x512 RGB flat sky", flatSky(512, 512, "rgb")],
];
console.log(`node ${process.version}, ${process.arch}; best of ${ROUNDS} x ${SECONDS_PER_RUN} s each`);
console.log("| image | before MP/s | after MP/s | after / before |");
console.log("|---|---:|---:|---:|");
for (const [label, image] of images) {
  const best = [0, 0];
  for (let round = 0; round < ROUNDS; round++) {
    builds.forEach((kernels, i) => {
      const mps = megapixelsPerSecond((im) => kernels.analyze(im), image, SECONDS_PER_RUN);
      best[i] = Math.max(best[i] ?? 0, mps);
    });
  }
  const [before = 0, after = 0] = best;
  console.log(`| ${label} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(after / before).toFixed(2)} |`);
}
