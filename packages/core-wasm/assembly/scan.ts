// The pass over full-resolution pixels: channel histograms, brightness-key histogram and the grayscale
// check, on one row's planes (see planes.ts) while they are in cache. The arithmetic is SIMD, 16 pixels
// per step; only the histogram updates, which are scattered, stay scalar.

import { COARSE_OFFSET_SHIFT, KEY_COARSE } from "./brightness";
import { BB_HIST, bump, CHANNEL_HIST, foldJointCounts, ODD_COPY_OFFSET, RG_HIST } from "./histograms";

function absDiff(a: v128, b: v128): v128 {
  return v128.or(i8x16.sub_sat_u(a, b), i8x16.sub_sat_u(b, a));
}

// The key 241 R^2 + 691 G^2 + 68 B^2 comes from i32x4.dot_i16x8_s on (R^2, G^2) and (B^2, 32000)
// lane pairs. Squares reach 65025, beyond signed i16, so each is offset by -32768 (its top bit
// flipped); 32000 * 1024 adds back the 1000 * 32768 that the three offsets took off.
// The vector constants are loaded from memory: V8 rebuilds an immediate v128 with three instructions
// at every use in the loop, a load is one.
const SQUARE_OFFSET: usize = memory.data<i16>(
  [-32768, -32768, -32768, -32768, -32768, -32768, -32768, -32768],
  16,
);
const RG_WEIGHTS: usize = memory.data<i16>([241, 691, 241, 691, 241, 691, 241, 691], 16);
const B_WEIGHTS: usize = memory.data<i16>([68, 1024, 68, 1024, 68, 1024, 68, 1024], 16);
const OFFSET_BACK: usize = memory.data<i16>([32000, 32000, 32000, 32000, 32000, 32000, 32000, 32000], 16);
// (key >> COARSE_OFFSET_SHIFT) with the two low bits cleared is the coarse bin times 4.
const BIN_OFFSET_MASK: usize = memory.data<u16>(
  [0xfffc, 0xfffc, 0xfffc, 0xfffc, 0xfffc, 0xfffc, 0xfffc, 0xfffc],
  16,
);

function offsetSquare(v: v128): v128 {
  return v128.xor(i16x8.mul(v, v), v128.load(SQUARE_OFFSET));
}

/** Stores the coarse brightness bins of 8 pixels, as byte offsets into KEY_COARSE (u16 lanes). */
function storeCoarse8(to: usize, r: v128, g: v128, b: v128): void {
  const r2 = offsetSquare(r);
  const g2 = offsetSquare(g);
  const b2 = offsetSquare(b);
  const rgWeights = v128.load(RG_WEIGHTS);
  const bWeights = v128.load(B_WEIGHTS);
  const back = v128.load(OFFSET_BACK);
  const low = i32x4.add(
    i32x4.dot_i16x8_s(i16x8.shuffle(r2, g2, 0, 8, 1, 9, 2, 10, 3, 11), rgWeights),
    i32x4.dot_i16x8_s(i16x8.shuffle(b2, back, 0, 8, 1, 9, 2, 10, 3, 11), bWeights),
  );
  const high = i32x4.add(
    i32x4.dot_i16x8_s(i16x8.shuffle(r2, g2, 4, 12, 5, 13, 6, 14, 7, 15), rgWeights),
    i32x4.dot_i16x8_s(i16x8.shuffle(b2, back, 4, 12, 5, 13, 6, 14, 7, 15), bWeights),
  );
  const shifted = i16x8.narrow_i32x4_u(
    i32x4.shr_u(low, COARSE_OFFSET_SHIFT),
    i32x4.shr_u(high, COARSE_OFFSET_SHIFT),
  );
  v128.store(to, v128.and(shifted, v128.load(BIN_OFFSET_MASK)));
}

// R and G are counted together, one update per pixel in a joint histogram (RG_HIST) whose row and
// column sums are the two channel histograms. The scan's updates read the byte offset of their counter,
// which the SIMD loop stores per 16-pixel block: 16 joint (R, G) offsets as u32 lanes, then the B
// offsets. Scaling, channel base and copy are thus applied 4 or 8 pixels at a time, and each update is
// a load and store at an immediate offset from that index. B is counted in one of two ways:
// - SingleBlue: 16 offsets into CHANNEL_HIST as u16 lanes, odd pixels into the second copy, so runs of
//   equal values do not serialise on one counter's load-add-store chain;
// - PairedBlue: 8 offsets into BB_HIST as u32 lanes, one update per pair of neighbouring pixels (the
//   u16 lanes of the B plane are the pairs' counters), whose row and column sums both add to the B
//   histogram. Half the B updates, but the fold reads up to 256 x 256 counts, so for large images only.
// The two copies of the scan are instantiations of a generic, like resampleRows in resample.ts.
export type SingleBlue = u8;
export type PairedBlue = u16;

