// Shared by the benchmark scripts: deterministic test images and CPU-time throughput.

export const BYTES_PER_PIXEL = { rgb: 3, rgba: 4 };

/** Deterministic photo-like pixels: smooth gradients, a few frequencies of texture and sensor noise. */
export function photoLike(width, height, format) {
  const bpp = BYTES_PER_PIXEL[format];
  const data = new Uint8Array(width * height * bpp);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const noise = ((seed >>> 16) & 15) - 8;
      const tex = 40 * Math.sin(x / 23) * Math.cos(y / 31) + 15 * Math.sin((x + y) / 5);
      const i = bpp * (y * width + x);
      data[i] = Math.max(0, Math.min(255, 120 + (100 * x) / width + tex + noise));
      data[i + 1] = Math.max(0, Math.min(255, 90 + (80 * y) / height + tex * 0.8 + noise));
      data[i + 2] = Math.max(0, Math.min(255, 60 + tex * 0.5 + noise));
      if (bpp === 4) data[i + 3] = 255;
    }
  }
  return { width, height, format, data };
}

/** A flat sky: a slow vertical gradient, every row one colour (long runs of equal histogram bins). */
export function flatSky(width, height, format) {
  const bpp = BYTES_PER_PIXEL[format];
  const data = new Uint8Array(width * height * bpp);
  for (let i = 0; i < width * height; i++) {
    const y = Math.floor(i / width);
    data.set([100 + (y >> 6), 150 + (y >> 7), 200, 255].slice(0, bpp), bpp * i);
  }
  return { width, height, format, data };
}

/** CPU seconds of this process: robust when other processes share the cores. */
function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Megapixels per CPU second of fn(image), run for at least minSeconds after a short warm-up. */
export function megapixelsPerSecond(fn, image, minSeconds) {
  for (let i = 0; i < 3; i++) fn(image);
  let runs = 0;
  const start = cpuSeconds();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    fn(image);
    runs++;
    elapsed = cpuSeconds() - start;
  }
  return (image.width * image.height * runs) / 1e6 / elapsed;
}
