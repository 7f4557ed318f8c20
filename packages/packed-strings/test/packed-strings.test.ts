import type { SpillFile, SpillFiles } from "@sc/spill";
import { tempSpillFiles } from "@sc/spill/node";
import { describe, expect, test } from "vitest";
import { PackedStrings } from "../src/index.js";

const texts = Array.from({ length: 10_000 }, (_, i) => {
  if (i % 1000 === 1) return `${"long/".repeat(300)}${i}.png`; // past the packed length
  if (i % 7 === 0) return "";
  if (i % 5 === 0) return `日本/写真 ${i} 🐕.jpg`; // two-byte and surrogate pairs
  return `class_${i % 3}/${String(i).padStart(7, "0")}.jpg`;
});

function expectAllBack(strings: PackedStrings): void {
  expect(texts.map((text) => strings.add(text))).toEqual(texts.map((_, i) => i));
  expect(strings.length).toBe(texts.length);
  // Read back in a scrambled order: sealed chunks, the pending one and the long strings alike.
  for (let k = 0; k < texts.length; k++) {
    const id = (k * 7919) % texts.length;
    expect(strings.at(id)).toBe(texts[id]);
  }
}

/** Spill files that count the bytes written to them. */
function counted(): { files: SpillFiles; written: () => number; opened: () => number } {
  const open = tempSpillFiles();
  let written = 0;
  let opened = 0;
  const files = (): SpillFile => {
    const file = open();
    opened++;
    return {
      location: file.location,
      write: (position, bytes) => {
        written += bytes.length;
        file.write(position, bytes);
      },
      read: (position, into) => file.read(position, into),
      close: () => file.close(),
    };
  };
  return { files, written: () => written, opened: () => opened };
}

describe("PackedStrings", () => {
  test("gives back every string by id, across chunks, whatever its characters or length", () => {
    expectAllBack(new PackedStrings());
  });

  test("with a spill file, gives back the same, full chunks read from the file", () => {
    const spill = counted();
    const strings = new PackedStrings({ spill: spill.files });
    expectAllBack(strings);
    expect(spill.opened()).toBe(1);
    // Two full chunks of 4096 (the rest is pending): their end offsets and UTF-8 characters.
    const characters = texts
      .slice(0, 8192)
      .map((t) => (t.length > 1024 ? "" : t))
      .join("");
    expect(spill.written()).toBe(2 * 4096 * 4 + new TextEncoder().encode(characters).length);
  });

  test("opens no spill file until a chunk is full", () => {
    const spill = counted();
    const strings = new PackedStrings({ spill: spill.files });
    for (let i = 0; i < 4095; i++) strings.add(`${i}.png`);
    expect(spill.opened()).toBe(0);
    strings.add("last.png");
    expect(spill.opened()).toBe(1);
    expect(strings.at(4095)).toBe("last.png");
  });

  test("keeps in memory a chunk that UTF-8 cannot carry (a lone surrogate)", () => {
    const spill = counted();
    const strings = new PackedStrings({ spill: spill.files });
    const lone = Array.from({ length: 4096 }, (_, i) => (i === 9 ? "bad\uD800.png" : `${i}.png`));
    for (const text of lone) strings.add(text);
    expect(spill.written()).toBe(0);
    expect(strings.at(9)).toBe("bad\uD800.png");
    expect(strings.at(9).charCodeAt(3)).toBe(0xd800);
  });

  test("refuses ids it never gave", () => {
    const strings = new PackedStrings();
    strings.add("a.png");
    expect(() => strings.at(1)).toThrow(/no string 1/);
    expect(() => strings.at(-1)).toThrow(RangeError);
    expect(() => strings.at(0.5)).toThrow(RangeError);
  });
});
