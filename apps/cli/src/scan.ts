import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { wasmPath } from "@sc/core-wasm";
import { type AuditResult, audit } from "@sc/lab";
import { type Dataset, DatasetError, openDataset } from "@sc/sources";
import { type SpillFiles, tempSpillFiles } from "@sc/spill/node";
import { writeFileAtomic } from "./atomic-write.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { MeasurePool, resolveDecoder } from "./pool.js";
import { createProgress, progressMode } from "./progress.js";
import { renderResult } from "./render.js";
import type { ScanOptions } from "./scan-options.js";
import { TOOL } from "./tool.js";

export interface ScanIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

/** `sc scan`: open the dataset, measure it in worker threads, write the report; returns the exit code. */
export async function scan(location: string, options: ScanOptions, io: ScanIo): Promise<number> {
  // The listing's paths and the measured rows past the first few thousand wait on disk, so memory
  // stays flat however large the dataset.
  const spill = tempSpillFiles();
  const dataset = await open(location, options, spill);
  const decoder = await resolveDecoder(options.decoder);
  const pool = new MeasurePool({
    workers: Math.max(1, Math.min(options.workers, dataset.size)),
    timeoutMs: options.timeoutMs,
    setup: {
      wasmModule: new WebAssembly.Module(await readFile(wasmPath)),
      maxPixels: options.maxPixels,
      decoder: decoder.kind,
    },
  });
  const progress = createProgress(progressMode(options.quiet, io.stderr), dataset.size, io.stderr);
  let result: AuditResult;
  try {
    result = await audit(dataset.items(), {
      ...options,
      measure: (item) => pool.measure(item),
      // Enough images in flight for full batches; Parquet rows travel as bytes, one per message, so
      // more in flight would only hold more of them in memory.
      concurrency: dataset.kind === "parquet" ? options.workers * 2 : pool.capacity,
      onProgress: (done) => progress.update(done),
      // The workers' memory is returned before scoring and correlation reach their peak.
      onMeasured: () => pool.close(),
      signal: io.signal,
      spill,
      dataset: {
        source: location,
        kind: dataset.kind,
        ignoredFiles: dataset.ignoredFiles,
        decoder: decoder.name,
      },
      sourceErrors: dataset.problems,
      tool: TOOL,
    });
  } finally {
    progress.stop();
    await pool.close();
  }
  if (result.images.length === 0 && result.errors.length === 0) {
    throw new UsageError(`${location}: no images found`);
  }
  // Ctrl-C after measuring still means no output (exit 130).
  io.signal.throwIfAborted();
  const report = await renderResult(result, dataset, options, io.stdout.isTTY === true);
  io.signal.throwIfAborted();
  if (options.out === null) await print(report, io.stdout, io.signal);
  else await writeFileAtomic(options.out, report, io.signal);
  summarize(result, options, io.stderr);
  return options.failOnFlagged && result.correlations.some((c) => c.flagged) ? EXIT.flagged : EXIT.ok;
}

/** Writes the chunks as the stream accepts them, ending with a newline. */
async function print(
  chunks: Iterable<string>,
  stdout: NodeJS.WriteStream,
  signal: AbortSignal,
): Promise<void> {
  let last = "";
  for (const chunk of chunks) {
    signal.throwIfAborted();
    last = chunk;
    if (!stdout.write(chunk)) await once(stdout, "drain");
  }
  if (!last.endsWith("\n")) stdout.write("\n");
}

async function open(location: string, options: ScanOptions, spill: SpillFiles): Promise<Dataset> {
  try {
    return await openDataset(location, {
      pathColumn: options.pathColumn,
      labelColumn: options.labelColumn,
      imageColumn: options.imageColumn,
      spill,
    });
  } catch (error) {
    if (error instanceof DatasetError) throw new UsageError(error.message);
    throw error;
  }
}

function summarize(result: AuditResult, options: ScanOptions, stderr: NodeJS.WriteStream): void {
  if (options.quiet) return;
  const { images, errors, correlations } = result;
  const flagged = correlations.filter((c) => c.flagged).map((c) => c.property);
  stderr.write(`scanned ${images.length} images`);
  if (errors.length > 0) stderr.write(`; ${errors.length} files could not be used (listed under errors)`);
  if (flagged.length > 0) stderr.write(`; possible spurious correlations: ${flagged.join(", ")}`);
  stderr.write(options.out === null ? "\n" : `; report written to ${options.out}\n`);
}
