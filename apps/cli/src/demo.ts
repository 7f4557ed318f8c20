import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDemoDataset } from "./demo-dataset.js";
import { UsageError } from "./exit-codes.js";
import { type ScanIo, scan } from "./scan.js";
import type { ScanOptions } from "./scan-options.js";

/** `sc demo`: writes the demo dataset (into `outDir` or a temporary folder) and scans it. */
export async function runDemo(outDir: string | null, options: ScanOptions, io: ScanIo): Promise<number> {
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), "sc-demo-")));
  if (outDir !== null && (await readdir(outDir).catch(() => [])).length > 0) {
    throw new UsageError(`${outDir}: --out-dir must be empty or not exist yet`);
  }
  const count = await writeDemoDataset(dir);
  if (!options.quiet) io.stderr.write(`demo dataset: ${count} images in ${dir}\n`);
  return scan(dir, options, io);
}