/**
 * Images of at least this many pixels count B in pairs: about one x64 instruction per pixel fewer,
 * while the fold may read 64 k counts (about 1.5 instructions per pixel of 2^16 pixels of random B).
 */
export const PAIRED_BLUE_PIXELS: u32 = 1 << 17;

const OFFSET_BLOCK_PIXELS = 16;
const OFFSET_BLOCK_BYTES = 96;
const B_OFFSETS = 64;
// The offset added to value * 4 for B in even and odd lanes (in memory, like the constants above).
const B_BASES: usize = memory.data(16, 16);
for (let lane = 0; lane < 8; lane++) {
  store<u16>(B_BASES + <usize>(2 * lane), <u16>(2 * 1024 + (lane & 1 ? ODD_COPY_OFFSET : 0)));
}

/** Bytes of per-row offset blocks scanPlanes needs for a row of `stride` plane bytes. */
export function offsetRowBytes(stride: usize): usize {
  return (stride / OFFSET_BLOCK_PIXELS) * OFFSET_BLOCK_BYTES;
}

/** Counts R, G and the coarse bin of pixel i of the offset block at `block`, whose bin offset is at `coarse`. */
function countPixel(block: usize, i: usize, coarse: usize): void {
  const rgi = <usize>load<u32>(block + (i << 2));
  const ki = <usize>load<u16>(coarse);
  store<u32>(rgi, load<u32>(rgi, RG_HIST) + 1, RG_HIST);
  store<u32>(ki, load<u32>(ki, KEY_COARSE) + 1, KEY_COARSE);
}

/** Counts B of pixel i of the offset block (SingleBlue), or of pair i / 2 for even i (PairedBlue). */
function countBlue<Blue>(block: usize, i: usize): void {
  if (sizeof<Blue>() === sizeof<PairedBlue>()) {
    if ((i & 1) !== 0) return;
    const bi = <usize>load<u32>(block + (i << 1), B_OFFSETS);
    store<u32>(bi, load<u32>(bi, BB_HIST) + 1, BB_HIST);
  } else {
    const bi = <usize>load<u16>(block + (i << 1), B_OFFSETS);
    store<u32>(bi, load<u32>(bi, CHANNEL_HIST) + 1, CHANNEL_HIST);
  }
}

// Per byte lane over the rows scanned since resetScan(): the largest max(|R-G|, |G-B|), and the
// least and greatest R, G and (PairedBlue only) B, which bound the joint counts foldJointCounts() has
// to read.
let maxDiffs: v128 = i32x4.splat(0);
let lowR: v128 = i32x4.splat(0);
let highR: v128 = i32x4.splat(0);
let lowG: v128 = i32x4.splat(0);
let highG: v128 = i32x4.splat(0);
let lowB: v128 = i32x4.splat(0);
let highB: v128 = i32x4.splat(0);

export function resetScan(): void {
  maxDiffs = i32x4.splat(0);
  lowR = i32x4.splat(-1);
  highR = maxDiffs;
  lowG = lowR;
  highG = maxDiffs;
  lowB = lowR;
  highB = maxDiffs;
}

function leastLane(v: v128): usize {
  const halves = i8x16.min_u(v, i64x2.shuffle(v, v, 1, 0));
  const quarters = i8x16.min_u(halves, i32x4.shuffle(halves, halves, 1, 0, 3, 2));
  const eighths = i8x16.min_u(quarters, i16x8.shuffle(quarters, quarters, 1, 0, 3, 2, 5, 4, 7, 6));
  return <usize>min(i8x16.extract_lane_u(eighths, 0), i8x16.extract_lane_u(eighths, 1));
}

function greatestLane(v: v128): usize {
  return 255 - leastLane(v128.not(v));
}

