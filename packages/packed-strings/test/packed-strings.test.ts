import { describe, expect, test } from "vitest";
import { PackedStrings } from "../src/index.js";

describe("PackedStrings", () => {
  test("gives back every string by id, across chunks, whatever its characters or length", () => {
    const strings = new PackedStrings();
    const texts = Array.from({ length: 10_000 }, (_, i) => {
      if (i % 1000 === 1) return `${"long/".repeat(300)}${i}.png`; // past the packed length
      if (i % 7 === 0) return "";
      if (i % 5 === 0) return `日本/写真 ${i} 🐕.jpg`; // two-byte and surrogate pairs
      return `class_${i % 3}/${String(i).padStart(7, "0")}.jpg`;
    });
    expect(texts.map((text) => strings.add(text))).toEqual(texts.map((_, i) => i));
    expect(strings.length).toBe(texts.length);
    // Read back in a scrambled order: sealed chunks, the pending one and the long strings alike.
    for (let k = 0; k < texts.length; k++) {
      const id = (k * 7919) % texts.length;
      expect(strings.at(id)).toBe(texts[id]);
    }
  });

  test("refuses ids it never gave", () => {
    const strings = new PackedStrings();
    strings.add("a.png");
    expect(() => strings.at(1)).toThrow(/no string 1/);
    expect(() => strings.at(-1)).toThrow(RangeError);
    expect(() => strings.at(0.5)).toThrow(RangeError);
  });
});
