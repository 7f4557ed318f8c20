// Throughput and memory benchmark of the CLI's measuring pipeline (issue 6).
// Usage: pnpm bench            (full: 1,000 photos 512x512, 16 photos 2048x1536, 10k and 100k small)
//        pnpm bench -- --quick, or SC_BENCH_QUICK=1 pnpm bench at the root (200 photos, 4 large, 2k and
//        10k small: a quick look)
// Every scan runs in its own process (run-scan.mjs); ratios compare runs of this same invocation.
import { execFileSync, spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { CACHE, photoSet, smallSet } from "./datasets.mjs";

const quick = process.argv.includes("--quick") || process.env.SC_BENCH_QUICK === "1";
const size = quick
  ? { photos: 200, portablePhotos: 60, large: 4, small: [2_000, 10_000] }
  : { photos: 1_000, portablePhotos: 200, large: 16, small: [10_000, 100_000] };
const CLEANVISION_IMAGES_PER_SECOND = 47;

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const correlationBench = here("../../../packages/correlation/bench/correlation-bench.mjs");

/**
 * The same-run baseline: CleanVision's per-image work with Pillow and numpy (bench/pillow-baseline.py),
 * with the first Python that has both, or undefined (the table then says how to get it).
 */
function pillowBaseline(dir, limit) {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(python, ["-c", "import PIL, numpy"], { stdio: "ignore" });
    if (probe.status !== 0) continue;
    const out = execFileSync(python, [here("pillow-baseline.py"), dir, String(limit)], { encoding: "utf8" });
    return JSON.parse(out.trim().split("\n").at(-1));
  }
  return undefined;
}

function scanRun(spec) {
  const out = execFileSync(process.execPath, [here("run-scan.mjs"), JSON.stringify(spec)], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1));
}

const fmt = (x, digits = 1) => x.toFixed(digits);
const row = (name, r) =>
  `| ${name} | ${r.decoder} | ${r.workers} | ${r.images} | ${fmt(r.imagesPerSecond)} | ${fmt(r.cpuMsPerImage, 2)} | ${fmt(r.mainMsPerImage, 3)} | ${fmt(r.readMs, 2)} | ${fmt(r.decodeMs, 2)} | ${fmt(r.propertiesMs, 2)} | ${fmt(r.scoringSeconds * 1000, 0)} | ${fmt(r.peakRssMB, 0)} |`;

console.error(`datasets in ${CACHE} (generated on first use)`);
const photos = photoSet("photo", size.photos, 512, 512);
const large = photoSet("large", size.large, 2048, 1536);
const loadBefore = loadavg()[0];

/** The run with the median images/s (runs of one configuration, alternating with the others). */
const median = (rs) => [...rs].sort((a, b) => a.imagesPerSecond - b.imagesPerSecond)[rs.length >> 1];

// The default decoder's 1- and 2-worker runs alternate ROUNDS times: the scaling ratio compares
// medians, so one burst of load from other processes does not decide it.
const ROUNDS = 3;
const runs = [];
for (const [name, dir, portableLimit] of [
  ["512x512", photos, size.portablePhotos],
  ["2048x1536", large, size.large],
]) {
  for (const decoder of ["auto", "wasm", "portable"]) {
    const rounds = decoder === "auto" && name === "512x512" ? ROUNDS : 1;
    const tries = { 1: [], 2: [] };
    for (let round = 0; round < rounds; round++) {
      for (const workers of [1, 2]) {
        const limit = decoder === "portable" ? portableLimit : undefined;
        console.error(`${name} ${decoder} ${workers} worker(s)${rounds > 1 ? ` round ${round + 1}` : ""}`);
        tries[workers].push({
          name,
          rounds,
          preference: decoder,
          ...scanRun({ dir, workers, decoder, limit }),
        });
      }
    }
    runs.push(median(tries[1]), median(tries[2]));
  }
}

console.error("Pillow + numpy baseline");
const pillow = pillowBaseline(photos, size.photos);

const memory = size.small.map((count) => {
  console.error(`${count} small images`);
  return { count, ...scanRun({ dir: smallSet(count), workers: 2, decoder: "auto" }) };
});

console.error("correlation of 10^6 images");
const correlation = JSON.parse(
  execFileSync(process.execPath, [correlationBench, "--size", "1000000"], { encoding: "utf8" }),
);

const find = (preference, workers) =>
  runs.find((r) => r.name === "512x512" && r.preference === preference && r.workers === workers);
const native1 = find("auto", 1);
const native2 = find("auto", 2);
const wasm1 = find("wasm", 1);
const wasm2 = find("wasm", 2);
const portable1 = find("portable", 1);
const portable2 = find("portable", 2);