/** Adds the joint counts of the pixels scanned since resetScan() to the channel histograms. */
export function foldScannedJointCounts(): void {
  const r0 = leastLane(lowR);
  const g0 = leastLane(lowG);
  foldJointCounts(
    RG_HIST,
    r0,
    greatestLane(highR),
    g0,
    greatestLane(highG),
    CHANNEL_HIST,
    CHANNEL_HIST + 1024,
  );
  // With SingleBlue the bounds are still at their reset values and nothing is read.
  const blue = CHANNEL_HIST + 2048;
  const b0 = leastLane(lowB);
  const b1 = greatestLane(highB);
  foldJointCounts(BB_HIST, b0, b1, b0, b1, blue, blue);
}

/** The grayscale check's max(|R-G|, |G-B|) limit in every byte lane. */
const GRAY_TOLERANCE: usize = memory.data<u8>([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 16);

/** Every pixel scanned since resetScan() has max(|R-G|, |G-B|) <= 2. */
export function withinGrayTolerance(): bool {
  return !v128.any_true(i8x16.gt_u(maxDiffs, v128.load(GRAY_TOLERANCE)));
}

/** Counter offsets of B for 16 pixels, whose values are the u16 lanes of `low` and `high`. */
function storeBlueOffsets(to: usize, low: v128, high: v128): void {
  const base = v128.load(B_BASES);
  v128.store(to, i16x8.add(i16x8.shl(low, 2), base), B_OFFSETS);
  v128.store(to, i16x8.add(i16x8.shl(high, 2), base), B_OFFSETS + 16);
}

/** Joint counter offsets of 8 pixels or pairs whose u16 lanes are first + 256 second. */
function storeJointOffsets(to: usize, rg: v128): void {
  v128.store(to, i32x4.shl(i32x4.extend_low_i16x8_u(rg), 2));
  v128.store(to, i32x4.shl(i32x4.extend_high_i16x8_u(rg), 2), 16);
}

/**
 * Histogram updates for one row, 16 pixels per iteration written out so that every offset is an
 * immediate (countPixel and countBlue are small enough for Binaryen to inline). Past the last whole
 * block, B is counted from the plane `b`.
 */
function countRow<Blue>(offsets: usize, width: i32, coarse: usize, b: usize): void {
  let x: usize = 0;
  for (; x + OFFSET_BLOCK_PIXELS <= <usize>width; x += OFFSET_BLOCK_PIXELS) {
    const o = offsets + (x / OFFSET_BLOCK_PIXELS) * OFFSET_BLOCK_BYTES;
    const c = coarse + (x << 1);
    countPixel(o, 0, c);
    countBlue<Blue>(o, 0);
    countPixel(o, 1, c + 2);
    countBlue<Blue>(o, 1);
    countPixel(o, 2, c + 4);
    countBlue<Blue>(o, 2);
    countPixel(o, 3, c + 6);
    countBlue<Blue>(o, 3);
    countPixel(o, 4, c + 8);
    countBlue<Blue>(o, 4);
    countPixel(o, 5, c + 10);
    countBlue<Blue>(o, 5);
    countPixel(o, 6, c + 12);
    countBlue<Blue>(o, 6);
    countPixel(o, 7, c + 14);
    countBlue<Blue>(o, 7);
    countPixel(o, 8, c + 16);
    countBlue<Blue>(o, 8);
    countPixel(o, 9, c + 18);
    countBlue<Blue>(o, 9);
    countPixel(o, 10, c + 20);
    countBlue<Blue>(o, 10);
    countPixel(o, 11, c + 22);
    countBlue<Blue>(o, 11);
    countPixel(o, 12, c + 24);
    countBlue<Blue>(o, 12);
    countPixel(o, 13, c + 26);
    countBlue<Blue>(o, 13);
    countPixel(o, 14, c + 28);
    countBlue<Blue>(o, 14);
    countPixel(o, 15, c + 30);
    countBlue<Blue>(o, 15);
  }
  const tail = offsets + (x / OFFSET_BLOCK_PIXELS) * OFFSET_BLOCK_BYTES;
  for (let i: usize = 0; x + i < <usize>width; i++) {
    countPixel(tail, i, coarse + ((x + i) << 1));
    bump(CHANNEL_HIST + 2048, <i32>load<u8>(b + x + i));
  }
}

// Once a pixel has failed the grayscale check, the rows after it skip it: a copy of the scan without
// it (type parameter GrayDecided) has eight vector instructions and one live accumulator fewer per
// 16 pixels.
type GrayOpen = u8;
type GrayDecided = u16;

/**
 * Scans one row of planes: writes each pixel's coarse brightness bin to `coarse` (u16 per pixel; up
 * to 15 entries past the row get the last pixel's bin), updates the histograms, the grayscale check
 * (until it has failed) and the bounds of the joint counts. `offsets` is scratch of
 * offsetRowBytes(plane stride). B is counted in pairs when `pairedBlue` (images of
 * PAIRED_BLUE_PIXELS or more).
 */
export function scanPlanes(
  r: usize,
  g: usize,
  b: usize,
  width: i32,
  coarse: usize,
  offsets: usize,
  pairedBlue: bool,
): void {
  const open = withinGrayTolerance();
  if (pairedBlue) {
    if (open) scanPlanesAs<PairedBlue, GrayOpen>(r, g, b, width, coarse, offsets);
    else scanPlanesAs<PairedBlue, GrayDecided>(r, g, b, width, coarse, offsets);
  } else if (open) scanPlanesAs<SingleBlue, GrayOpen>(r, g, b, width, coarse, offsets);
  else scanPlanesAs<SingleBlue, GrayDecided>(r, g, b, width, coarse, offsets);
}

function scanPlanesAs<Blue, Gray>(
  r: usize,
  g: usize,
  b: usize,
  width: i32,
  coarse: usize,
  offsets: usize,
): void {
  const paired = sizeof<Blue>() === sizeof<PairedBlue>();
  const open = sizeof<Gray>() === sizeof<GrayOpen>();
  let d = maxDiffs;
  let rLow = lowR;
  let rHigh = highR;
  let gLow = lowG;
  let gHigh = highG;
  let bLow = lowB;
  let bHigh = highB;
  let o = offsets;
  for (let x: usize = 0; x < <usize>width; x += OFFSET_BLOCK_PIXELS) {
    const R = v128.load(r + x);
    const G = v128.load(g + x);
    const B = v128.load(b + x);
    // The coarse bins and counter offsets. Written out here rather than in a function of its own:
    // with four copies of the scan, Binaryen would merge its instantiations and no longer inline it.
    const rl = i16x8.extend_low_i8x16_u(R);
    const gl = i16x8.extend_low_i8x16_u(G);
    const bl = i16x8.extend_low_i8x16_u(B);
    const rh = i16x8.extend_high_i8x16_u(R);
    const gh = i16x8.extend_high_i8x16_u(G);
    const bh = i16x8.extend_high_i8x16_u(B);
    const c = coarse + (x << 1);
    storeCoarse8(c, rl, gl, bl);
    storeCoarse8(c + 16, rh, gh, bh);
    storeJointOffsets(o, i8x16.shuffle(R, G, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23));
    storeJointOffsets(
      o + 32,
      i8x16.shuffle(R, G, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31),
    );
    if (paired) storeJointOffsets(o + B_OFFSETS, B);
    else storeBlueOffsets(o, bl, bh);
    o += OFFSET_BLOCK_BYTES;
    if (open) d = i8x16.max_u(d, i8x16.max_u(absDiff(R, G), absDiff(G, B)));
    rLow = i8x16.min_u(rLow, R);
    rHigh = i8x16.max_u(rHigh, R);
    gLow = i8x16.min_u(gLow, G);
    gHigh = i8x16.max_u(gHigh, G);
    if (paired) {
      bLow = i8x16.min_u(bLow, B);
      bHigh = i8x16.max_u(bHigh, B);
    }
  }
  maxDiffs = d;
  lowR = rLow;
  highR = rHigh;
  lowG = gLow;
  highG = gHigh;
  lowB = bLow;
  highB = bHigh;
  countRow<Blue>(offsets, width, coarse, b);
}

export function scanGrayRow(row: usize, width: i32): void {
  for (let x = 0; x < width; x++) bump(CHANNEL_HIST, <i32>load<u8>(row + <usize>x));
}

/** Copies a row into the 4-bytes-per-pixel layout the vertical pass reads (used when no horizontal resize). */
export function copyRowColor(row: usize, bpp: i32, dst: usize, width: i32): void {
  for (let x = 0; x < width; x++) {
    const p = row + <usize>x * <usize>bpp;
    const q = dst + ((<usize>x) << 2);
    store<u8>(q, load<u8>(p));
    store<u8>(q, load<u8>(p, 1), 1);
    store<u8>(q, load<u8>(p, 2), 2);
  }
}
