import { describe, expect, it } from "vitest";
import { MeasurePool } from "../src/pool.js";

const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function cuePool(workers: number, timeoutMs = 10_000): MeasurePool {
  return new MeasurePool({
    workers,
    timeoutMs,
    setup: { wasmModule: new WebAssembly.Module(EMPTY_WASM), maxPixels: 1e6, decoder: "portable" },
    workerUrl: new URL("./fixtures/cue-worker.mjs", import.meta.url),
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
        expect(await outcomes(cuePool(workers), paths)).toEqual({
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

describe("MeasurePool time limit of a queued image", () => {
  it("starts when the image before it is answered, not when it was sent", async () => {
    // Each takes 0.6 s of a 1 s limit; counted from sending, the second would run out at 1 s.
    const paths = ["sleep-600-a.jpg", "sleep-600-b.jpg"];
    expect(await outcomes(cuePool(1, 1000), paths)).toEqual({
      "sleep-600-a.jpg": "ok",
      "sleep-600-b.jpg": "ok",
    });
  });

  it("still gives up on an image that takes longer than the limit itself", async () => {
    const paths = ["sleep-1500.jpg", "next.jpg"];
    expect(await outcomes(cuePool(1, 1000), paths)).toEqual({
      "sleep-1500.jpg": "gave up after 1 s (decoding hung or was too slow)",
      "next.jpg": "ok",
    });
  });
});
