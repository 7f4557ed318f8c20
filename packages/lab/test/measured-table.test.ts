import { describe, expect, test } from "vitest";
import { MeasuredTable } from "../src/measured-table.js";
import { raw } from "./fixtures.js";

describe("MeasuredTable", () => {
  test("gives back what scoring reads of a row's raw properties, booleans included", () => {
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
    // Of the brightness percentiles the scores read p5 (light) and p99 (dark) only.
    expect(table.raw(0)).toEqual({ ...distinct, brightness: { p5: 0.05, p99: 0.99 } });
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

  test("rewrite hands over every row in order, compacted, to be overwritten in place, and empties the table", () => {
    const table = new MeasuredTable();
    const rows = 10_000;
    for (let row = 0; row < rows; row++)
      if (row % 1000 !== 7)
        table.set(row, { path: `${row}.jpg`, label: null, raw: raw({ entropy: row, width: row }) });
    const written: number[] = [];
    const rewritten = table.rewrite((r, numbers) => {
      written.push(r.entropy);
      numbers[0] = r.entropy * 2;
    });
    const kept = Array.from({ length: rows }, (_, row) => row).filter((row) => row % 1000 !== 7);
    expect(written).toEqual(kept);
    expect(rewritten.length).toBe(kept.length);
    expect(kept.map((_, i) => rewritten.rows.path(i))).toEqual(kept.map((row) => `${row}.jpg`));
    // The numbers written are the rows' own: read back through the same blocks, sizes untouched.
    expect(kept.map((_, i) => rewritten.rows.number(i, 0))).toEqual(kept.map((row) => row * 2));
    expect(rewritten.rows.size(kept.length - 1)).toEqual({ width: rows - 1, height: 48 });
    expect(table.length).toBe(0);
    expect(() => table.raw(0)).toThrow(RangeError);
  });
});
