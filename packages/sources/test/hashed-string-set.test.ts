import { describe, expect, it } from "vitest";
import { HashedStringSet, hash64 } from "../src/hashed-string-set.js";

const imagenetPath = (i: number) => `train/n01440764/n01440764_${i}.JPEG`;

function hashes(texts: Iterable<string>): [number, number][] {
  const out = new Int32Array(2);
  return Array.from(texts, (text) => {
    hash64(text, out);
    return [out[0] as number, out[1] as number];
  });
}

const distinct = (values: Iterable<unknown>) => new Set(values).size;

describe("hash64", () => {
  it("never collides, in either lane, on strings of one length that differ in one code unit", () => {
    const base = imagenetPath(10026);
    for (const position of [0, 17, base.length - 1]) {
      const variants = Array.from(
        { length: 65536 },
        (_, unit) => base.slice(0, position) + String.fromCharCode(unit) + base.slice(position + 1),
      );
      const pairs = hashes(variants);
      expect(distinct(pairs.map(([high]) => high))).toBe(65536);
      expect(distinct(pairs.map(([, low]) => low))).toBe(65536);
    }
  });

  it("spreads sequential paths evenly over the slot bits and keeps the 64-bit hashes distinct", () => {
    const n = 100_000;
    const pairs = hashes(Array.from({ length: n }, (_, i) => imagenetPath(i)));
    // 32-bit lanes: about n^2 / 2^33 = 1.2 collisions expected each; 64 bits: none.
    expect(n - distinct(pairs.map(([high]) => high))).toBeLessThanOrEqual(8);
    expect(n - distinct(pairs.map(([, low]) => low))).toBeLessThanOrEqual(8);
    expect(distinct(pairs.map(([high, low]) => `${high},${low}`))).toBe(n);
    // Chi-square over the 1024 slots of the first table: 1023 degrees of freedom, sd about 45.
    const counts = new Array<number>(1024).fill(0);
    for (const [high] of pairs) counts[high & 1023] = (counts[high & 1023] as number) + 1;
    const expected = n / 1024;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(1023 + 5 * 45);
  });

  it("hashes the empty string and long or non-BMP strings", () => {
    const texts = ["", "\u0000", "\u0000\u0000", "é/😀.png", "x".repeat(100_000), "x".repeat(100_001)];
    expect(distinct(hashes(texts).map(([high, low]) => `${high},${low}`))).toBe(texts.length);
  });
});

describe("HashedStringSet", () => {
  it("adds a string once and reports repeats", () => {
    const set = new HashedStringSet();
    expect(
      ["a", "b", "a", "", "", "t.parquet#1", "t.parquet#1~2", "t.parquet#1"].map((t) => set.add(t)),
    ).toEqual([true, true, false, true, false, true, true, false]);
    expect(set.size).toBe(5);
  });

  it("counts a string whose hash is taken as present", () => {
    // Hash by length: "ab" and "cd" collide.
    const set = new HashedStringSet(0, (text, out) => {
      out[0] = text.length;
      out[1] = 0;
    });
    expect([set.add("ab"), set.add("cd"), set.add("abc")]).toEqual([true, false, true]);
  });

  it("stores the empty-slot hash (0, 0) and probes past the table's end", () => {
    // "" hashes to (0, 0), stored as (0, 1) like "z"; the others start at the last slot.
    const set = new HashedStringSet(0, (text, out) => {
      out[0] = text === "" || text === "z" ? 0 : -1;
      out[1] = text.length;
    });
    const texts = ["", "a", "bb", "ccc", "dddd"];
    expect(texts.map((text) => set.add(text))).toEqual([true, true, true, true, true]);
    expect(texts.map((text) => set.add(text))).toEqual([false, false, false, false, false]);
    expect([set.add("z"), set.add("x")]).toEqual([false, false]);
    expect(set.size).toBe(5);
  });

  it("starts with a table sized for the expected count, up to 2^25 slots", () => {
    const capacities = [0, 768, 769, 1536, 1537, 10_000_000, 2 ** 24, 2 ** 24 + 1, 1e12].map(
      (expected) => new HashedStringSet(expected).capacity,
    );
    expect(capacities).toEqual([1024, 1024, 2048, 2048, 4096, 2 ** 24, 2 ** 25, 2 ** 25, 2 ** 25]);
  });

  it("keeps every string across resizes, doubling only when more than 3/4 full", () => {
    const set = new HashedStringSet();
    // The size at which each capacity was first seen: a table doubles as its (3/4 * slots + 1)th string arrives.
    const firstSeen = new Map<number, number>();
    let added = 0;
    for (let i = 0; i < 200_000; i++) {
      if (set.add(imagenetPath(i))) added++;
      if (!firstSeen.has(set.capacity)) firstSeen.set(set.capacity, set.size);
    }
    expect([...firstSeen]).toEqual([
      [1024, 1],
      ...[2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288].map((slots) => [
        slots,
        (3 / 8) * slots + 1,
      ]),
    ]);
    expect([added, set.size]).toEqual([200_000, 200_000]);
    let repeated = 0;
    for (let i = 0; i < 200_000; i++) if (!set.add(imagenetPath(i))) repeated++;
    let fresh = 0;
    for (let i = 200_000; i < 201_000; i++) if (set.add(imagenetPath(i))) fresh++;
    expect([repeated, fresh, set.size]).toEqual([200_000, 1000, 201_000]);
  });
});
