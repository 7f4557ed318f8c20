// Entry points. The host calls prepare(width, height, channels), copies the pixels to the returned
// address, calls analyze() and reads RESULT_COUNT f64 values at results().

import { alignUp, arenaStart, ensureEnd } from "./arena";
import { colorPercentiles, grayPercentiles, PERCENT_COUNT } from "./brightness";
import { blurStats, luma } from "./edges";
import { CHANNEL_HIST, clearU32, entropyBits, mergeBlueCopies } from "./histograms";
import { PLANE_GAP, PLANE_SLACK, planeStride, splitRow } from "./planes";
// biome-ignore lint/style/useImportType: AssemblyScript has no type-only imports.
import {
  chunkTableBytes,
  FarPlanes,
  kernelSize,
  NearPlanes,
  pairTableBytes,
  planAxis,
  planChunks,
  planPairs,
  resampleColumns,
  resampleRowGray,
  resampleRows,
} from "./resample";
import {
  copyRowColor,
  foldScannedJointCounts,
  offsetRowBytes,
  PAIRED_BLUE_PIXELS,
  resetScan,
  scanGrayRow,
  scanPlanes,
  withinGrayTolerance,
} from "./scan";
import { MAX_SIDE, shrunkSide } from "./shrink";

// Result slots: percentiles 0..6, then these.
const ENTROPY = PERCENT_COUNT;
const BLURRINESS = PERCENT_COUNT + 1;
const GRAYSCALE = PERCENT_COUNT + 3;
export const RESULT_COUNT = PERCENT_COUNT + 4;
const RESULTS: usize = memory.data(RESULT_COUNT * 8, 16);

const BOUNDS_H: usize = memory.data(MAX_SIDE * 8, 16);
const BOUNDS_V: usize = memory.data(MAX_SIDE * 8, 16);
const LUMA: usize = memory.data(MAX_SIDE * MAX_SIDE, 16);

// Plan of the image announced by prepare().
let width = 0;
let height = 0;
let bpp = 0;
let outW = 0;
let outH = 0;
let ksizeH = 0;
let ksizeV = 0;
let input: usize = 0;
let coeffsH: usize = 0;
let coeffsV: usize = 0;
let pairsV: usize = 0; // coeffsV re-laid as hi-part pairs for the SIMD vertical pass
let chunksH: usize = 0; // coeffsH re-laid as split 8-tap chunks for the SIMD horizontal pass
let planes: usize = 0; // R, G, B planes of an even row, then of the odd row after it (colour only)
let offsets: usize = 0; // the current row's histogram offsets (colour only)
let coarse: usize = 0; // u16 coarse brightness bin per pixel (colour only)
let rows: usize = 0; // horizontally resized rows, outW x height
let shrunk: usize = 0; // outW x outH
let planned = false; // the resize tables (coeffs*, chunksH, BOUNDS_*) are those of this shape

export function results(): usize {
  return RESULTS;
}

/** Lays out memory for a width x height image of 1, 3 or 4 bytes per pixel; 0 when it cannot. */
export function prepare(w: i32, h: i32, channels: i32): usize {
  if (w <= 0 || h <= 0 || (channels !== 1 && channels !== 3 && channels !== 4)) return 0;
  const lanes: u64 = channels === 1 ? 1 : 4;
  const longer = max(w, h);
  const ow = shrunkSide(w, longer);
  const oh = shrunkSide(h, longer);
  const kh = ow !== w ? kernelSize(w, ow) : 0;
  const kv = oh !== h ? kernelSize(h, oh) : 0;
  const start = <u64>arenaStart();
  // 16 bytes of slack: SIMD loads of the last pixels read up to 8 bytes past the input.
  const coeffsHAt = alignUp(start + <u64>w * <u64>h * <u64>channels + 16);
  const chunksHAt = alignUp(coeffsHAt + <u64>ow * <u64>kh * 4);
  const coeffsVAt = alignUp(chunksHAt + chunkTableBytes(ow, kh));
  const pairsVAt = alignUp(coeffsVAt + <u64>oh * <u64>kv * 4);
  const rowsAt = alignUp(pairsVAt + pairTableBytes(oh, kv));
  const shrunkAt = alignUp(rowsAt + <u64>ow * <u64>h * lanes);
  const planesAt = alignUp(shrunkAt + <u64>ow * <u64>oh * lanes);
  const offsetsAt = alignUp(planesAt + (channels === 1 ? 0 : 6 * <u64>planeStride(w)));
  const coarseAt = alignUp(offsetsAt + (channels === 1 ? 0 : <u64>offsetRowBytes(planeStride(w))));
  // The last row's whole-vector scan writes up to 15 bins past the image.
  const end = coarseAt + (channels === 1 ? 0 : <u64>w * <u64>h * 2 + PLANE_SLACK);
  if (!ensureEnd(end)) return 0;
  // The same shape gets the same layout, so the resize tables of the previous image still hold.
  planned = planned && w === width && h === height && channels === bpp;
  width = w;
  height = h;
  bpp = channels;
  outW = ow;
  outH = oh;
  ksizeH = kh;
  ksizeV = kv;
  input = <usize>start;
  coeffsH = <usize>coeffsHAt;
  coeffsV = <usize>coeffsVAt;
  pairsV = <usize>pairsVAt;
  chunksH = <usize>chunksHAt;
  planes = <usize>planesAt;
  offsets = <usize>offsetsAt;
  coarse = <usize>coarseAt;
  rows = <usize>rowsAt;
  shrunk = <usize>shrunkAt;
  return input;
}

