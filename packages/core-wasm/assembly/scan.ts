// The pass over full-resolution pixels: channel histograms, brightness-key histogram and the grayscale
// check, on one row's planes (see planes.ts) while they are in cache. The arithmetic is SIMD, 16 pixels
// per step; only the histogram updates, which are scattered, stay scalar.

import { FINE_BITS, KEY_COARSE } from "./brightness";
import { bump, CHANNEL_HIST, CHANNEL_HIST_ODD } from "./histograms";

function absDiff(a: v128, b: v128): v128 {
  return v128.or(i8x16.sub_sat_u(a, b), i8x16.sub_sat_u(b, a));
}

/** 241 R^2 + 691 G^2 + 68 B^2 >> FINE_BITS for four pixels, from their squares as u16 lanes. */
function coarseLow(r2: v128, g2: v128, b2: v128): v128 {
  const key = i32x4.add(
    i32x4.add(i32x4.extmul_low_i16x8_u(r2, i16x8.splat(241)), i32x4.extmul_low_i16x8_u(g2, i16x8.splat(691))),
    i32x4.extmul_low_i16x8_u(b2, i16x8.splat(68)),
  );
  return i32x4.shr_u(key, FINE_BITS);
}

function coarseHigh(r2: v128, g2: v128, b2: v128): v128 {
  const key = i32x4.add(
    i32x4.add(
      i32x4.extmul_high_i16x8_u(r2, i16x8.splat(241)),
      i32x4.extmul_high_i16x8_u(g2, i16x8.splat(691)),
    ),
    i32x4.extmul_high_i16x8_u(b2, i16x8.splat(68)),
  );
  return i32x4.shr_u(key, FINE_BITS);
}

/** Stores the coarse brightness bins (u16, < 2^14) of 8 pixels whose channels are the u16 lanes given. */
function storeCoarse8(to: usize, r: v128, g: v128, b: v128): void {
  const r2 = i16x8.mul(r, r);
  const g2 = i16x8.mul(g, g);
  const b2 = i16x8.mul(b, b);
  v128.store(to, i16x8.narrow_i32x4_u(coarseLow(r2, g2, b2), coarseHigh(r2, g2, b2)));
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

/**
 * Scans one row of planes: writes each pixel's coarse brightness bin to `coarse` (u16 per pixel; up
 * to 15 entries past the row get zero-pixel bins), updates the histograms and the grayscale check.
 */
export function scanPlanes(r: usize, g: usize, b: usize, width: i32, coarse: usize): void {
  let d = maxDiffs;
  for (let x = 0; x < width; x += 16) {
    const R = v128.load(r + <usize>x);
    const G = v128.load(g + <usize>x);
    const B = v128.load(b + <usize>x);
    d = i8x16.max_u(d, i8x16.max_u(absDiff(R, G), absDiff(G, B)));
    const to = coarse + ((<usize>x) << 1);
    storeCoarse8(to, i16x8.extend_low_i8x16_u(R), i16x8.extend_low_i8x16_u(G), i16x8.extend_low_i8x16_u(B));
    storeCoarse8(
      to + 16,
      i16x8.extend_high_i8x16_u(R),
      i16x8.extend_high_i8x16_u(G),
      i16x8.extend_high_i8x16_u(B),
    );
  }
  // Odd pixels count into a second copy of the channel histograms, so runs of equal values do not
  // serialise on one counter's load-add-store chain.
  let x: usize = 0;
  for (; x + 1 < <usize>width; x += 2) {
    countPixel(r + x, g + x, b + x, coarse + (x << 1), CHANNEL_HIST);
    countPixel(r + x + 1, g + x + 1, b + x + 1, coarse + (x << 1) + 2, CHANNEL_HIST_ODD);
  }
  if (x < <usize>width) countPixel(r + x, g + x, b + x, coarse + (x << 1), CHANNEL_HIST);
  maxDiffs = d;
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
