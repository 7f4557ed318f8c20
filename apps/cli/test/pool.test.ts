import { describe, expect, it } from "vitest";
import { MeasurePool } from "../src/pool.js";

const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function crashOnCuePool(workers: number): MeasurePool {
  return new MeasurePool({
    workers,
    timeoutMs: 10_000,
    setup: { wasmModule: new WebAssembly.Module(EMPTY_WASM), maxPixels: 1e6, decoder: "portable" },
    workerUrl: new URL("./fixtures/crash-on-cue-worker.mjs", import.meta.url),
  });
}

/** Each path's outcome: "ok" or the failure message. */
async function outcomes(pool: MeasurePool, paths: string[]): Promise<Record<string, string>> {
  const settled = await Promise.allSettled(
    paths.map((path) => pool.measure({ path, file: `/nowhere/${path}` })),
  );
  await pool.close();
  return Object.fromEntries(
    settled.map((s, i) => [paths[i], s.status === "fulfilled" ? "ok" : (s.reason as Error).message]),
  );
}

describe("MeasurePool when a worker dies with one image running and one queued", () => {
  // The worker answers for the running image and dies on the queued one; its death may be reported
  // before that answer, so only a second death on a worker with nothing queued may blame a file.
  it.each([1, 2])(
    "fails only the file that killed it, every time (%i workers)",
    async (workers) => {
      for (let round = 0; round < 10; round++) {
        const paths = ["a.jpg", "crash.jpg", "b.jpg", "c.jpg", "crash-too.jpg", "d.jpg"];
        expect(await outcomes(crashOnCuePool(workers), paths)).toEqual({
          "a.jpg": "ok",
          "crash.jpg": "worker failed: crashed on crash.jpg",
          "b.jpg": "ok",
          "c.jpg": "ok",
          "crash-too.jpg": "worker failed: crashed on crash-too.jpg",
          "d.jpg": "ok",
        });
      }
    },
    60_000,
  );
});
