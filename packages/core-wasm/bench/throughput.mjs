// Kernel throughput (all kernels together, one core, megapixels per CPU second) against a
// same-run JS baseline.
// Run: pnpm build && pnpm bench
import { loadKernels } from "../dist/node.js";

const BYTES_PER_PIXEL = { rgb: 3, rgba: 4 };

/** Deterministic photo-like pixels: smooth gradients, a few frequencies of texture and sensor noise. */
function photoLike(width, height, format) {
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

/** Baseline: the least any implementation does, one JS read of every colour byte into histograms. */
function jsHistogramOnly(image) {
  const hist = new Uint32Array(768);
  const d = image.data;
  const bpp = BYTES_PER_PIXEL[image.format];
  for (let i = 0; i < d.length; i += bpp) {
    hist[d[i]]++;
    hist[256 + d[i + 1]]++;
    hist[512 + d[i + 2]]++;
  }
  return hist[0];
}

/** CPU seconds of this process: robust when other processes share the cores. */
function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function megapixelsPerSecond(fn, image, minSeconds = 2) {
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

const kernels = await loadKernels();
console.log(`node ${process.version}, ${process.arch}`);
console.log("| image | kernels.wasm MP/s | JS histogram-only baseline MP/s | wasm / baseline |");
console.log("|---|---:|---:|---:|");
for (const [w, h] of [
  [512, 512],
  [2048, 1536],
]) {
  for (const format of ["rgb", "rgba"]) {
    const image = photoLike(w, h, format);
    const wasm = megapixelsPerSecond((im) => kernels.analyze(im), image);
    const base = megapixelsPerSecond(jsHistogramOnly, image);
    const label = `${w}x${h} ${format.toUpperCase()}`;
    console.log(`| ${label} | ${wasm.toFixed(0)} | ${base.toFixed(0)} | ${(wasm / base).toFixed(2)} |`);
  }
}
