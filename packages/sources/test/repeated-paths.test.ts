import { tempSpillFiles } from "@sc/spill/node";
import { describe, expect, it } from "vitest";
import { Int32List } from "../src/int32-list.js";
import { RepeatedPaths } from "../src/node/repeated-paths.js";
import { RUN_NAMES } from "../src/node/sorted-names.js";

describe("RepeatedPaths", () => {
  it("pairs every repeat with the first row of its path, across spilled sorting runs", () => {
    const rows = 2 * RUN_NAMES + 5000;
    // Every third row repeats one of a few thousand paths; prefixes of each other and two-byte
    // characters among them.
    const pathOf = (index: number) =>
      index % 3 === 0
        ? `犬/${(index * 7919) % 4001}.jpg${index % 2 === 0 ? "" : ".png"}`
        : `row-${index}.jpg`;
    const repeated = new RepeatedPaths(tempSpillFiles());
    const expected = new Map<number, number>();
    const firsts = new Map<string, number>();
    for (let index = 0; index < rows; index++) {
      const path = pathOf(index);
      repeated.add(path, index);
      const first = firsts.get(path);
      if (first === undefined) firsts.set(path, index);
      else expected.set(index, first);
    }
    const found = new Map<number, number>();
    for (const { path, index, first } of repeated.repeats()) {
      expect(path).toBe(pathOf(index));
      found.set(index, first);
    }
    expect(found.size).toBeGreaterThan(80_000);
    expect(found).toEqual(expected);
  });

  it("finds nothing among distinct paths", () => {
    const repeated = new RepeatedPaths();
    for (const [index, path] of ["a", "a b", "a/b", "a\u0001", "b"].entries()) repeated.add(path, index);
    expect([...repeated.repeats()]).toEqual([]);
  });
});

describe("Int32List", () => {
  it("keeps what is pushed across chunks and refuses indices outside it", () => {
    const list = new Int32List();
    for (let i = 0; i < 70_000; i++) list.push(i * 31 - 1_000_000);
    expect(list.length).toBe(70_000);
    expect([list.at(0), list.at(65_535), list.at(65_536), list.at(69_999)]).toEqual([
      -1_000_000,
      65_535 * 31 - 1_000_000,
      65_536 * 31 - 1_000_000,
      69_999 * 31 - 1_000_000,
    ]);
    expect(() => list.at(70_000)).toThrow(RangeError);
    expect(() => list.at(-1)).toThrow(RangeError);
  });
});
