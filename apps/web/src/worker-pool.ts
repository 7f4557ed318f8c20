import type { LabItem } from "@sc/lab";
import type { RawProperties } from "@sc/properties";
import type { FromWorker, ToWorker } from "./pool-protocol.js";

/** The part of `Worker` the pool uses, so tests can pass fakes. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Job {
  item: LabItem;
  bytes: Uint8Array;
  resolve: (raw: RawProperties) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: WorkerLike;
  job: (Job & { id: number }) | null;
}

/** Bytes whose whole buffer can be transferred; a view into a larger buffer (a Parquet page) is copied. */
function owned(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}

/** Workers for the machine: one per logical core, at least one, at most 16 (memory per worker). */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) : 1;
  return Math.min(16, Math.max(1, cores));
}

/**
 * Measures images in Web Workers, one image per worker at a time, queueing the rest. Each worker gets
 * the compiled kernels once; image bytes are transferred. A worker that crashes fails its image and
 * is replaced, so one bad file cannot stall the audit.
 */
export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly init: Extract<ToWorker, { type: "init" }>,
    size: number,
  ) {
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  /** Raw properties of one item, for `audit({ measure })`. */
  async measure(item: LabItem): Promise<RawProperties> {
    if (this.closed) throw new Error("worker pool is closed");
    if (!item.read) throw new Error("item has no bytes to decode");
    const bytes = owned(await item.read());
    return new Promise((resolve, reject) => {
      this.queue.push({ item, bytes, resolve, reject });
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.job?.reject(new Error("worker pool closed"));
      slot.worker.terminate();
    }
    for (const job of this.queue.splice(0)) job.reject(new Error("worker pool closed"));
  }

  private start(): Slot {
    const slot: Slot = { worker: this.spawn(), job: null };
    slot.worker.onmessage = (event) => this.finish(slot, event.data);
    slot.worker.onerror = (event) => {
      event.preventDefault?.();
      const job = slot.job;
      slot.worker.terminate();
      const replacement = this.start();
      this.slots[this.slots.indexOf(slot)] = replacement;
      job?.reject(new Error(`decoder worker crashed (${event.message || "unknown error"})`));
      this.dispatch();
    };
    slot.worker.postMessage(this.init);
    return slot;
  }

  private finish(slot: Slot, reply: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    slot.job = null;
    if ("raw" in reply) job.resolve(reply.raw);
    else job.reject(new Error(reply.error));
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      const id = this.nextId++;
      slot.job = { ...job, id };
      slot.worker.postMessage({ type: "measure", id, path: job.item.path, bytes: job.bytes }, [
        job.bytes.buffer as ArrayBuffer,
      ]);
    }
  }
}
