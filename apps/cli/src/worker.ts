import { parentPort, workerData } from "node:worker_threads";
import { instantiateKernelsSync, type Kernels } from "@sc/core-wasm";
import type { PixelShape } from "@sc/decode-native";
import { describeFailure } from "@sc/lab";
import { type DecodedImage, type DecodeOptions, decodeImage, measureImage } from "@sc/properties";
import {
  type DecoderKind,
  JobClock,
  type JobRequest,
  type JobResponse,
  type WorkerData,
  type WorkerReady,
} from "./pool-protocol.js";
import { readImageFile } from "./read-image-file.js";

type Decode = (bytes: Uint8Array, options: DecodeOptions) => DecodedImage | Promise<DecodedImage>;

/** The pool only asks for a native decoder after loading it in the main thread, so failing here is a bug. */
function loaded<T>(decoder: T | undefined, kind: DecoderKind): T {
  if (decoder === undefined)
    throw new Error(`the ${kind} decoder loaded in the main thread but not in a worker`);
  return decoder;
}

async function loadDecode(kind: DecoderKind, kernels: Kernels): Promise<Decode> {
  if (kind === "portable") return decodeImage;
  const native = await import("@sc/decode-native");
  if (kind === "libjpeg" || kind === "wasm") {
    // Synchronous (no promise per image), and the pixels go where the kernels read them: no output
    // buffer to allocate and no copy.
    const load = kind === "libjpeg" ? native.loadLibjpegDecoder : native.loadWasmDecoder;
    const libjpeg = loaded(load(), kind);
    const allocate = (_: number, shape: PixelShape) => kernels.inputView(shape);
    return (bytes, options) => libjpeg.decodeSync(bytes, { ...options, allocate });
  }
  const sharp = loaded(await native.loadNativeDecoder(), kind);
  return (bytes, options) => sharp.decode(bytes, options);
}

const setup = workerData as WorkerData;
const clock = new JobClock(setup.clock);
const kernels = instantiateKernelsSync(setup.wasmModule);
const decode = await loadDecode(setup.decoder, kernels);
const port = parentPort;
if (port === null) throw new Error("worker.js must run as a worker thread");

/** Measures one image; never rejects (a failure is the response). */
async function measureJob(job: JobRequest): Promise<JobResponse> {
  clock.start(job.id);
  try {
    const start = performance.now();
    const bytes = job.bytes ?? (job.file !== undefined ? readImageFile(job.file, job.path) : undefined);
    if (bytes === undefined) throw new Error("job carries neither a file nor bytes");
    const read = performance.now();
    const image = await decode(bytes, { path: job.path, maxPixels: setup.maxPixels });
    const decoded = performance.now();
    const raw = measureImage(image, kernels);
    const times = { read: read - start, decode: decoded - read, properties: performance.now() - decoded };
    return { id: job.id, raw, times };
  } catch (error) {
    return { id: job.id, error: describeFailure(error) };
  } finally {
    clock.stop();
  }
}

/** Measures a batch one image at a time; one message answers it all, so the pool wakes once per batch. */
async function measureBatch(jobs: JobRequest[]): Promise<JobResponse[]> {
  const answers: JobResponse[] = [];
  for (const job of jobs) answers.push(await measureJob(job));
  return answers;
}

// The pool sends the next batch before this one is done; a chain keeps them one at a time even when
// decoding is asynchronous (sharp), so a file's time and memory are its own.
let previous: Promise<void> = Promise.resolve();
port.on("message", (jobs: JobRequest[]) => {
  previous = previous.then(async () => port.postMessage(await measureBatch(jobs)));
});
port.postMessage({ ready: true } satisfies WorkerReady);