export function analyze(): void {
  if (input === 0) return;
  const color = bpp !== 1;
  const lanes = color ? 4 : 1;
  const pixels = <u32>width * <u32>height;
  if (!planned) {
    if (ksizeH !== 0) {
      planAxis(width, outW, ksizeH, BOUNDS_H, coeffsH);
      planChunks(outW, ksizeH, BOUNDS_H, coeffsH, chunksH);
    }
    if (ksizeV !== 0) {
      planAxis(height, outH, ksizeV, BOUNDS_V, coeffsV);
      planPairs(outH, ksizeV, BOUNDS_V, coeffsV, pairsV);
    }
    planned = true;
  }
  clearU32(CHANNEL_HIST, color ? 2 * 768 : 768);

  resetScan();
  const pairedBlue = pixels >= PAIRED_BLUE_PIXELS;
  const stride = planeStride(width);
  const rowBytes = <usize>width * <usize>bpp;
  const outRowBytes = <usize>outW * <usize>lanes;
  for (let y = 0; y < height; y++) {
    const row = input + <usize>y * rowBytes;
    const dst = rows + <usize>y * outRowBytes;
    if (color) {
      const odd = (y & 1) !== 0;
      const rowPlanes = odd ? planes + 3 * stride : planes;
      splitRow(row, width, bpp, rowPlanes, stride);
      const g = rowPlanes + stride;
      const b = g + stride;
      const rowCoarse = coarse + ((<usize>y * <usize>width) << 1);
      scanPlanes(rowPlanes, g, b, width, rowCoarse, offsets, pairedBlue);
      if (ksizeH === 0) {
        copyRowColor(row, bpp, dst, width);
        continue;
      }
      // Rows are resized in pairs; a last even row is paired with a copy of itself.
      if (!odd && y + 1 < height) continue;
      if (!odd) splitRow(row, width, bpp, planes + 3 * stride, stride);
      const pairDst = odd ? dst - outRowBytes : dst;
      const dstGap = odd ? outRowBytes : 0;
      if (stride === PLANE_GAP)
        resampleRows<NearPlanes>(planes, PLANE_GAP, pairDst, dstGap, outW, BOUNDS_H, chunksH);
      else resampleRows<FarPlanes>(planes, stride, pairDst, dstGap, outW, BOUNDS_H, chunksH);
    } else {
      scanGrayRow(row, width);
      if (ksizeH !== 0) resampleRowGray(row, dst, outW, BOUNDS_H, chunksH);
      else memory.copy(dst, row, rowBytes);
    }
  }

  if (color) {
    foldScannedJointCounts();
    mergeBlueCopies();
  }
  store<f64>(RESULTS + ((<usize>ENTROPY) << 3), entropyBits(CHANNEL_HIST, color ? 768 : 256));
  store<f64>(RESULTS + ((<usize>GRAYSCALE) << 3), withinGrayTolerance() ? 1 : 0);
  if (color) colorPercentiles(input, coarse, pixels, bpp, RESULTS);
  else grayPercentiles(CHANNEL_HIST, pixels, RESULTS);

  let img = rows;
  if (ksizeV !== 0) {
    resampleColumns(rows, shrunk, outW, lanes, outH, ksizeV, BOUNDS_V, coeffsV, pairsV);
    img = shrunk;
  }
  const n = outW * outH;
  if (color) {
    for (let i = 0; i < n; i++) {
      const p = img + ((<usize>i) << 2);
      store<u8>(LUMA + <usize>i, <u8>luma(<i32>load<u8>(p), <i32>load<u8>(p, 1), <i32>load<u8>(p, 2)));
    }
  } else {
    memory.copy(LUMA, img, <usize>n);
  }
  blurStats(LUMA, outW, outH, RESULTS + ((<usize>BLURRINESS) << 3));
}
