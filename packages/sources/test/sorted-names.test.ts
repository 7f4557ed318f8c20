import { tempSpillFiles } from "@sc/spill/node";
import { describe, expect, it } from "vitest";
import { compareCodeUnits } from "../src/code-unit-order.js";
import { RUN_NAMES, SortedNames } from "../src/node/sorted-names.js";

/** Distinct names in a scrambled order, with two-byte characters and surrogate pairs among them. */
function names(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = (i * 7919) % count;
    return n % 10 === 0 ? `日本/${n}🐕.jpg` : `${n.toString(36)}.jpg`;
  });
}

describe("SortedNames", () => {
  it("gives back one run sorted by code unit", () => {
    const sorted = new SortedNames();
    for (const name of ["b.jpg", "a.jpg", "B.jpg", "é.jpg", "a/b.jpg"]) sorted.add(name);
    expect(sorted.length).toBe(5);
    expect([...sorted.sorted()]).toEqual(["B.jpg", "a.jpg", "a/b.jpg", "b.jpg", "é.jpg"]);
  });

  it("merges runs into the order one sort gives, in memory or spilled", () => {
    const all = names(2 * RUN_NAMES + 12_345);
    const expected = [...all].sort(compareCodeUnits);
    const open = tempSpillFiles();
    let opened = 0;
    const counted = () => {
      opened++;
      return open();
    };
    for (const spill of [undefined, counted]) {
      const sorted = new SortedNames(spill);
      for (const name of all) sorted.add(name);
      expect(sorted.length).toBe(all.length);
      const back = [...sorted.sorted()];
      expect(back.length).toBe(expected.length);
      expect(back.every((name, i) => name === expected[i])).toBe(true);
    }
    // Three runs, each packed into a spill file of its own.
    expect(opened).toBe(3);
  });
});
