// The pass over full-resolution pixels: channel histograms, brightness-key histogram and the grayscale
// check, on one row's planes (see planes.ts) while they are in cache. The arithmetic is SIMD, 16 pixels
// per step; only the histogram updates, which are scattered, stay scalar.

import { FINE_BITS, KEY_COARSE } from "./brightness";
import { bump, CHANNEL_HIST, CHANNEL_HIST_ODD } from "./histograms";

function absDiff(a: v128, b: v128): v128 {
  return v128.or(i8x16.sub_sat_u(a, b), i8x16.sub_sat_u(b, a));
}

// The key 241 R^2 + 691 G^2 + 68 B^2 comes from i32x4.dot_i16x8_s on (R^2, G^2) and (B^2, 32000)
// lane pairs. Squares reach 65025, beyond signed i16, so each is offset by -32768 (its top bit
// flipped); 32000 * 1024 adds back the 1000 * 32768 that the three offsets took off.
const SQUARE_OFFSET = i16x8.splat(-32768);
const RG_WEIGHTS = i16x8(241, 691, 241, 691, 241, 691, 241, 691);
const B_WEIGHTS = i16x8(68, 1024, 68, 1024, 68, 1024, 68, 1024);
const OFFSET_BACK = i16x8.splat(32000);

function offsetSquare(v: v128): v128 {
  return v128.xor(i16x8.mul(v, v), SQUARE_OFFSET);
}

/** Stores the coarse brightness bins (u16, < 2^14) of 8 pixels whose channels are the u16 lanes given. */
function storeCoarse8(to: usize, r: v128, g: v128, b: v128): void {
  const r2 = offsetSquare(r);
  const g2 = offsetSquare(g);
  const b2 = offsetSquare(b);
  const low = i32x4.add(
    i32x4.dot_i16x8_s(i16x8.shuffle(r2, g2, 0, 8, 1, 9, 2, 10, 3, 11), RG_WEIGHTS),
    i32x4.dot_i16x8_s(i16x8.shuffle(b2, OFFSET_BACK, 0, 8, 1, 9, 2, 10, 3, 11), B_WEIGHTS),
  );
  const high = i32x4.add(
    i32x4.dot_i16x8_s(i16x8.shuffle(r2, g2, 4, 12, 5, 13, 6, 14, 7, 15), RG_WEIGHTS),
    i32x4.dot_i16x8_s(i16x8.shuffle(b2, OFFSET_BACK, 4, 12, 5, 13, 6, 14, 7, 15), B_WEIGHTS),
  );
  v128.store(to, i16x8.narrow_i32x4_u(i32x4.shr_u(low, FINE_BITS), i32x4.shr_u(high, FINE_BITS)));
}

function countPixel(r: usize, g: usize, b: usize, coarse: usize, hist: usize): void {
  const ri = (<usize>load<u8>(r)) << 2;
  const gi = (<usize>load<u8>(g)) << 2;
  const bi = (<usize>load<u8>(b)) << 2;
  const ki = (<usize>load<u16>(coarse)) << 2;
  store<u32>(hist + ri, load<u32>(hist + ri) + 1);
  store<u32>(hist + gi, load<u32>(hist + gi, 1024) + 1, 1024);
  store<u32>(hist + bi, load<u32>(hist + bi, 2048) + 1, 2048);
  store<u32>(ki, load<u32>(ki, KEY_COARSE) + 1, KEY_COARSE);
}

// Largest max(|R-G|, |G-B|) per byte lane over the rows scanned since resetGrayCheck().
let maxDiffs: v128 = i32x4.splat(0);

export function resetGrayCheck(): void {
  maxDiffs = i32x4.splat(0);
}

/** Every pixel scanned since resetGrayCheck() has max(|R-G|, |G-B|) <= tolerance. */
export function withinGrayTolerance(tolerance: u8): bool {
  return !v128.any_true(i8x16.gt_u(maxDiffs, i8x16.splat(tolerance)));
}

/** Coarse bins and grayscale check of 16 pixels; returns the running max of channel differences. */
function keys16(r: usize, g: usize, b: usize, coarse: usize, d: v128): v128 {
  const R = v128.load(r);
  const G = v128.load(g);
  const B = v128.load(b);
  storeCoarse8(coarse, i16x8.extend_low_i8x16_u(R), i16x8.extend_low_i8x16_u(G), i16x8.extend_low_i8x16_u(B));
  storeCoarse8(
    coarse + 16,
    i16x8.extend_high_i8x16_u(R),
    i16x8.extend_high_i8x16_u(G),
    i16x8.extend_high_i8x16_u(B),
  );
  return i8x16.max_u(d, i8x16.max_u(absDiff(R, G), absDiff(G, B)));
}

/**
 * Histogram updates for one row, 16 pixels per iteration written out so that every offset is an
 * immediate (each countPixel is small enough for Binaryen to inline). Odd pixels count into a second
 * copy of the channel histograms, so runs of equal values do not serialise on one counter's
 * load-add-store chain.
 */
function countRow(planeR: usize, planeG: usize, planeB: usize, width: i32, coarse: usize): void {
  let x: usize = 0;
  for (; x + 16 <= <usize>width; x += 16) {
    const r = planeR + x;
    const g = planeG + x;
    const b = planeB + x;
    const c = coarse + (x << 1);
    countPixel(r, g, b, c, CHANNEL_HIST);
    countPixel(r + 1, g + 1, b + 1, c + 2, CHANNEL_HIST_ODD);
    countPixel(r + 2, g + 2, b + 2, c + 4, CHANNEL_HIST);
    countPixel(r + 3, g + 3, b + 3, c + 6, CHANNEL_HIST_ODD);
    countPixel(r + 4, g + 4, b + 4, c + 8, CHANNEL_HIST);
    countPixel(r + 5, g + 5, b + 5, c + 10, CHANNEL_HIST_ODD);
    countPixel(r + 6, g + 6, b + 6, c + 12, CHANNEL_HIST);
    countPixel(r + 7, g + 7, b + 7, c + 14, CHANNEL_HIST_ODD);
    countPixel(r + 8, g + 8, b + 8, c + 16, CHANNEL_HIST);
    countPixel(r + 9, g + 9, b + 9, c + 18, CHANNEL_HIST_ODD);
    countPixel(r + 10, g + 10, b + 10, c + 20, CHANNEL_HIST);
    countPixel(r + 11, g + 11, b + 11, c + 22, CHANNEL_HIST_ODD);
    countPixel(r + 12, g + 12, b + 12, c + 24, CHANNEL_HIST);
    countPixel(r + 13, g + 13, b + 13, c + 26, CHANNEL_HIST_ODD);
    countPixel(r + 14, g + 14, b + 14, c + 28, CHANNEL_HIST);
    countPixel(r + 15, g + 15, b + 15, c + 30, CHANNEL_HIST_ODD);
  }
  for (; x < <usize>width; x++)
    countPixel(planeR + x, planeG + x, planeB + x, coarse + (x << 1), CHANNEL_HIST);
}

/**
 * Scans one row of planes: writes each pixel's coarse brightness bin to `coarse` (u16 per pixel; up
 * to 15 entries past the row get zero-pixel bins), updates the histograms and the grayscale check.
 */
export function scanPlanes(r: usize, g: usize, b: usize, width: i32, coarse: usize): void {
  let d = maxDiffs;
  for (let x: usize = 0; x < <usize>width; x += 16) d = keys16(r + x, g + x, b + x, coarse + (x << 1), d);
  maxDiffs = d;
  countRow(r, g, b, width, coarse);
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
