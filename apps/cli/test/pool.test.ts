import { describe, expect, it } from "vitest";
import { MeasurePool } from "../src/pool.js";
import type { DecoderKind } from "../src/pool-protocol.js";

const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function cuePool(workers: number, timeoutMs = 10_000, decoder: DecoderKind = "portable"): MeasurePool {
  return new MeasurePool({
    workers,
    timeoutMs,
    setup: { wasmModule: new WebAssembly.Module(EMPTY_WASM), maxPixels: 1e6, decoder },
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

describe("MeasurePool when a worker dies on an image of a batch", () => {
  // Batches of 3 (one worker) or 2 (two): a worker dies on an image, maybe after measuring others of
  // its batch whose answers die with it; only the image it was on may be blamed.
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

describe("MeasurePool when a worker dies between images, holding several", () => {
  it("measures each again alone, so only the file that kills it again fails", async () => {
    const paths = ["a.jpg", "exit.jpg", "b.jpg", "c.jpg"];
    expect(await outcomes(cuePool(1), paths)).toEqual({
      "a.jpg": "ok",
      "exit.jpg": "worker exited with code 3",
      "b.jpg": "ok",
      "c.jpg": "ok",
    });
  });
});

describe("MeasurePool when a worker answers part of a batch", () => {
  it("replaces it and measures the batch again, one image at a time, instead of waiting forever", async () => {
    // Four images over one worker's two batches: two per batch.
    const paths = ["short.jpg", "b.jpg", "c.jpg", "d.jpg"];
    expect(await outcomes(cuePool(1), paths)).toEqual({
      "short.jpg": "ok",
      "b.jpg": "ok",
      "c.jpg": "ok",
      "d.jpg": "ok",
    });
  });
});

describe("MeasurePool batches", () => {
  /** The size of the batch each image went in, as the cue worker answers for "batch" paths. */
  async function batchSizes(workers: number, paths: string[]): Promise<number[]> {
    const pool = cuePool(workers);
    const raws = await Promise.all(paths.map((path) => pool.measure({ path, file: path })));
    await pool.close();
    return raws.map((raw) => raw.width);
  }
  const named = (count: number, name: string) => Array.from({ length: count }, (_, i) => `${name}-${i}.jpg`);

  it("sends images added together in batches of up to 8", async () => {
    expect(await batchSizes(1, named(40, "batch"))).toEqual(new Array(40).fill(8));
  });

  it("shares a small scan out over every worker, also those still starting", async () => {
    // 8 images, 2 workers with 2 batches each: batches of 2. The first worker ready must not take them
    // all in two batches of 4 (each image takes long enough for the second one to start meanwhile).
    expect(await batchSizes(2, named(8, "batch-sleep-300"))).toEqual(new Array(8).fill(2));
  });

  it("takes enough images in flight to fill every batch", async () => {
    const pool = cuePool(3);
    expect(pool.capacity).toBe(48);
    await pool.close();
  });
});

describe("MeasurePool time limit of a queued image", () => {
  it("starts when the worker starts the image, not when it was sent", async () => {
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

  it("is each image's own inside a batch, and the others of a stuck worker's batches move on", async () => {
    // One worker, four images: batches of two. The second image of the first batch starts at 0.6 s.
    const paths = ["sleep-600-a.jpg", "sleep-600-b.jpg", "sleep-1500.jpg", "next.jpg"];
    expect(await outcomes(cuePool(1, 1000), paths)).toEqual({
      "sleep-600-a.jpg": "ok",
      "sleep-600-b.jpg": "ok",
      "sleep-1500.jpg": "gave up after 1 s (decoding hung or was too slow)",
      "next.jpg": "ok",
    });
  });
});

describe("MeasurePool worker heaps", () => {
  // Decoders that keep pixels off the JavaScript heap get a small young generation, which keeps peak
  // RSS from growing over a long scan; jpeg-js, which allocates on the heap, keeps V8's default.
  it.each([
    ["libjpeg", 4],
    ["wasm", 4],
    ["sharp", 4],
    ["portable", 48],
  ] as const)("%s workers get a young generation of %i MB", async (decoder, megabytes) => {
    const pool = cuePool(1, 10_000, decoder);
    const raw = await pool.measure({ path: "young.jpg", file: "young.jpg" });
    await pool.close();
    expect(raw.width).toBe(megabytes);
  });
});
