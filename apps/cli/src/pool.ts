import { type ResourceLimits, Worker } from "node:worker_threads";
import type { RawProperties } from "@sc/properties";
import { UsageError } from "./exit-codes.js";
import {
  type DecoderKind,
  JobClock,
  type JobRequest,
  type JobResponse,
  type StageTimes,
  type WorkerData,
  type WorkerReady,
  type WorkerSetup,
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
   * On a worker that died between images while holding several, when it cannot be told which one
   * killed it: it is measured again alone on a worker with nothing queued behind it, so a second death
   * is its.
   */
  suspect?: boolean;
}

/**
 * A small young generation for the decoders that keep pixels outside the JavaScript heap: V8 otherwise
 * grows it to 48 MB per worker over a long scan, most of the growth in peak RSS between 10,000 and
 * 100,000 images (4 MB: 173 -> 142 MB at 100,000, no slower per image). jpeg-js allocates its working
 * buffers on the heap, and with 4 MB spends about 30% longer per image collecting them.
 */
function workerHeapLimits(setup: WorkerSetup): ResourceLimits | undefined {
  return setup.decoder === "portable" ? undefined : { maxYoungGenerationSizeMb: 4 };
}

interface Slot {
  worker: Worker;
  /** Kernels and decoder loaded: start-up time never counts against an image's time limit. */
  ready: boolean;
  /** Which image the worker is on and since when: each image keeps its own time limit. */
  clock: JobClock;
  /**
   * Batches sent and not answered yet, oldest first: the worker is on the first; the next waits in its
   * queue, so the worker starts it the moment it is done instead of idling for the round trip through
   * a main thread that may wait for a core.
   */
  batches: Pending[][];
  /** Checks the running image against the time limit while batches are out. */
  timer: NodeJS.Timeout | null;
}

/** Workers that die before they are ready, in a row, after which the scan fails instead of retrying. */
const MAX_START_FAILURES = 3;

/** Batches a worker holds: the one it is on and the next. */
const BATCHES_PER_WORKER = 2;

/**
 * Most images in one batch. Each answer costs the main thread a wake-up, about 0.06-0.1 ms of CPU (as
 * much as all its other work for an image) that competes with the workers for the cores; one answer per
 * batch of 8 makes that small, and delays no result by more than 7 images.
 */
const MAX_BATCH = 8;

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
 * starts: `auto` takes the libjpeg addon, else sharp, else the WebAssembly libjpeg decoder, else the
 * portable decoders.
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
 * main thread) and measures them one at a time, in batches answered with one message each, with its
 * next batch waiting in its queue (images given as bytes, e.g. Parquet rows, go alone to an idle
 * worker); a worker stuck on one file longer than `timeoutMs` is replaced, that file becomes an error
 * entry and the others it held go to another worker.
 */
