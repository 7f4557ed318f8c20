// One measured scan in a fresh process (so peak RSS and JIT state belong to this run alone).
// Usage: node run-scan.mjs '{"dir":"...","workers":2,"decoder":"auto","limit":200}'
// Prints one JSON line: images, seconds, images/s, CPU ms/image, main-thread CPU ms/image while measuring,
// per-stage worker ms/image, scoring s, peak RSS MB.
import { readFileSync } from "node:fs";
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

/**
 * CPU time of this (the main) thread in ms, from Linux's per-thread scheduler statistics, or NaN
 * elsewhere: its share per image competes with the workers for the cores.
 */
function mainThreadMs() {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

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
const mainBefore = mainThreadMs();
const start = performance.now();
let measuredAt = start;
let mainMeasuring = 0;
const result = await audit(firstItems(), {
  measure: (item) => pool.measure(item),
  concurrency: pool.capacity,
  onProgress: () => {
    measuredAt = performance.now();
  },
  // As `sc scan` does: the workers are gone before scoring, so peak RSS is what users get.
  onMeasured: () => {
    mainMeasuring = mainThreadMs() - mainBefore;
    return pool.close();
  },
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
    // The main thread's part of it while measuring (collecting results, feeding the workers).
    mainMsPerImage: mainMeasuring / result.images.length,
    readMs: perImage("read"),
    decodeMs: perImage("decode"),
    propertiesMs: perImage("properties"),
    scoringSeconds: (end - measuredAt) / 1000,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
  }),
);
