// Decoder comparison in CPU milliseconds per image (process.cpuUsage: every thread of the process,
// so libvips' helper threads count), one image at a time, all decoders in the same process.
// Rounds alternate the decoders so that load from other processes hits them alike; the median
// round is shown. Usage: pnpm bench (after pnpm build).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { photoSet, smallSet } from "../../../apps/cli/bench/datasets.mjs";
import { loadLibjpegDecoder, loadNativeDecoder, loadWasmDecoder } from "../dist/load.js";
import { portableDecoder } from "../dist/portable.js";

const COUNT = 40;
const ROUNDS = 7;

const firstFiles = (dir) =>
  readdirSync(join(dir, "a"))
    .slice(0, COUNT)
    .map((name) => readFileSync(join(dir, "a", name)));

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function cpuMsPerImage(decoder, files) {
  const start = cpuMs();
  for (const bytes of files) await decoder.decode(bytes);
  return (cpuMs() - start) / files.length;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function compare(title, files, decoders) {
  for (const { decoder } of decoders) await cpuMsPerImage(decoder, files.slice(0, 5));
  const times = decoders.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < decoders.length; k++) {
      const i = (round + k) % decoders.length;
      times[i].push(await cpuMsPerImage(decoders[i].decoder, files));
    }
  }
  const baseline = median(times[0]);
  console.log(`\n${title}\n\n| decoder | CPU ms per image | vs jpeg-js |\n|---|---|---|`);
  for (const [i, { label }] of decoders.entries()) {
    const ms = median(times[i]);
    console.log(`| ${label} | ${ms.toFixed(2)} | ${(baseline / ms).toFixed(1)}x |`);
  }
}

const libjpeg = loadLibjpegDecoder();
const sharp = await loadNativeDecoder({ minPixels: 0 });
const decoders = [
  { label: "jpeg-js 0.4.4", decoder: portableDecoder },
  ...(libjpeg ? [{ label: "libjpeg addon (system libjpeg-turbo)", decoder: libjpeg }] : []),
  ...(sharp ? [{ label: "sharp 0.35.5 (libvips)", decoder: sharp }] : []),
  { label: "WebAssembly libjpeg (@jsquash/jpeg 1.6.0, mozjpeg)", decoder: loadWasmDecoder() },
];
if (!libjpeg) console.log("libjpeg addon not built or disabled: not measured");
if (!sharp) console.log("sharp does not load on this platform: not measured");
await compare(
  "512x512 photo-like JPEGs (apps/cli bench set)",
  firstFiles(photoSet("photo", 1_000, 512, 512)),
  decoders,
);
await compare("64x48 JPEGs (apps/cli small set)", firstFiles(smallSet(10_000)), decoders);
