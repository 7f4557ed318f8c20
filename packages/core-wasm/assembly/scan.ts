// The single pass over full-resolution pixels: channel histograms, brightness-key histogram and the
// grayscale check per pixel, then the horizontal resize of the same row while it is still in cache.

import { FINE_BITS, KEY_COARSE, keyOf } from "./brightness";
import { bump, CHANNEL_HIST } from "./histograms";

/** Returns the largest max(|R-G|, |G-B|) seen so far. */
export function scanColorRow(row: usize, width: i32, bpp: i32, maxDiffSoFar: i32): i32 {
  let maxDiff = maxDiffSoFar;
  let p = row;
  for (let x = 0; x < width; x++) {
    const r = <i32>load<u8>(p);
    const g = <i32>load<u8>(p, 1);
    const b = <i32>load<u8>(p, 2);
    bump(CHANNEL_HIST, r);
    bump(CHANNEL_HIST, 256 + g);
    bump(CHANNEL_HIST, 512 + b);
    bump(KEY_COARSE, keyOf(r, g, b) >> FINE_BITS);
    const d = max(abs(r - g), abs(g - b));
    maxDiff = max(maxDiff, d);
    p += bpp;
  }
  return maxDiff;
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
