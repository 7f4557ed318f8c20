// PIL's FIND_EDGES filter on the shrunk luma image and the two statistics CleanVision takes from it.

import { bump, clearU32, stdOfCounts, stdOfValues } from "./histograms";

const LUMA_HIST: usize = memory.data(256 * 4, 16);
const EDGE_HIST: usize = memory.data(256 * 4, 16);

/** PIL's RGB -> L conversion (ITU-R 601-2 luma in 16-bit fixed point). */
export function luma(r: i32, g: i32, b: i32): i32 {
  return (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
}

function edgeAt(img: usize, w: i32, x: i32, y: i32): i32 {
  const c = img + <usize>(y * w + x);
  const up = c - <usize>w;
  const down = c + <usize>w;
  const ring =
    <i32>load<u8>(up - 1) +
    <i32>load<u8>(up) +
    <i32>load<u8>(up + 1) +
    <i32>load<u8>(c - 1) +
    <i32>load<u8>(c + 1) +
    <i32>load<u8>(down - 1) +
    <i32>load<u8>(down) +
    <i32>load<u8>(down + 1);
  const v = 8 * <i32>load<u8>(c) - ring;
  return min(max(v, 0), 255);
}

/**
 * Histograms the edge image without materialising it: PIL copies the outermost rows and columns
 * unchanged (for images narrower or shorter than 3 that is every pixel, as PIL does).
 */
function histogramEdges(img: usize, w: i32, h: i32): void {
  clearU32(EDGE_HIST, 256);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inner = x > 0 && y > 0 && x < w - 1 && y < h - 1;
      bump(EDGE_HIST, inner ? edgeAt(img, w, x, y) : <i32>load<u8>(img + <usize>(y * w + x)));
    }
  }
}

/** Writes blurriness (std of the edge image) and the std of the luma histogram counts. */
export function blurStats(img: usize, w: i32, h: i32, out: usize): void {
  clearU32(LUMA_HIST, 256);
  const n = <usize>(w * h);
  for (let i: usize = 0; i < n; i++) bump(LUMA_HIST, <i32>load<u8>(img + i));
  histogramEdges(img, w, h);
  store<f64>(out, stdOfValues(EDGE_HIST));
  store<f64>(out + 8, stdOfCounts(LUMA_HIST));
}
