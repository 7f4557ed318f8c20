// Deterministic benchmark datasets, written once into a cache folder and reused.
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom as random } from "@sc/correlation";
import jpeg from "jpeg-js";

/** Bump when the generator changes so stale caches are not reused. */
const GENERATOR_VERSION = 1;
export const CACHE = process.env.SC_BENCH_CACHE ?? join(tmpdir(), `sc-bench-v${GENERATOR_VERSION}`);

/**
 * A photo-like RGBA picture: a smooth sky-to-ground gradient, low-frequency texture, a few soft-edged
 * objects and sensor-like noise, so it compresses and decodes like a camera JPEG (not like flat
 * synthetic art, which decodes faster, nor like white noise, which decodes slower).
 */
function photo(width, height, seed) {
  const next = random(seed);
  const base = [0, 1, 2].map(() => [40 + 170 * next(), 40 + 170 * next()]);
  const waves = Array.from({ length: 4 }, () => ({
    fx: (next() * 12 * Math.PI) / width,
    fy: (next() * 12 * Math.PI) / height,
    phase: next() * 6.28,
    amp: 10 + 25 * next(),
  }));
  const blobs = Array.from({ length: 6 }, () => ({
    x: next() * width,
    y: next() * height,
    r: (0.05 + 0.2 * next()) * Math.min(width, height),
    colour: [255 * next(), 255 * next(), 255 * next()],
  }));
  // sin(a + b) = sin a cos b + cos a sin b: the waves cost two table look-ups per pixel.
  const table = (n, f, phase) => Float64Array.from({ length: n }, (_, i) => f * i + phase);
  const rows = waves.map((w) => ({ a: table(width, w.fx, w.phase), b: table(height, w.fy, 0), amp: w.amp }));
  for (const r of rows) {
    r.sa = r.a.map(Math.sin);
    r.ca = r.a.map(Math.cos);
    r.sb = r.b.map((v) => r.amp * Math.sin(v));
    r.cb = r.b.map((v) => r.amp * Math.cos(v));
  }
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      let texture = 0;
      for (const r of rows) texture += r.sa[x] * r.cb[y] + r.ca[x] * r.sb[y];
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const [top, bottom] = base[c];
        data[i + c] = top + (bottom - top) * v + texture + (next() - 0.5) * 12;
      }
      data[i + 3] = 255;
    }
  }
  for (const b of blobs) {
    const reach = Math.ceil(b.r * 1.1);
    for (let y = Math.max(0, Math.floor(b.y - reach)); y < Math.min(height, b.y + reach); y++) {
      for (let x = Math.max(0, Math.floor(b.x - reach)); x < Math.min(width, b.x + reach); x++) {
        const alpha = Math.min(1, Math.max(0, (1.1 - Math.hypot(x - b.x, y - b.y) / b.r) * 5));
        const i = (y * width + x) * 4;
        for (let c = 0; c < 3; c++) data[i + c] = data[i + c] * (1 - alpha) + b.colour[c] * alpha;
      }
    }
  }
  return data;
}

/** `count` JPEGs (quality 85) in two class folders; returns the folder. Written once, atomically. */
export function photoSet(name, count, width, height) {
  const dir = join(CACHE, `${name}-${count}-${width}x${height}`);
  if (existsSync(dir)) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  for (const label of ["a", "b"]) mkdirSync(join(partial, label), { recursive: true });
  for (let i = 0; i < count; i++) {
    const data = photo(width, height, i + 1);
    const file = join(partial, i % 2 ? "b" : "a", `${String(i).padStart(6, "0")}.jpg`);
    writeFileSync(file, jpeg.encode({ width, height, data }, 85).data);
  }
  renameSync(partial, dir);
  return dir;
}

/**
 * `count` small JPEGs (64x48) for the memory run: 256 distinct pictures written under many names, so
 * a 100,000-image folder takes seconds to make while every file is still read and decoded.
 */
export function smallSet(count) {
  const dir = join(CACHE, `small-${count}`);
  if (existsSync(dir)) return dir;
  const distinct = Array.from(
    { length: 256 },
    (_, i) => jpeg.encode({ width: 64, height: 48, data: photo(64, 48, i + 1) }, 85).data,
  );
  const partial = `${dir}.partial-${process.pid}`;
  for (const label of ["a", "b"]) mkdirSync(join(partial, label), { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(partial, i % 2 ? "b" : "a", `${String(i).padStart(7, "0")}.jpg`), distinct[i % 256]);
  }
  renameSync(partial, dir);
  return dir;
}
