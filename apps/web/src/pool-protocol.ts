import type { RawProperties } from "@sc/properties";

/** First message to every worker: the compiled kernels (no worker fetches anything itself). */
export interface InitMessage {
  type: "init";
  wasmModule: WebAssembly.Module;
  maxPixels: number;
}

/** One image to measure; `bytes` is transferred, not copied. */
export interface MeasureMessage {
  type: "measure";
  id: number;
  path: string;
  bytes: Uint8Array;
}

export type ToWorker = InitMessage | MeasureMessage;

export type FromWorker = { id: number; raw: RawProperties } | { id: number; error: string };
