import { readFileSync } from "node:fs";
import { instantiateKernelsSync, wasmPath } from "../src/node.js";
import type { Kernels, PixelFormat, PixelImage } from "../src/types.js";

export const wasmBytes: Uint8Array<ArrayBuffer> = new Uint8Array(readFileSync(wasmPath));

export function freshKernels(): Kernels {
  return instantiateKernelsSync(wasmBytes);
}

export function image(width: number, height: number, format: PixelFormat, values: number[]): PixelImage {
  return { width, height, format, data: Uint8Array.from(values) };
}

/** A width x height image filled with one pixel value (one byte per channel). */
export function constant(width: number, height: number, format: PixelFormat, pixel: number[]): PixelImage {
  const data = new Uint8Array(width * height * pixel.length);
  for (let i = 0; i < data.length; i++) data[i] = pixel[i % pixel.length] ?? 0;
  return { width, height, format, data };
}

export function populationStd(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/** Std of the 256 histogram counts of an image whose `count` pixels all share one luma value. */
export function singleBinCountStd(count: number): number {
  return populationStd([count, ...new Array<number>(255).fill(0)]);
}

/** numpy.percentile(values, q) with the default "linear" method, by sorting. */
export function numpyPercentile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const virtual = (sorted.length - 1) * (q / 100);
  const lo = Math.floor(virtual);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? Number.NaN;
  const t = virtual - lo;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** Deterministic pseudo-random bytes (LCG), so failures reproduce. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