const vsPillow = (r) =>
  pillow === undefined
    ? "no baseline: needs Python with Pillow and numpy (Debian: apt-get install python3-pil python3-numpy)"
    : `${fmt(1000 / r.cpuMsPerImage / (1000 / pillow.cpuMsPerImage), 2)}x`;
const lines = [
  `Run: node ${process.version}, ${quick ? "--quick" : "full"}, load average before ${fmt(loadBefore, 2)}, after ${fmt(loadavg()[0], 2)} (2 cores).`,
  "",
  "| set | decoder | workers | images | images/s | CPU ms/img | main thread ms/img | read ms/img | decode ms/img | properties ms/img | scoring ms | peak RSS MB |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ...runs.map((r) => row(r.rounds > 1 ? `${r.name} (median of ${r.rounds})` : r.name, r)),
  "",
  "| small 64x48 images | images/s | peak RSS MB |",
  "|---|---|---|",
  ...memory.map((m) => `| ${m.count} | ${fmt(m.imagesPerSecond)} | ${fmt(m.peakRssMB, 0)} |`),
  "",
  pillow === undefined
    ? "Pillow + numpy baseline: not run (no Python with Pillow and numpy)."
    : `Pillow ${pillow.pillow} + numpy ${pillow.numpy} baseline (CleanVision's per-image work, bench/pillow-baseline.py), 512x512, one core: ${fmt(pillow.imagesPerSecond)} images/s, ${fmt(pillow.cpuMsPerImage, 2)} CPU ms/img (read ${fmt(pillow.readMs, 2)}, decode ${fmt(pillow.decodeMs, 2)}, properties ${fmt(pillow.propertiesMs, 2)} ms/img).`,
  "",
  "| target (512x512) | measured | goal |",
  "|---|---|---|",
  `| default decoder, 1 worker, images per CPU-second vs the Pillow baseline | ${vsPillow(native1)} | >= 4x |`,
  `| WebAssembly libjpeg (no native code), 1 worker, images per CPU-second vs the Pillow baseline | ${vsPillow(wasm1)} | >= 1x |`,
  `| portable decoder (jpeg-js), 1 worker, images per CPU-second vs the Pillow baseline | ${vsPillow(portable1)} | >= 1x |`,
  `| default decoder, 1 worker | ${fmt(native1.imagesPerSecond)} images/s = ${fmt(native1.imagesPerSecond / CLEANVISION_IMAGES_PER_SECOND, 2)}x CleanVision's 47 | >= 190 (4x) |`,
  `| default decoder, images per CPU-second (per core, whatever the load) | ${fmt(1000 / native1.cpuMsPerImage)} at 1 worker, ${fmt(1000 / native2.cpuMsPerImage)} at 2 = ${fmt(1000 / native1.cpuMsPerImage / CLEANVISION_IMAGES_PER_SECOND, 2)}x CleanVision | >= 190 |`,
  `| WebAssembly libjpeg, images per CPU-second | ${fmt(1000 / wasm1.cpuMsPerImage)} | >= 47 |`,
  `| portable decoder (jpeg-js), images per CPU-second | ${fmt(1000 / portable1.cpuMsPerImage)} | >= 47 |`,
  `| 2 workers / 1 worker, default decoder | ${fmt(native2.imagesPerSecond / native1.imagesPerSecond, 2)}x | >= 1.8x |`,
  `| 2 workers / 1 worker, WebAssembly libjpeg | ${fmt(wasm2.imagesPerSecond / wasm1.imagesPerSecond, 2)}x | >= 1.8x |`,
  `| 2 workers / 1 worker, portable decoder | ${fmt(portable2.imagesPerSecond / portable1.imagesPerSecond, 2)}x | >= 1.8x |`,
  `| WebAssembly libjpeg, 1 worker | ${fmt(wasm1.imagesPerSecond)} images/s | >= 47 |`,
  `| portable (jpeg-js), 1 worker | ${fmt(portable1.imagesPerSecond)} images/s | >= 47 |`,
  `| default / portable decoder, 1 worker | ${fmt(native1.imagesPerSecond / portable1.imagesPerSecond, 2)}x | |`,
  `| peak RSS, ${memory.map((m) => m.count).join(" vs ")} small images | ${memory.map((m) => fmt(m.peakRssMB, 0)).join(" vs ")} MB | flat, < 300 |`,
  `| correlation, 10^6 images x 7 properties | ${fmt(correlation.seconds, 2)} s (${fmt(correlation.seconds / correlation.sortSeconds, 1)}x a plain sort of the columns) | < 3 s |`,
];
console.log(lines.join("\n"));
