// Decoder comparison on deterministic photo-like 512x512 JPEGs, one image at a time, same process.
// Usage: pnpm bench (after pnpm build). Prints ms per image and the ratio to jpeg-js.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { photoSet } from "../../../apps/cli/bench/datasets.mjs";
import { loadNativeDecoder } from "../dist/load.js";
import { portableDecoder } from "../dist/portable.js";

const COUNT = 40;
const dir = photoSet("photo", 1_000, 512, 512);
const files = readdirSync(join(dir, "a"))
  .slice(0, COUNT)
  .map((name) => readFileSync(join(dir, "a", name)));

async function msPerImage(decoder) {
  for (const bytes of files.slice(0, 5)) await decoder.decode(bytes);
  const start = performance.now();
  for (const bytes of files) await decoder.decode(bytes);
  return (performance.now() - start) / files.length;
}

const native = await loadNativeDecoder();
const baseline = await msPerImage(portableDecoder);
console.log(`| decoder | ms per image | vs jpeg-js |\n|---|---|---|`);
console.log(`| ${portableDecoder.name} | ${baseline.toFixed(1)} | 1x |`);
if (native === undefined) console.log("| sharp | not available on this platform | |");
else {
  const ms = await msPerImage(native);
  console.log(`| ${native.name} | ${ms.toFixed(1)} | ${(baseline / ms).toFixed(1)}x |`);
}
