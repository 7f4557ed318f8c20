import { describe, expect, test } from "vitest";
import { MeasuredTable } from "../src/measured-table.js";
import { raw } from "./fixtures.js";

describe("MeasuredTable", () => {
  test("gives back every raw property of a row, booleans included", () => {
    const distinct = raw({
      width: 640,
      height: 427,
      storedGray: true,
      brightness: { p1: 0.01, p5: 0.05, p10: 0.1, p15: 0.15, p90: 0.9, p95: 0.95, p99: 0.99 },
      entropy: 6.5,
      blurriness: 12.25,
      grayStd: 3.75,
      grayscaleContent: false,
    });
    const table = MeasuredTable.from([
      { path: "a.png", label: "day", raw: distinct },
      { path: "b.png", label: null, raw: raw({ storedGray: false, grayscaleContent: true }) },
    ]);
    expect(table.length).toBe(2);
    expect(table.raw(0)).toEqual(distinct);
    expect(table.raw(1)).toMatchObject({ storedGray: false, grayscaleContent: true });
    expect([table.path(1), table.label(1)]).toEqual(["b.png", null]);
  });

  test("rows set out of order across blocks keep input order; unset rows are dropped by compact", () => {
    const table = new MeasuredTable();
    const rows = 10_000;
    const missing = (row: number) => row % 997 === 0;
    for (let row = rows - 1; row >= 0; row--) {
      if (!missing(row))
        table.set(row, { path: `${row}.jpg`, label: `c${row % 3}`, raw: raw({ entropy: row }) });
    }
    expect(table.length).toBe(rows);
    expect(() => table.raw(997)).toThrow(/no measured image in row 997/);
    table.compact();
    const kept = Array.from({ length: rows }, (_, row) => row).filter((row) => !missing(row));
    expect(table.length).toBe(kept.length);
    for (const [i, row] of kept.entries()) {
      expect(table.path(i)).toBe(`${row}.jpg`);
      expect(table.label(i)).toBe(`c${row % 3}`);
      expect(table.raw(i).entropy).toBe(row);
    }
    expect(() => table.path(kept.length)).toThrow(RangeError);
  });

  test("sizes must be whole pixels: the error names the file", () => {
    const table = new MeasuredTable();
    expect(() => table.set(0, { path: "odd.png", label: null, raw: raw({ width: 12.5 }) })).toThrow(
      "odd.png: image size 12.5x48 is not in whole pixels",
    );
    expect(() => table.set(0, { path: "neg.png", label: null, raw: raw({ height: -1 }) })).toThrow(/neg.png/);
    expect(table.length).toBe(0);
  });

  test("clear empties the table; it can be filled again", () => {
    const table = MeasuredTable.from([{ path: "a.png", label: "x", raw: raw({ width: 7 }) }]);
    table.clear();
    expect(table.length).toBe(0);
    expect(() => table.path(0)).toThrow(RangeError);
    table.set(1, { path: "b.png", label: null, raw: raw({ width: 9, height: 3 }) });
    expect(table.length).toBe(2);
    expect(() => table.path(0)).toThrow(RangeError);
    expect(table.size(1)).toEqual({ width: 9, height: 3 });
  });

  test("drain reads every row in order, compacted, letting each block go once read", () => {
    const table = new MeasuredTable();
    const rows = 10_000;
    for (let row = 0; row < rows; row++)
      if (row % 1000 !== 7) table.set(row, { path: `${row}.jpg`, label: null, raw: raw({ entropy: row }) });
    const { paths } = table.identity();
    const seen: number[] = [];
    const released: boolean[] = [];
    table.drain((row, r) => {
      expect(r.entropy).toBe(Number.parseInt(paths[row] as string, 10));
      seen.push(row);
      // Rows of blocks already read are gone; this block's are not.
      if (row === 5000) released.push(...[0, 4095, 4096, 5000].map((at) => throws(() => table.raw(at))));
    });
    expect(seen).toEqual(Array.from({ length: rows - 10 }, (_, i) => i));
    expect(released).toEqual([true, true, false, false]);
    expect(table.length).toBe(0);
    expect(paths).toHaveLength(rows - 10);
  });
});

function throws(read: () => unknown): boolean {
  try {
    read();
    return false;
  } catch (error) {
    return error instanceof RangeError;
  }
}
