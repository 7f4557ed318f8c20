import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as browser from "../src/browser.js";
import { pngDecoder } from "../src/decoders/png.js";
import * as node from "../src/index.js";
import { GOLDEN_DIR } from "./golden.js";

const golden = (path: string): Uint8Array => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));
const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Every module reachable from `entry` (paths relative to src) and every package specifier it imports. */
async function importGraph(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const text = await readFile(join(SRC, file), "utf8");
    for (const [, target = ""] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      if (target.startsWith("."))
        pending.push(normalize(join(dirname(file), target.replace(/\.js$/, ".ts"))));
      else packages.add(target);
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe("browser entry point", () => {
  it("reaches no pngjs, jpeg-js or Node module from src/browser.ts", async () => {
    const { files, packages } = await importGraph("browser.ts");
    expect(packages).toEqual(["@sc/core-wasm"]);
    expect(files).not.toContain("decoders/png.ts");
    expect(files).not.toContain("decoders/jpeg.ts");
  });

  it("walks into the pixel decoders from the Node entry (the walk sees what it must refuse)", async () => {
    const { files, packages } = await importGraph("index.ts");
    expect(files).toEqual(expect.arrayContaining(["decoders/jpeg.ts", "decoders/png.ts"]));
    expect(packages).toEqual(["@sc/core-wasm", "jpeg-js", "node:zlib", "pngjs"]);
  });

  it("exports the Node API except the built-in decoders", () => {
    const nodeOnly = ["createJpegDecoder", "defaultDecoders", "pngDecoder"];
    expect(Object.keys(browser).sort()).toEqual(
      Object.keys(node)
        .filter((name) => !nodeOnly.includes(name))
        .sort(),
    );
  });

  it("refuses to decode without decoders, naming the file and what to do instead", () => {
    const bytes = golden("day/005-color-none.png");
    expect(() => browser.decodeImage(bytes, { path: "a.png" })).toThrow(
      "a.png: no decoder for this file in the browser build; decode it yourself and use imageFromRgba",
    );
    expect(() => browser.decodeImage(bytes)).toThrow(
      expect.objectContaining({ code: "unsupported_format", path: "<bytes>" }),
    );
  });

  it("decodes with the decoders given, like the Node entry", () => {
    const bytes = golden("night/017-gray_L-none.png");
    const { data, ...rest } = browser.decodeImage(bytes, { decoders: [pngDecoder] });
    const { data: expectedData, ...expectedRest } = node.decodeImage(bytes);
    expect(rest).toEqual(expectedRest);
    expect(Buffer.from(data).equals(Buffer.from(expectedData))).toBe(true);
  });

  it.each(["day/030-gray_L-none.jpg", "night/017-gray_L-none.png"])(
    "reads the header of %s without the pixel decoders",
    (path) => {
      const bytes = golden(path);
      const { width, height, codec } = node.decodeImage(bytes);
      expect(browser.readImageHeader(bytes)).toMatchObject({ width, height, codec, storedGray: true });
    },
  );
});
