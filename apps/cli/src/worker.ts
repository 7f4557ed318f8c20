import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { instantiateKernelsSync } from "@sc/core-wasm";
import { describeFailure } from "@sc/lab";
import { measureBytes } from "@sc/properties";
import type { JobRequest, JobResponse, WorkerSetup } from "./pool-protocol.js";

const setup = workerData as WorkerSetup;
const kernels = instantiateKernelsSync(setup.wasmModule);
const port = parentPort;
if (port === null) throw new Error("worker.js must run as a worker thread");

port.on("message", async (job: JobRequest) => {
  let response: JobResponse;
  try {
    const bytes = job.bytes ?? (job.file !== undefined ? await readFile(job.file) : undefined);
    if (bytes === undefined) throw new Error("job carries neither a file nor bytes");
    const raw = measureBytes(bytes, kernels, { path: job.path, maxPixels: setup.maxPixels });
    response = { id: job.id, raw };
  } catch (error) {
    response = { id: job.id, error: describeFailure(error) };
  }
  port.postMessage(response);
});
