import type { DecoderKind } from "@sc/decode-native";
import type { RawProperties } from "@sc/properties";

/**
 * JPEG decoders: `libjpeg` (libjpeg-turbo addon) and `sharp` (libvips) come from the optional
 * @sc/decode-native; `portable` is jpeg-js/pngjs (a type import: nothing loads it).
 */
export type { DecoderKind };

/** What every worker gets at start-up: the compiled kernels (compiled once, shared), decoder and limits. */
export interface WorkerSetup {
  wasmModule: WebAssembly.Module;
  maxPixels: number;
  decoder: DecoderKind;
}

/** One image to measure: workers read `file` themselves; `bytes` (transferred) when there is no file. */
export interface JobRequest {
  id: number;
  path: string;
  file?: string;
  bytes?: Uint8Array;
}

/** Milliseconds a worker spent on one image, per stage. */
export interface StageTimes {
  read: number;
  decode: number;
  properties: number;
}

export type JobResponse =
  | { id: number; raw: RawProperties; times: StageTimes }
  | { id: number; error: string };

/** Sent once by a worker when its kernels and decoder are loaded. */
export interface WorkerReady {
  ready: true;
}
