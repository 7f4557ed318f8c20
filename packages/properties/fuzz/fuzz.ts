import { Worker } from "node:worker_threads";
import type { CaseRequest, CaseResponse } from "./case-worker.js";
import { type FuzzCase, mutate, Random } from "./mutate.js";
import { fuzzSeeds, type Seed } from "./seeds.js";

export interface FuzzOptions {
  /** Replays the same cases for the same seed. */
  seed: number;
  /** Stop after this many cases ... */
  iterations: number;
  /** ... or after this many milliseconds, whichever comes first. */
  timeMs?: number;
  /** A case taking longer is a hang (default 10 s: a 100 MP decode in budget takes a few seconds). */
  caseTimeoutMs?: number;
  /** Peak resident memory of the process running the cases above this is a finding (default 1 GiB). */
  maxRssBytes?: number;
  /** Called with every finding as it happens (e.g. to save the file). */
  onFinding?: (finding: Finding) => void;
}

export interface Finding {
  kind: "crash" | "hang" | "memory" | "worker-died";
  /** Case number; `Random(caseSeed(seed, index))` rebuilds it. */
  index: number;
  seedFile: string;
  mutations: string[];
  bytes: Uint8Array;
  detail: string;
}

export interface FuzzReport {
  cases: number;
  scored: number;
  refused: number;
  findings: Finding[];
}

const WORKER_URL = new URL("./case-worker.ts", import.meta.url);
const REGISTER_URL = new URL("./register.mjs", import.meta.url);

/** The seed of case `index`: every case can be rebuilt alone. */
export const caseSeed = (seed: number, index: number): number => (Math.imul(seed, 0x9e3779b1) ^ index) >>> 0;

/** Case `index` of a run: which seed file and which mutations. */
export function buildCase(
  seeds: readonly Seed[],
  seed: number,
  index: number,
): FuzzCase & { seedFile: string } {
  const random = new Random(caseSeed(seed, index));
  const file = random.pick(seeds);
  return { ...mutate(file.bytes, random), seedFile: file.name };
}

/** A worker thread that runs the TypeScript sources directly; resolves once it is ready for cases. */
function startWorker(): Promise<Worker> {
  const worker = new Worker(WORKER_URL, { execArgv: ["--import", REGISTER_URL.href] });
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

type Settled =
  | CaseResponse
  | { id: number; outcome: "hang" }
  | { id: number; outcome: "died"; error: string };

/** Runs one case; a hang or a dead worker settles too (the caller then replaces the worker). */
function runCase(worker: Worker, request: CaseRequest, timeoutMs: number): Promise<Settled> {
  return new Promise((resolve) => {
    const done = (settled: Settled) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      resolve(settled);
    };
    const onMessage = (response: CaseResponse) => done(response);
    const onError = (error: Error) => done({ id: request.id, outcome: "died", error: error.message });
    const onExit = (code: number) => done({ id: request.id, outcome: "died", error: `exit code ${code}` });
    const timer = setTimeout(() => done({ id: request.id, outcome: "hang" }), timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(request);
  });
}

/**
 * Mutates valid PNG and JPEG files and measures each in a worker thread. A case must be scored or
 * refused with an ImageError: anything else thrown, a case over the time limit, or the worker's
 * memory peak over the limit is a finding. A hung or dead worker is replaced and the run goes on.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, iterations, timeMs = Number.POSITIVE_INFINITY } = options;
  const caseTimeoutMs = options.caseTimeoutMs ?? 10_000;
  const maxRssBytes = options.maxRssBytes ?? 2 ** 30;
  const seeds = fuzzSeeds();
  const report: FuzzReport = { cases: 0, scored: 0, refused: 0, findings: [] };
  const deadline = Date.now() + timeMs;
  let worker = await startWorker();
  let memoryReported = false;
  try {
    for (let index = 0; index < iterations && Date.now() < deadline; index++) {
      const fuzzCase = buildCase(seeds, seed, index);
      const settled = await runCase(worker, { id: index, bytes: fuzzCase.bytes }, caseTimeoutMs);
      report.cases++;
      const finding = (kind: Finding["kind"], detail: string) => {
        const found: Finding = { kind, index, ...fuzzCase, detail };
        report.findings.push(found);
        options.onFinding?.(found);
      };
      switch (settled.outcome) {
        case "scored":
          report.scored++;
          break;
        case "refused":
          report.refused++;
          break;
        case "crash":
          finding("crash", settled.error);
          break;
        case "hang":
          finding("hang", `no answer after ${caseTimeoutMs} ms`);
          break;
        case "died":
          finding("worker-died", settled.error);
      }
      if ("peakRssBytes" in settled && settled.peakRssBytes > maxRssBytes && !memoryReported) {
        // The peak only grows, so only the case that first crossed the limit is reported.
        memoryReported = true;
        finding("memory", `peak resident memory ${Math.round(settled.peakRssBytes / 2 ** 20)} MiB`);
      }
      if (settled.outcome === "hang" || settled.outcome === "died") {
        await worker.terminate();
        worker = await startWorker();
      }
    }
  } finally {
    await worker.terminate();
  }
  return report;
}
