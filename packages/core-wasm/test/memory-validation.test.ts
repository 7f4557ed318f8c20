import { describe, expect, it } from "vitest";
import type { PixelImage } from "../src/types.js";
import { constant, freshKernels, randomBytes, wasmBytes } from "./helpers.js";

describe("memory reuse", () => {
  it("does not grow over 10,000 analyses of varying small images", () => {
    const kernels = freshKernels();
    const formats = ["gray", "rgb", "rgba"] as const;
    const images: PixelImage[] = [];
    for (let i = 0; i < 24; i++) {
      const width = 8 + ((i * 37) % 90);
      const height = 8 + ((i * 53) % 70);
      const format = formats[i % 3] ?? "rgb";
      const bpp = format === "gray" ? 1 : format === "rgb" ? 3 : 4;
      images.push({ width, height, format, data: randomBytes(width * height * bpp, i) });
    }
    for (const img of images) kernels.analyze(img);
    const settled = kernels.memoryBytes();
    const results = images.map((img) => kernels.analyze(img));
    for (let i = 0; i < 10_000; i++) kernels.analyze(images[i % images.length] as PixelImage);
    expect(kernels.memoryBytes()).toBe(settled);
    // Reused scratch leaves no trace between images.
    expect(images.map((img) => kernels.analyze(img))).toEqual(results);
  });

  it("grows for a larger image and keeps working for small ones afterwards", () => {
    const kernels = freshKernels();
    const small = constant(10, 10, "rgb", [5, 6, 7]);
    const before = kernels.analyze(small);
    const initial = kernels.memoryBytes();
    kernels.analyze(constant(1500, 1000, "rgba", [1, 2, 3, 4]));
    expect(kernels.memoryBytes()).toBeGreaterThan(initial);
    expect(kernels.analyze(small)).toEqual(before);
  });

  it("analyzes pixels written into inputView in place, with the results of a copied image", () => {
    const kernels = freshKernels();
    const images = [
      { width: 37, height: 21, format: "rgb" as const, data: randomBytes(37 * 21 * 3, 1) },
      { width: 300, height: 200, format: "gray" as const, data: randomBytes(300 * 200, 2) },
      { width: 64, height: 9, format: "rgba" as const, data: randomBytes(64 * 9 * 4, 3) },
    ];
    for (const image of images) {
      const expected = kernels.analyze(image);
      const view = kernels.inputView(image);
      expect(view.length).toBe(image.data.length);
      view.set(image.data);
      expect(kernels.analyze({ ...image, data: view })).toEqual(expected);
    }
    expect(() => kernels.inputView({ width: 0, height: 1, format: "rgb" })).toThrow(/invalid image width 0/);
  });

  it("refuses in wasm an image that cannot fit in 32-bit memory", () => {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes), {});
    const prepare = instance.exports.prepare as (w: number, h: number, c: number) => number;
    expect(prepare(65535, 65535, 4)).toBe(0);
    expect(prepare(0, 10, 4)).toBe(0);
    expect(prepare(10, 10, 2)).toBe(0);
  });
});

describe("input validation", () => {
  const kernels = freshKernels();
  const ok = constant(4, 3, "rgb", [1, 2, 3]);
  it.each([
    [{ ...ok, width: 0 }, /invalid image width 0/],
    [{ ...ok, height: -3 }, /invalid image height -3/],
    [{ ...ok, width: 2.5 }, /invalid image width 2.5/],
    [{ ...ok, width: Number.NaN }, /invalid image width NaN/],
    [{ ...ok, format: "bgr" }, /invalid pixel format "bgr"/],
    [{ ...ok, format: "constructor" }, /invalid pixel format "constructor"/],
    [{ ...ok, data: new Uint8Array(35) }, /pixel data length 35 does not match 4x3 rgb \(36 bytes\)/],
    [{ ...ok, format: "rgba" }, /pixel data length 36 does not match 4x3 rgba \(48 bytes\)/],
    [{ ...ok, data: [1, 2, 3] }, /expected a Uint8Array/],
  ])("rejects %j", (bad, message) => {
    expect(() => kernels.analyze(bad as PixelImage)).toThrow(RangeError);
    expect(() => kernels.analyze(bad as PixelImage)).toThrow(message);
  });

  it("accepts Uint8ClampedArray pixels (canvas ImageData)", () => {
    const data = new Uint8ClampedArray(ok.data);
    expect(kernels.analyze({ ...ok, data: data as unknown as Uint8Array })).toEqual(kernels.analyze(ok));
  });
});
