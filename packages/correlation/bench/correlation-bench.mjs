// Benchmark of labelUncorrelatedness on synthetic data: n images x 7 properties.
// Usage: pnpm bench (builds, then runs each size in its own process so peak memory is per size);
// `node bench/correlation-bench.mjs --memory [n]` reports memory per image instead (see measureMemory).
// The baseline is a native Float64Array sort of the same seven columns, measured in the same process:
// the ratio says how many sorts the whole analysis costs. CPU seconds (user + system of this process) are
// reported next to wall-clock seconds because on a shared machine waiting for a core inflates the latter.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { labelUncorrelatedness, seededRandom as random } from "../dist/index.js";

const SIZES = [1e4, 1e5, 1e6, 1e7];

/** Three classes (60/30/10); shapes like real scores: shifts, ties at 1.0 and 0, few distinct sizes. */
function dataset(n) {
  const next = random(42);
  const labels = new Int32Array(n);
  const columns = Object.fromEntries(
    ["dark", "light", "low_information", "odd_aspect_ratio", "odd_size", "grayscale", "blurry"].map(
      (name) => [name, new Float64Array(n)],
    ),
  );
  for (let i = 0; i < n; i++) {
    const u = next();
    const label = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
    labels[i] = label;
    columns.dark[i] = Math.min(1, 0.3 + 0.4 * next() + 0.1 * label);
    columns.light[i] = next() < 0.3 ? 1 : next();
    columns.low_information[i] = Math.min(
      1,
      0.5 + (0.2 * (next() + next() + next())) / 3 + (label === 2 ? 0.1 : 0),
    );
    columns.odd_aspect_ratio[i] = [1, 0.75, 0.5625, 0.8][Math.floor(next() * 4)];
    columns.odd_size[i] = 1 - Math.abs(next() - 0.5) * (label === 1 ? 1.2 : 1);
    columns.grayscale[i] = next() < 0.05 ? 0 : 1;
    columns.blurry[i] = next();
  }
  return { labels, properties: columns };
}

function measure(n) {
  const input = dataset(n);
  const sortStart = performance.now();
  for (const column of Object.values(input.properties)) Float64Array.from(column).sort();
  const sortSeconds = (performance.now() - sortStart) / 1000;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = labelUncorrelatedness(input);
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const flagged = results.filter((r) => r.flagged).map((r) => r.property);
  return { n, seconds, cpuSeconds, sortSeconds, peakMB: process.resourceUsage().maxRSS / 1024, flagged };
}

/**
 * Memory per image of the analysis alone. Each column is handed over by a getter, as the sc CLI does,
 * which samples the ArrayBuffer bytes alive (after collecting garbage) between two properties: the
 * scratch of the previous property is still held then, so the largest sample less the bytes before the
 * call is the scratch the call keeps. Peak RSS less RSS before the call adds the heap, garbage not yet
 * collected and what the allocator kept.
 */
function measureMemory(n) {
  const input = dataset(n);
  const collect = () => {
    // The second collection finishes the first one's concurrent sweep of array buffers.
    globalThis.gc();
    globalThis.gc();
  };
  let scratch = 0;
  const properties = {};
  for (const [name, column] of Object.entries(input.properties)) {
    Object.defineProperty(properties, name, {
      enumerable: true,
      get() {
        collect();
        scratch = Math.max(scratch, process.memoryUsage().arrayBuffers - before);
        return column;
      },
    });
  }
  collect();
  const before = process.memoryUsage().arrayBuffers;
  const rssBefore = process.memoryUsage().rss;
  labelUncorrelatedness({ labels: input.labels, properties });
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return { n, scratchPerImage: scratch / n, peakRssIncreasePerImage: (peakRss - rssBefore) / n };
}

if (process.argv[2] === "--memory") {
  const n = Number(process.argv[3] ?? 1e6);
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", fileURLToPath(import.meta.url), "--memory-size", String(n)],
    { encoding: "utf8" },
  );
  const r = JSON.parse(output);
  console.log(
    `${r.n} images: scratch ${r.scratchPerImage.toFixed(1)} bytes per image, peak RSS +${r.peakRssIncreasePerImage.toFixed(1)} bytes per image`,
  );
} else if (process.argv[2] === "--memory-size") {
  console.log(JSON.stringify(measureMemory(Number(process.argv[3]))));
} else if (process.argv[2] === "--size") {
  console.log(JSON.stringify(measure(Number(process.argv[3]))));
} else {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : SIZES;
  console.log("images      seconds  cpu-seconds  sort-baseline(s)  cpu/sort  peak RSS (MB)  flagged");
  for (const n of sizes) {
    const output = execFileSync(
      process.execPath,
      ["--max-old-space-size=8192", fileURLToPath(import.meta.url), "--size", String(n)],
      {
        encoding: "utf8",
      },
    );
    const r = JSON.parse(output);
    console.log(
      `${String(r.n).padEnd(10)} ${r.seconds.toFixed(2).padStart(8)} ${r.cpuSeconds.toFixed(2).padStart(12)} ${r.sortSeconds.toFixed(2).padStart(17)} ${(r.cpuSeconds / r.sortSeconds).toFixed(1).padStart(9)} ${r.peakMB.toFixed(0).padStart(14)}  ${r.flagged.join(",")}`,
    );
  }
}
