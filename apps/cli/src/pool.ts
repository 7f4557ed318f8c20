import { Worker } from "node:worker_threads";
import type { RawProperties } from "@sc/properties";
import { UsageError } from "./exit-codes.js";
import type {
  DecoderKind,
  JobRequest,
  JobResponse,
  StageTimes,
  WorkerReady,
  WorkerSetup,
} from "./pool-protocol.js";

export interface PoolJob {
  path: string;
  file?: string;
  read?: () => Promise<Uint8Array>;
}

interface Pending {
  job: JobRequest;
  resolve(raw: RawProperties): void;
  reject(error: Error): void;
  /**
   * On a worker that died with this image running or queued, when it cannot be told which of the two
   * killed it: it is measured again on a worker with nothing queued behind it, so a second death is its.
   */
  suspect?: boolean;
}

interface Slot {
  worker: Worker;
  /** Kernels and decoder loaded: start-up time never counts against an image's time limit. */
  ready: boolean;
  /** The image the worker is on; its time limit runs. */
  running: Pending | null;
  /**
   * The next image (one read from a file), already sent: the worker starts it the moment it answers
   * for `running`, instead of idling for the round trip through a main thread that may wait for a
   * core. Its time limit starts when that answer arrives.
   */
  queued: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** Workers that die before they are ready, in a row, after which the scan fails instead of retrying. */
const MAX_START_FAILURES = 3;

/** A per-file failure reported by a worker; its message is the reason shown in `errors`. */
export class MeasureError extends Error {
  override name = "MeasureError";
}

/** `auto`: the fastest decoder that loads; a kind: that decoder, or a usage error naming why not. */
export type DecoderPreference = "auto" | DecoderKind;

/** The decoder the workers will use and the name the report shows for it. */
export interface DecoderChoice {
  kind: DecoderKind;
  name: string;
}

const PORTABLE: DecoderChoice = { kind: "portable", name: "jpeg-js/pngjs" };

/**
 * Resolves the preference in the main thread, so a decoder that cannot load is known before any worker
 * starts: `auto` takes the libjpeg addon, else sharp, else the portable decoders.
 */
export async function resolveDecoder(preference: DecoderPreference): Promise<DecoderChoice> {
  if (preference === "portable") return PORTABLE;
  let native: typeof import("@sc/decode-native");
  try {
    native = await import("@sc/decode-native");
  } catch (error) {
    if (preference === "auto") return PORTABLE;
    throw new UsageError(`--decoder ${preference}: @sc/decode-native does not load (${String(error)})`);
  }
  try {
    const { kind, name } = await native.chooseDecoder(preference);
    return { kind, name };
  } catch (error) {
    throw new UsageError(
      `--decoder ${preference}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Worker threads that measure images. Each worker reads its own files (nothing is copied through the
 * main thread) and handles one image at a time, with the next one read from a file waiting in its
 * queue (images given as bytes, e.g. Parquet rows, are sent one at a time); a worker stuck
 * on one file longer than `timeoutMs` is replaced, that file becomes an error entry and the queued one
 * goes to another worker.
 */
export class MeasurePool {
  readonly #setup: WorkerSetup;
  readonly #timeoutMs: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  readonly #totals: StageTimes = { read: 0, decode: 0, properties: 0 };
  #measured = 0;
  #nextId = 0;
  #closed = false;
  #startFailures = 0;
  #failure: string | null = null;

  readonly #workerUrl: URL;

  constructor(options: {
    workers: number;
    setup: WorkerSetup;
    timeoutMs: number;
    /** The worker script (tests use stand-ins that crash on cue). */
    workerUrl?: URL;
  }) {
    this.#workerUrl = options.workerUrl ?? new URL("./worker.js", import.meta.url);
    this.#setup = options.setup;
    this.#timeoutMs = options.timeoutMs;
    for (let i = 0; i < options.workers; i++) this.#slots.push(this.#spawn());
  }

  async measure(job: PoolJob): Promise<RawProperties> {
    if (this.#closed) throw new Error(this.#failure ?? "pool is closed");
    const request: JobRequest = { id: this.#nextId++, path: job.path };
    if (job.file !== undefined) request.file = job.file;
    else if (job.read !== undefined) request.bytes = ownBuffer(await job.read());
    else throw new Error("item has neither a file nor bytes");
    return new Promise((resolve, reject) => {
      this.#queue.push({ job: request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Images measured so far and the worker time they took per stage, summed over workers. */
  get stageTotals(): StageTimes & { images: number } {
    return { ...this.#totals, images: this.#measured };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new Error("scan stopped"));
    await Promise.all(
      this.#slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.running?.reject(new Error("scan stopped"));
        slot.queued?.reject(new Error("scan stopped"));
        await slot.worker.terminate();
      }),
    );
  }

  #spawn(): Slot {
    const worker = new Worker(this.#workerUrl, { workerData: this.#setup });
    const slot: Slot = { worker, ready: false, running: null, queued: null, timer: null };
    worker.on("message", (message: JobResponse | WorkerReady) => {
      if ("ready" in message) {
        slot.ready = true;
        this.#startFailures = 0;
        this.#dispatch();
      } else this.#settle(slot, message);
    });
    worker.on("error", (error) => this.#replace(slot, `worker failed: ${error.message}`, "died"));
    worker.on("exit", (code) => {
      if (!this.#closed && this.#slots.includes(slot))
        this.#replace(slot, `worker exited with code ${code}`, "died");
    });
    return slot;
  }

  /** Gives every idle worker an image first, then every busy one its next. */
  #dispatch(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.running !== null) continue;
      const next = this.#send(slot);
      if (next === undefined) return;
      slot.running = next;
      this.#startClock(slot);
    }
    for (const slot of this.#slots) {
      // Bytes are transferred, so a job holding them could not move on if its worker were replaced;
      // a suspect runs with nothing queued before or behind it.
      const head = this.#queue[0];
      if (head?.job.bytes !== undefined || head?.suspect) return;
      if (!slot.ready || slot.queued !== null || slot.running?.suspect) continue;
      const next = this.#send(slot);
      if (next === undefined) return;
      slot.queued = next;
    }
  }

  #send(slot: Slot): Pending | undefined {
    const next = this.#queue.shift();
    if (next === undefined) return undefined;
    const transfer = next.job.bytes ? [next.job.bytes.buffer as ArrayBuffer] : [];
    slot.worker.postMessage(next.job, transfer);
    return next;
  }

  #startClock(slot: Slot): void {
    slot.timer = setTimeout(
      () =>
        this.#replace(
          slot,
          `gave up after ${this.#timeoutMs / 1000} s (decoding hung or was too slow)`,
          "timeout",
        ),
      this.#timeoutMs,
    );
  }

  #settle(slot: Slot, response: JobResponse): void {
    const pending = slot.running;
    if (pending === null || pending.job.id !== response.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = slot.queued;
    slot.queued = null;
    if (slot.running !== null) this.#startClock(slot);
    if ("raw" in response) {
      this.#measured++;
      this.#totals.read += response.times.read;
      this.#totals.decode += response.times.decode;
      this.#totals.properties += response.times.properties;
      pending.resolve(response.raw);
    } else pending.reject(new MeasureError(response.error));
    this.#dispatch();
  }

  /**
   * Kills a stuck or crashed worker, fails the file it was on and starts a fresh worker in its place.
   * A late answer from the killed worker must not count.
   */
  #replace(slot: Slot, reason: string, cause: "timeout" | "died"): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    this.#slots.splice(index, 1);
    const { running, queued } = slot;
    // A worker's death can be reported before the answer it sent for `running` just before starting
    // `queued`: unless the clock ran out on `running`, either one may be the culprit.
    if (cause === "died" && running !== null && queued !== null) {
      running.suspect = true;
      queued.suspect = true;
      this.#queue.unshift(running, queued);
    } else {
      running?.reject(new MeasureError(reason));
      // Not started: it goes to the next free worker.
      if (queued !== null) this.#queue.unshift(queued);
    }
    slot.running = null;
    slot.queued = null;
    void slot.worker.terminate();
    if (!slot.ready && ++this.#startFailures >= MAX_START_FAILURES) {
      void this.#failAll(`workers cannot start: ${reason}`);
      return;
    }
    this.#slots.push(this.#spawn());
    this.#dispatch();
  }

  /** Fails every queued image with `reason` and stops the pool. */
  async #failAll(reason: string): Promise<void> {
    this.#failure = reason;
    const queued = this.#queue.splice(0);
    await this.close();
    for (const pending of queued) pending.reject(new Error(reason));
  }
}

/** A view that owns its whole buffer, so transferring it to a worker detaches nothing else. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}
