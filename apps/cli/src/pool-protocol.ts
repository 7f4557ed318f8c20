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

/** A worker's own start-up data: the common setup and the memory its {@link JobClock} lives in. */
export interface WorkerData extends WorkerSetup {
  clock: SharedArrayBuffer;
}

/**
 * One image to measure: workers read `file` themselves; `bytes` (transferred) when there is no file.
 * Jobs travel in batches (arrays), answered together in one {@link JobResponse} array, in order.
 */
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

/** Job id meaning "between jobs". */
const IDLE = -1;

/**
 * Which job a worker is on and since when, in memory shared with the pool. Answers come per batch, so
 * this is how the pool times each image and knows which one a dying worker was on, without a message
 * per image. Times are `process.hrtime` milliseconds: one clock for every thread of the process.
 */
export class JobClock {
  /** Bytes 0-3: the job id; bytes 8-15: when it started. */
  readonly #id: Int32Array;
  readonly #since: Float64Array;

  constructor(readonly memory = new SharedArrayBuffer(16)) {
    this.#id = new Int32Array(memory, 0, 1);
    this.#since = new Float64Array(memory, 8, 1);
    Atomics.store(this.#id, 0, IDLE);
  }

  /** Worker side: job `id` starts now. */
  start(id: number): void {
    this.#since[0] = now();
    // The store publishes the time written before it to a reader that loads this id.
    Atomics.store(this.#id, 0, id);
  }

  /** Worker side: the job is done. */
  stop(): void {
    Atomics.store(this.#id, 0, IDLE);
  }

  /** Pool side: the job running and for how many milliseconds, or null between jobs. */
  running(): { id: number; ms: number } | null {
    const id = Atomics.load(this.#id, 0);
    return id === IDLE ? null : { id, ms: now() - (this.#since[0] as number) };
  }
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
