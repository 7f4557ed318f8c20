import { type Kernels, loadKernels } from "@sc/core-wasm";
import {
  type ImageDecoder,
  ImageError,
  measureBytes,
  measureImage,
  type RawProperties,
} from "@sc/properties";
import type { AuditResult, FileError } from "@sc/report";
import type { SpillFiles } from "@sc/spill";
import { assembleResult } from "./assemble.js";
import type { LabItem } from "./items.js";
import { MeasuredTable } from "./measured-table.js";
import { runBounded } from "./run-bounded.js";
import { resolveSettings, type SettingsInput } from "./settings.js";

/** Measures one item's raw properties; throws (ideally an ImageError) when the item cannot be used. */
export type Measure = (item: LabItem) => Promise<RawProperties>;

export interface AuditOptions extends SettingsInput {
  /** Kernels to use in this thread (default: the bundled WebAssembly module). */
  kernels?: Kernels;
  /** Decoders tried in order (default: the built-in JPEG and PNG decoders). */
  decoders?: readonly ImageDecoder[];
  /** Replaces in-thread measuring, e.g. with a pool of worker threads. */
  measure?: Measure;
  /** Items measured at once (default 4: overlaps reading with computing). */
  concurrency?: number;
  /** Called after every item with the number of items done. */
  onProgress?: (done: number) => void;
  /**
   * Called and awaited once every item is measured, before scoring: the place to free measuring
   * resources (e.g. close a worker pool) so they are gone before the scoring and correlation peak.
   */
  onMeasured?: () => void | Promise<void>;
  signal?: AbortSignal;
  /**
   * Where the measured rows and their paths go beyond the 32,768 most recently used, so memory stays
   * flat at any dataset size: `tempSpillFiles()` from `@sc/spill/node` in Node. Default: all in memory
   * (about 130 bytes per image).
   */
  spill?: SpillFiles;
  /** Describes the data in the result. */
  dataset?: Partial<Omit<AuditResult["dataset"], "images" | "labeled" | "classes">>;
  /** Problems found before decoding (e.g. bad manifest rows), reported first. */
  sourceErrors?: readonly FileError[];
  tool?: AuditResult["tool"];
}

type Outcome = { item: LabItem; raw: RawProperties } | { item: LabItem; error: string };

/** The whole job: measure every item, then score, summarise and test for label correlations. */
export async function audit(
  items: AsyncIterable<LabItem> | Iterable<LabItem>,
  options: AuditOptions = {},
): Promise<AuditResult> {
  const settings = resolveSettings(options);
  const measure = options.measure ?? (await measureInThread(options, settings.maxPixels));
  const measured = new MeasuredTable({ spill: options.spill });
  const failed: (FileError | undefined)[] = [];
  let done = 0;
  let unlabeled = false;
  await runBounded(
    items,
    options.concurrency ?? 4,
    async (item): Promise<Outcome> => {
      try {
        return { item, raw: await measure(item) };
      } catch (error) {
        return { item, error: describeFailure(error) };
      }
    },
    (outcome, index) => {
      const { item } = outcome;
      unlabeled ||= item.label === null;
      if ("raw" in outcome) measured.set(index, { path: item.path, label: item.label, raw: outcome.raw });
      else failed[index] = { path: item.path, message: outcome.error };
      done++;
      options.onProgress?.(done);
    },
    options.signal,
  );
  await options.onMeasured?.();
  measured.compact();
  return assembleResult({
    measured,
    errors: [...(options.sourceErrors ?? []), ...failed.filter((f) => f !== undefined)],
    settings,
    // Labels belong to the dataset, also to files that failed to decode.
    labeled: done > 0 && !unlabeled,
    dataset: {
      source: options.dataset?.source ?? "",
      kind: options.dataset?.kind ?? "memory",
      ignoredFiles: options.dataset?.ignoredFiles ?? 0,
      decoder: options.dataset?.decoder ?? "jpeg-js/pngjs",
    },
    tool: options.tool ?? { name: "@sc/lab", version: "0.0.0" },
  });
}

async function measureInThread(options: AuditOptions, maxPixels: number): Promise<Measure> {
  const kernels = options.kernels ?? (await loadKernels());
  const decoders = options.decoders;
  return async (item) => {
    if (item.image) return measureImage(item.image, kernels);
    if (!item.read) throw new Error("item has neither bytes nor pixels");
    return measureBytes(await item.read(), kernels, { path: item.path, maxPixels, decoders });
  };
}

/** The reason shown in `errors[].message`: the path is reported separately. */
export function describeFailure(error: unknown): string {
  if (error instanceof ImageError) return error.reason;
  if (error instanceof Error) return error.message;
  return String(error);
}