export class MeasurePool {
  readonly #setup: WorkerSetup;
  readonly #timeoutMs: number;
  readonly #workers: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  readonly #totals: StageTimes = { read: 0, decode: 0, properties: 0 };
  #measured = 0;
  #nextId = 0;
  #closed = false;
  #dispatchPending = false;
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
    this.#workers = options.workers;
    for (let i = 0; i < options.workers; i++) this.#slots.push(this.#spawn());
  }

  /**
   * Images to keep in flight (e.g. `audit`'s `concurrency`) for every worker to get full batches.
   * Fewer work too, in smaller batches, at the cost of more main-thread wake-ups per image.
   */
  get capacity(): number {
    return this.#workers * BATCHES_PER_WORKER * MAX_BATCH;
  }

  async measure(job: PoolJob): Promise<RawProperties> {
    if (this.#closed) throw new Error(this.#failure ?? "pool is closed");
    const request: JobRequest = { id: this.#nextId++, path: job.path };
    if (job.file !== undefined) request.file = job.file;
    else if (job.read !== undefined) request.bytes = ownBuffer(await job.read());
    else throw new Error("item has neither a file nor bytes");
    return new Promise((resolve, reject) => {
      this.#queue.push({ job: request, resolve, reject });
      this.#dispatchSoon();
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
        this.#stopClock(slot);
        for (const pending of slot.batches.splice(0).flat()) pending.reject(new Error("scan stopped"));
        await slot.worker.terminate();
      }),
    );
  }

  #spawn(): Slot {
    const clock = new JobClock();
    const workerData: WorkerData = { ...this.#setup, clock: clock.memory };
    const worker = new Worker(this.#workerUrl, { workerData, resourceLimits: workerHeapLimits(this.#setup) });
    const slot: Slot = { worker, ready: false, clock, batches: [], timer: null };
    worker.on("message", (message: JobResponse[] | WorkerReady) => {
      if (Array.isArray(message)) this.#settle(slot, message);
      else {
        slot.ready = true;
        this.#startFailures = 0;
        this.#dispatch();
      }
    });
    worker.on("error", (error) => this.#replace(slot, `worker failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (!this.#closed && this.#slots.includes(slot)) this.#replace(slot, `worker exited with code ${code}`);
    });
    return slot;
  }

  /**
   * Dispatches once the current turn of the event loop is over, so the images a caller adds together
   * (e.g. refilling after a batch was answered) go out together as one batch.
   */
  #dispatchSoon(): void {
    if (this.#dispatchPending) return;
    this.#dispatchPending = true;
    setImmediate(() => {
      this.#dispatchPending = false;
      this.#dispatch();
    });
  }

  /** Gives every idle worker a batch first, then every busy one its next. */
  #dispatch(): void {
    if (this.#closed) return;
    const size = this.#batchSize();
    for (let held = 0; held < BATCHES_PER_WORKER; held++) {
      for (const slot of this.#slots) {
        if (!slot.ready || slot.batches.length !== held || this.#runsAlone(slot)) continue;
        const head = this.#queue[0];
        if (head === undefined) return;
        // Bytes are transferred, so a job holding them could not move on if its worker were replaced;
        // a suspect runs with nothing queued before or behind it.
        const alone = head.job.bytes !== undefined || head.suspect === true;
        if (alone && held > 0) return;
        this.#send(slot, this.#queue.splice(0, alone ? 1 : this.#plainRun(size)));
      }
    }
  }

  /**
   * The queue shared out over the batches the workers can take, at most {@link MAX_BATCH} each. Workers
   * still starting count too: the first one ready must not take every image of a small scan.
   */
  #batchSize(): number {
    let open = 0;
    for (const slot of this.#slots) {
      if (!this.#runsAlone(slot)) open += BATCHES_PER_WORKER - slot.batches.length;
    }
    return Math.min(MAX_BATCH, Math.max(1, Math.ceil(this.#queue.length / Math.max(open, 1))));
  }

  /** How many jobs from the head of the queue, up to `size`, may share a batch. */
  #plainRun(size: number): number {
    let n = 1;
    while (n < size && n < this.#queue.length) {
      const next = this.#queue[n] as Pending;
      if (next.job.bytes !== undefined || next.suspect) break;
      n++;
    }
    return n;
  }

  /** A suspect, or an image sent as bytes (which could not be sent again), runs with nothing behind it. */
  #runsAlone(slot: Slot): boolean {
    const first = slot.batches[0]?.[0];
    return first?.suspect === true || first?.job.bytes !== undefined;
  }

  #send(slot: Slot, batch: Pending[]): void {
    const transfer = batch.flatMap((pending) =>
      pending.job.bytes ? [pending.job.bytes.buffer as ArrayBuffer] : [],
    );
    slot.worker.postMessage(
      batch.map((pending) => pending.job),
      transfer,
    );
    slot.batches.push(batch);
    // No image of the batch can run out before the limit has passed from now.
    if (slot.timer === null) this.#checkClockIn(slot, this.#timeoutMs);
  }

  #checkClockIn(slot: Slot, ms: number): void {
    slot.timer = setTimeout(() => this.#checkClock(slot), ms);
  }

  /** Replaces the worker if its image has run out of time, else checks again when it would. */
  #checkClock(slot: Slot): void {
    slot.timer = null;
    if (slot.batches.length === 0) return;
    const running = slot.clock.running();
    // Between images: the answer is on its way, or the next image starts and gets the whole limit.
    if (running === null || running.ms < this.#timeoutMs) {
      this.#checkClockIn(slot, Math.ceil(this.#timeoutMs - (running?.ms ?? 0)));
      return;
    }
    // The image that ran out is named here: by the time the worker is replaced it may be on the next.
    const reason = `gave up after ${this.#timeoutMs / 1000} s (decoding hung or was too slow)`;
    this.#replace(slot, reason, running.id);
  }

  #stopClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  #settle(slot: Slot, answers: JobResponse[]): void {
    const batch = slot.batches[0];
    // A late answer from a replaced worker: its images went to another one.
    if (batch === undefined || batch[0]?.job.id !== answers[0]?.id) return;
    if (answers.length !== batch.length) {
      this.#replace(slot, `worker answered ${answers.length} of a batch of ${batch.length} images`);
      return;
    }
    slot.batches.shift();
    if (slot.batches.length === 0) this.#stopClock(slot);
    answers.forEach((response, i) => {
      const pending = batch[i] as Pending;
      if ("raw" in response) {
        this.#measured++;
        this.#totals.read += response.times.read;
        this.#totals.decode += response.times.decode;
        this.#totals.properties += response.times.properties;
        pending.resolve(response.raw);
      } else pending.reject(new MeasureError(response.error));
    });
    this.#dispatch();
  }

  /**
   * Kills a stuck or crashed worker, fails the file it was on, sends the others it held to the next
   * free workers and starts a fresh worker in its place. A late answer from the killed worker must not
   * count.
   */
  #replace(slot: Slot, reason: string, onImage = slot.clock.running()?.id): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) return;
    this.#stopClock(slot);
    this.#slots.splice(index, 1);
    const held = slot.batches.splice(0).flat();
    // The clock names the image the worker was on. One that died between images may have died of any
    // image it held, or after answering them in a message still on its way: they are all measured
    // again, alone, unless that was already their second chance or their bytes are gone (transferred).
    const alone = held.length === 1 ? held[0] : undefined;
    const culprit =
      held.find((pending) => pending.job.id === onImage) ??
      (alone?.suspect || alone?.job.bytes !== undefined ? alone : undefined);
    culprit?.reject(new MeasureError(reason));
    const others = held.filter((pending) => pending !== culprit);
    if (culprit === undefined) for (const pending of others) pending.suspect = true;
    this.#queue.unshift(...others);
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
