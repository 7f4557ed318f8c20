// One measured scan in a fresh process (so peak RSS and JIT state belong to this run alone).
// Usage: node run-scan.mjs '{"dir":"...","workers":2,"decoder":"auto","limit":200}'
// Prints one JSON line: images, seconds, images/s, CPU ms/image, per-stage worker ms/image, scoring s,
// peak RSS MB.
import { readFile } from "node:fs/promises";
import { wasmPath } from "@sc/core-wasm";
import { audit } from "@sc/lab";
import { openDataset } from "@sc/sources";
import { MeasurePool, resolveDecoder } from "../dist/pool.js";

const { dir, workers, decoder: preference, limit = Number.POSITIVE_INFINITY } = JSON.parse(process.argv[2]);
const dataset = await openDataset(dir, {});
const decoder = await resolveDecoder(preference);
const pool = new MeasurePool({
  workers,
  timeoutMs: 600_000,
  setup: {
    wasmModule: new WebAssembly.Module(await readFile(wasmPath)),
    maxPixels: 100_000_000,
    decoder: decoder.kind,
  },
});

async function* firstItems() {
  let n = 0;
  for await (const item of dataset.items()) {
    if (n++ >= limit) return;
    yield item;
  }
}

// Warm-up: every worker has started and compiled its code paths before the clock starts.
const warmup = [];
for await (const item of firstItems()) {
  if (warmup.length >= workers * 2) break;
  warmup.push(pool.measure(item));
}
await Promise.all(warmup);
const before = pool.stageTotals;

const cpuBefore = process.cpuUsage();
const start = performance.now();
let measuredAt = start;
const result = await audit(firstItems(), {
  measure: (item) => pool.measure(item),
  concurrency: workers * 2,
  onProgress: () => {
    measuredAt = performance.now();
  },
  // As `sc scan` does: the workers are gone before scoring, so peak RSS is what users get.
  onMeasured: () => pool.close(),
});
const end = performance.now();
const cpu = process.cpuUsage(cpuBefore);
await pool.close();
const totals = pool.stageTotals;
const images = totals.images - before.images;
const perImage = (stage) => (totals[stage] - before[stage]) / images;
console.log(
  JSON.stringify({
    decoder: decoder.name,
    workers,
    images: result.images.length,
    errors: result.errors.length,
    seconds: (end - start) / 1000,
    imagesPerSecond: result.images.length / ((end - start) / 1000),
    // CPU time of every thread of the process (main, workers, libvips): what one image costs a core,
    // whatever else the machine is running.
    cpuMsPerImage: (cpu.user + cpu.system) / 1000 / result.images.length,
    readMs: perImage("read"),
    decodeMs: perImage("decode"),
    propertiesMs: perImage("properties"),
    scoringSeconds: (end - measuredAt) / 1000,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
  }),
);
