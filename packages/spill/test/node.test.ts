import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { SpillError, tempSpillFiles } from "../src/node.js";

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "spill-test-"));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe("tempSpillFiles", () => {
  test("reads back what was written, at any position, overwrites included", () => {
    const file = tempSpillFiles(directory)();
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 31) % 251);
    file.write(0, bytes);
    file.write(300_000, bytes.subarray(0, 10)); // past the end: the gap reads as zeros
    file.write(5, Uint8Array.of(1, 2, 3));
    const back = new Uint8Array(20_000);
    file.read(0, back);
    expect(Array.from(back.subarray(0, 10))).toEqual([0, 31, 62, 93, 124, 1, 2, 3, 248, 28]);
    expect(back.subarray(8)).toEqual(bytes.subarray(8));
    const gap = new Uint8Array(4);
    file.read(200_000, gap);
    expect(Array.from(gap)).toEqual([0, 0, 0, 0]);
    const tail = new Uint8Array(10);
    file.read(300_000, tail);
    expect(tail).toEqual(bytes.subarray(0, 10));
    file.close();
  });

  test("leaves nothing in the directory, open or closed", () => {
    const files = tempSpillFiles(directory);
    const a = files();
    const b = files();
    a.write(0, Uint8Array.of(1));
    b.write(0, Uint8Array.of(2));
    expect(readdirSync(directory)).toEqual([]);
    const one = new Uint8Array(1);
    b.read(0, one);
    expect(one[0]).toBe(2); // each call opens a file of its own
    a.close();
    b.close();
    a.close(); // twice is harmless
    expect(readdirSync(directory)).toEqual([]);
  });

  test("errors name the file and the reason", () => {
    const file = tempSpillFiles(directory)();
    file.write(0, new Uint8Array(10));
    expect(() => file.read(8, new Uint8Array(4))).toThrow(SpillError);
    expect(() => file.read(8, new Uint8Array(4))).toThrow(
      /read 4 bytes at 8 from .*sc-spill-.*the file ends at 10/,
    );
    file.close();
    expect(() => file.write(0, new Uint8Array(1))).toThrow(/sc-spill-.*: the spill file is closed/);
    const missing = join(directory, "no-such-dir");
    expect(() => tempSpillFiles(missing)()).toThrow(
      new RegExp(`cannot create the spill file ${missing}/sc-spill-.*ENOENT`),
    );
  });
});
