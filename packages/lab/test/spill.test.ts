import type { SpillFile, SpillFiles } from "@sc/spill";
import { tempSpillFiles } from "@sc/spill/node";
import { describe, expect, test } from "vitest";
import { assembleResult } from "../src/assemble.js";
import { type MeasuredImage, MeasuredTable } from "../src/measured-table.js";
import { resolveSettings } from "../src/settings.js";
import { raw } from "./fixtures.js";

/** 4096 rows of 8 numbers and 4 integers. */
const BLOCK_BYTES = 4096 * (8 * 8 + 4 * 4);

/** Spill files that log the size of every read and write. */
function loggedSpill(): { files: SpillFiles; reads: number[]; writes: number[] } {
  const open = tempSpillFiles();
  const reads: number[] = [];
  const writes: number[] = [];
  const files = (): SpillFile => {
    const file = open();
    return {
      location: file.location,
      write: (position, bytes) => {
        writes.push(bytes.length);
        file.write(position, bytes);
      },
      read: (position, into) => {
        reads.push(into.length);
        file.read(position, into);
      },
      close: () => file.close(),
    };
  };
  return { files, reads, writes };
}

const blockReads = (log: number[]) => log.filter((bytes) => bytes === BLOCK_BYTES).length;

function image(row: number): MeasuredImage {
  const dark = row % 3 === 0;
  return {
    path: `c${row % 3}/${String(row).padStart(6, "0")}.jpg`,
    label: `c${row % 3}`,
    raw: raw({
      width: 64 + (row % 5 === 0 ? row % 700 : 0),
      height: 48,
      storedGray: row % 11 === 0,
      grayscaleContent: row % 13 === 0,
      brightness: { ...raw().brightness, p5: (row % 17) / 100, p99: dark ? 0.1 + (row % 50) / 1000 : 0.9 },
      entropy: ((row * 37) % 800) / 100,
      blurriness: (row * 7) % 300,
      grayStd: row % 40,
    }),
  };
}

describe("spilling rows to disk", () => {
  test("rows set out of order across many blocks come back as set, each block read once per pass", () => {
    const spill = loggedSpill();
    const table = new MeasuredTable({ spill: spill.files });
    const rows = 15 * 4096; // past the 8 blocks kept in memory
    const missing = (row: number) => row % 997 === 0;
    // As measurements finish: in order overall, out of order within a window.
    for (let window = 0; window < rows; window += 64)
      for (let row = Math.min(rows, window + 64) - 1; row >= window; row--)
        if (!missing(row)) table.set(row, image(row));
    table.compact();
    expect(blockReads(spill.writes)).toBeGreaterThan(0);
    const kept = Array.from({ length: rows }, (_, row) => row).filter((row) => !missing(row));
    expect(table.length).toBe(kept.length);
    spill.reads.length = 0;
    for (const [i, row] of kept.entries()) {
      const { path, label, raw: expected } = image(row);
      expect([table.path(i), table.label(i)]).toEqual([path, label]);
      expect(table.raw(i)).toEqual({
        ...expected,
        brightness: { p5: expected.brightness.p5, p99: expected.brightness.p99 },
      });
    }
    // A pass in row order reads every block once: none is pushed out before its last row is read.
    expect(blockReads(spill.reads)).toBe(Math.ceil(kept.length / 4096));
  });

  test("a result is the same with and without spill files", () => {
    const images = Array.from({ length: 40_000 }, (_, row) => image(row));
    const settings = resolveSettings();
    const base = {
      errors: [],
      settings,
      dataset: { source: "mem", kind: "memory" as const, ignoredFiles: 0, decoder: "test" },
      tool: { name: "test", version: "0" },
    };
    const inMemory = assembleResult({ ...base, measured: images });
    const spill = loggedSpill();
    const spilled = new MeasuredTable({ spill: spill.files });
    images.forEach((measured, row) => {
      spilled.set(row, measured);
    });
    const fromDisk = assembleResult({ ...base, measured: spilled });
    expect(blockReads(spill.writes)).toBeGreaterThan(0);
    // c0 is darker than c1 and c2, which only chance tells apart: accuracy 2/3, baseline 1/3.
    expect(fromDisk.correlations.find((c) => c.property === "dark")?.score).toBeCloseTo(0.5, 3);
    expect(JSON.stringify(fromDisk)).toBe(JSON.stringify(inMemory));
  });
});
