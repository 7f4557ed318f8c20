import { describe, expect, test } from "vitest";
import { lazyArray } from "../src/lazy-array.js";

const square = (i: number) => ({ i, square: i * i });
const plain = Array.from({ length: 5 }, (_, i) => square(i));

describe("lazyArray", () => {
  test("reads like the plain array it stands for", () => {
    const lazy = lazyArray(5, square);
    expect(Array.isArray(lazy)).toBe(true);
    expect(lazy.length).toBe(5);
    expect(lazy[3]).toEqual({ i: 3, square: 9 });
    expect(lazy[5]).toBeUndefined();
    expect(lazy[-1]).toBeUndefined();
    expect(3 in lazy).toBe(true);
    expect(5 in lazy).toBe(false);
    expect([...lazy]).toEqual(plain);
    expect(lazy).toEqual(plain);
    expect(Object.keys(lazy)).toEqual(["0", "1", "2", "3", "4"]);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(plain));
    expect(lazy.map((e) => e.square)).toEqual([0, 1, 4, 9, 16]);
    expect(lazy.filter((e) => e.i % 2 === 1)).toEqual([plain[1], plain[3]]);
    expect(lazy.slice(3)).toEqual([plain[3], plain[4]]);
    expect(Array.isArray(lazy.slice(3))).toBe(true);
    expect(lazy.at(-1)).toEqual(plain[4]);
    expect(lazy.findIndex((e) => e.square === 16)).toBe(4);
  });

  test("builds an element at every read and keeps none", () => {
    let built = 0;
    const lazy = lazyArray(3, (i) => {
      built++;
      return { i };
    });
    expect(built).toBe(0);
    expect(lazy[1]).not.toBe(lazy[1]);
    expect(built).toBe(2);
  });

  test("refuses writes with a reason", () => {
    const lazy = lazyArray(2, square) as unknown as { i: number }[];
    expect(() => {
      lazy[0] = { i: 7 };
    }).toThrow(/read-only.*Array\.from/);
    expect(() => lazy.push({ i: 2 })).toThrow(/read-only/);
    expect(() => lazy.sort()).toThrow(/read-only/);
    expect(Array.from(lazy).sort((a, b) => b.i - a.i)[0]).toEqual({ i: 1, square: 1 });
  });

  test("an empty one is an empty array", () => {
    const lazy = lazyArray(0, square);
    expect(lazy).toEqual([]);
    expect(JSON.stringify(lazy)).toBe("[]");
  });
});
