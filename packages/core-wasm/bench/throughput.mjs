// Kernel throughput (all kernels together, one core, megapixels per CPU second) against a
// same-run JS baseline.
// Run: pnpm build && pnpm bench
import { loadKernels } from "../dist/node.js";
import { BYTES_PER_PIXEL, megapixelsPerSecond, photoLike } from "./measure.mjs";

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
    const wasm = megapixelsPerSecond((im) => kernels.analyze(im), image, 2);
    const base = megapixelsPerSecond(jsHistogramOnly, image, 2);
    const label = `${w}x${h} ${format.toUpperCase()}`;
    console.log(`| ${label} | ${wasm.toFixed(0)} | ${base.toFixed(0)} | ${(wasm / base).toFixed(2)} |`);
  }
}
