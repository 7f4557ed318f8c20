import { parentPort } from "node:worker_threads";
import { loadKernels } from "@sc/core-wasm";
import { ImageError } from "../src/errors.js";
import { measureBytes } from "../src/measure.js";

/** A fuzz case sent to the worker. */
export interface CaseRequest {
  id: number;
  bytes: Uint8Array;
}

type CaseOutcome = { outcome: "scored" } | { outcome: "refused" } | { outcome: "crash"; error: string };

/** What measuring one case did; `peakRssBytes` is the worker process's peak so far. */
export type CaseResponse = CaseOutcome & { id: number; peakRssBytes: number };

const port = parentPort;
if (port === null) throw new Error("case-worker must run as a worker thread");
const kernels = await loadKernels();

port.on("message", ({ id, bytes }: CaseRequest) => {
  let outcome: CaseOutcome;
  try {
    measureBytes(bytes, kernels, { path: `case-${id}` });
    outcome = { outcome: "scored" };
  } catch (error) {
    outcome =
      error instanceof ImageError
        ? { outcome: "refused" }
        : {
            outcome: "crash",
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          };
  }
  const response: CaseResponse = { ...outcome, id, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  port.postMessage(response);
});
port.postMessage("ready");
