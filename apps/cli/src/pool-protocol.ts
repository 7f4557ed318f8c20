import type { RawProperties } from "@sc/properties";

/** What every worker gets at start-up: the compiled kernels (compiled once, shared) and the limits. */
export interface WorkerSetup {
  wasmModule: WebAssembly.Module;
  maxPixels: number;
}

/** One image to measure: workers read `file` themselves; `bytes` (transferred) when there is no file. */
export interface JobRequest {
  id: number;
  path: string;
  file?: string;
  bytes?: Uint8Array;
}

export type JobResponse = { id: number; raw: RawProperties } | { id: number; error: string };
