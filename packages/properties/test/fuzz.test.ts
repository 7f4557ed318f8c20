import { describe, expect, it } from "vitest";
import { runFuzz } from "../fuzz/fuzz.js";
import { MUTATIONS, mutate, Random } from "../fuzz/mutate.js";
import { smallJpeg, smallPng } from "../test-support/hostile-corpus.js";

describe("mutation fuzzer", () => {
  it("replays the same cases for the same seed", () => {
    const run = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => mutate(smallPng, random).bytes);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("every mutation changes some file and leaves its input alone", () => {
    for (const [name, mutation] of Object.entries(MUTATIONS)) {
      for (const seed of [smallPng, smallJpeg]) {
        const before = Uint8Array.from(seed);
        const random = new Random(3);
        const changed = Array.from({ length: 10 }, () => mutation(seed, random)).some(
          (out) => Buffer.compare(out, seed) !== 0,
        );
        expect(changed, name).toBe(true);
        expect(Buffer.compare(seed, before), name).toBe(0);
      }
    }
  });

  it("a fixed-seed run finds nothing: only ImageError, no hang, bounded memory", async () => {
    const report = await runFuzz({ seed: 20240601, iterations: 100 });
    expect(report.findings.map((f) => `${f.kind} ${f.index}: ${f.detail}`)).toEqual([]);
    expect(report.cases).toBe(100);
    // The mutations must reach the decoders, not only the cheap checks in front of them.
    expect(report.scored).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(report.scored);
  }, 60_000);
});
