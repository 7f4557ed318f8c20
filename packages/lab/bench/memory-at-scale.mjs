// Peak RSS of scoring, testing and writing the result of N measured images with spill files: the
// part of a scan whose memory could grow with the dataset (measuring is flat, see apps/cli's bench).
// No images are decoded: N synthetic rows (10 labels, 7 sizes, every score spread) go straight into a
// spilled MeasuredTable, so tens of millions fit in minutes. Each N runs in a process of its own;
// the figures are ratios to the smallest N of the same run.
// Usage: pnpm --filter @sc/lab bench   (SC_BENCH_QUICK=1 or --quick: 100k and 1M only)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const LABELS = 10;

async function child(n) {
  const { assembleResult, MeasuredTable, resolveSettings } = await import("../dist/index.js");
  const { renderJsonChunks } = await import("@sc/report");
  const { tempSpillFiles } = await import("@sc/spill/node");
  const started = performance.now();
  const table = new MeasuredTable({ spill: tempSpillFiles() });
  for (let row = 0; row < n; row++) {
    const label = `class-${row % LABELS}`;
    const spread = ((row * 7919) % 10007) / 10007;
    table.set(row, {
      path: `${label}/${String(row).padStart(8, "0")}.jpg`,
      label,
      raw: {
        width: 64 << (row % 7 === 0 ? 3 : 0),
        height: 48 + (row % 7),
        storedGray: row % 31 === 0,
        grayscaleContent: row % 29 === 0,
        brightness: { p1: 0, p5: spread / 2, p10: 0, p15: 0, p90: 0, p95: 0, p99: 0.1 + spread * 0.8 },
        entropy: 8 * spread,
        blurriness: 300 * (1 - spread),
        grayStd: 40 * spread,
      },
    });
  }
  const result = assembleResult({
    measured: table,
    errors: [],
    settings: resolveSettings(),
    dataset: { source: "synthetic", kind: "memory", ignoredFiles: 0, decoder: "none" },
    tool: { name: "memory-at-scale", version: "0" },
  });
  let bytes = 0;
  for (const chunk of renderJsonChunks(result)) bytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes: the process's peak, whatever phase it was in.
  console.log(JSON.stringify({ n, peakRssMB: process.resourceUsage().maxRSS / 1024, seconds, bytes }));
}

function parent() {
  const quick = process.argv.includes("--quick") || process.env.SC_BENCH_QUICK === "1";
  const sizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 3_000_000, 10_000_000];
  const runs = sizes.map((n) => {
    const out = execFileSync(process.execPath, [here, "--child", String(n)], { encoding: "utf8" });
    const run = JSON.parse(out.trim().split("\n").at(-1));
    console.error(`${n} images: ${run.peakRssMB.toFixed(0)} MB in ${run.seconds.toFixed(0)} s`);
    return run;
  });
  const base = runs[0];
  console.log("| images | peak RSS (MB) | / 100k | seconds | JSON (MB) |");
  console.log("| ------ | ------------- | ------ | ------- | --------- |");
  for (const r of runs)
    console.log(
      `| ${r.n.toLocaleString("en")} | ${r.peakRssMB.toFixed(0)} | ${(r.peakRssMB / base.peakRssMB).toFixed(2)} | ${r.seconds.toFixed(0)} | ${(r.bytes / 1e6).toFixed(0)} |`,
    );
}

const at = process.argv.indexOf("--child");
if (at >= 0) await child(Number(process.argv[at + 1]));
else parent();
