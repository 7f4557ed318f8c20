// Exact brightness percentiles without sorting. Per-pixel brightness is monotone in the integer key
// 241 R^2 + 691 G^2 + 68 B^2 (< 2^26), so order statistics of b are order statistics of the key:
// pass 1 (in scan.ts) counts keys in coarse bins and keeps each pixel's coarse bin (u16), then a
// second pass over those bins recomputes the exact key only for pixels whose bin holds a wanted rank.

import { bump } from "./histograms";

export const PERCENT_COUNT = 7;
const PERCENTS: usize = memory.data<f64>([1, 5, 10, 15, 90, 95, 99]);
const RANK_COUNT = PERCENT_COUNT * 2;

export const FINE_BITS = 12;
const FINE_BINS = 1 << FINE_BITS;
export const COARSE_BINS = 1 << (26 - FINE_BITS);
// The scan stores each pixel's coarse bin times 4, its byte offset into KEY_COARSE, so the histogram
// update needs no shift: (key >> COARSE_OFFSET_SHIFT) with the low two bits cleared.
export const COARSE_OFFSET_SHIFT = FINE_BITS - 2;

// Zero between images: locateRanks() clears it.
export const KEY_COARSE: usize = memory.data(COARSE_BINS * 4, 16);
// Slot (1-based) of each coarse bin that holds a wanted rank, 0 elsewhere; reset after every image.
const SLOT_OF_BIN: usize = memory.data(COARSE_BINS, 16);
// Per slot, the exact keys' low FINE_BITS counted in FINE_BINS fine bins and, for the walk to the
// wanted rank, in MID_BINS sums of MID_SPAN fine bins each: the walk reads at most MID_BINS +
// MID_SPAN counters instead of up to FINE_BINS. Both are zero between images: after the walk only the
// fine blocks with a nonzero mid count are cleared, instead of FINE_BINS counters per slot.
const MID_BITS = 6;
const MID_SPAN = 1 << MID_BITS;
const MID_BINS = FINE_BINS >> MID_BITS;
const FINE: usize = memory.data(RANK_COUNT * FINE_BINS * 4, 16);
const MID: usize = memory.data(RANK_COUNT * MID_BINS * 4, 16);

const RANKS: usize = memory.data(RANK_COUNT * 4, 16); // lower and upper order statistic per percentile
const GAMMAS: usize = memory.data(PERCENT_COUNT * 8, 16);
const RANK_BIN: usize = memory.data(RANK_COUNT * 4, 16);
const RANK_OFFSET: usize = memory.data(RANK_COUNT * 4, 16); // rank minus the pixels in earlier bins
const RANK_KEY: usize = memory.data(RANK_COUNT * 4, 16);

// 241 v^2, 691 v^2, 68 v^2 for v = 0..255: three table loads are cheaper than six multiplies per pixel.
const WEIGHTED_SQUARES: usize = memory.data(768 * 4, 16);
for (let v = 0; v < 256; v++) {
  store<i32>(WEIGHTED_SQUARES + ((<usize>v) << 2), 241 * v * v);
  store<i32>(WEIGHTED_SQUARES + ((<usize>(256 + v)) << 2), 691 * v * v);
  store<i32>(WEIGHTED_SQUARES + ((<usize>(512 + v)) << 2), 68 * v * v);
}

export function keyOf(r: i32, g: i32, b: i32): i32 {
  return (
    load<i32>(WEIGHTED_SQUARES + ((<usize>r) << 2)) +
    load<i32>(WEIGHTED_SQUARES + ((<usize>(256 + g)) << 2)) +
    load<i32>(WEIGHTED_SQUARES + ((<usize>(512 + b)) << 2))
  );
}

/** numpy's "linear" method: virtual index (n - 1) * q, neighbours floor and floor + 1 clipped to n - 1. */
function planRanks(n: u32): void {
  const last = <f64>(n - 1);
  for (let i = 0; i < PERCENT_COUNT; i++) {
    const virtual = last * (load<f64>(PERCENTS + ((<usize>i) << 3)) / 100);
    let lo: f64 = Math.floor(virtual);
    let gamma = virtual - lo;
    if (virtual >= last) {
      lo = last;
      gamma = 0;
    }
    const loRank = <u32>lo;
    const hiRank = loRank + 1 < n ? loRank + 1 : loRank;
    store<u32>(RANKS + ((<usize>(2 * i)) << 2), loRank);
    store<u32>(RANKS + ((<usize>(2 * i + 1)) << 2), hiRank);
    store<f64>(GAMMAS + ((<usize>i) << 3), gamma);
  }
}

/** numpy's _lerp, including its switch to b - (b - a)(1 - t) for t >= 0.5. */
function lerp(a: f64, b: f64, t: f64): f64 {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

// Rank slots j in increasing order of rank (lower and upper ranks interleave irregularly for tiny n).
const RANK_ORDER: usize = memory.data(RANK_COUNT * 4, 16);

function rankAt(j: i32): u32 {
  return load<u32>(RANKS + ((<usize>j) << 2));
}

function orderAt(i: i32): i32 {
  return load<i32>(RANK_ORDER + ((<usize>i) << 2));
}

/** Fills RANK_ORDER with the slots 0..RANK_COUNT-1 sorted by rank (insertion sort of 14 entries). */
function orderRanks(): void {
  for (let j = 0; j < RANK_COUNT; j++) {
    let at = j;
    for (; at > 0 && rankAt(orderAt(at - 1)) > rankAt(j); at--)
      store<i32>(RANK_ORDER + ((<usize>at) << 2), orderAt(at - 1));
    store<i32>(RANK_ORDER + ((<usize>at) << 2), j);
  }
}

/**
 * Locates every wanted rank in the cumulative counts of `hist`: bin and offset inside the bin, in
 * one sweep that zeroes the bins it reads and stops once all `total` counts are read (the bins after
 * it are zero already), so the histogram needs no clearing before the next image.
 */
function locateRanks(hist: usize, total: u32): void {
  orderRanks();
  let i = 0;
  let j = orderAt(0);
  let next = rankAt(j);
  let before: u32 = 0;
  const zero = i32x4.splat(0);
  // Four bins at a time, so that runs of empty bins cost one test per four, and groups that hold no
  // wanted rank (all but a few) one sum.
  for (let group = hist; before < total; group += 16) {
    const counts = v128.load(group);
    if (!v128.any_true(counts)) continue;
    const pairs = i32x4.add(counts, i64x2.shuffle(counts, counts, 1, 0));
    const sum = i32x4.extract_lane(pairs, 0) + i32x4.extract_lane(pairs, 1);
    if (next - before >= <u32>sum) {
      before += sum;
      v128.store(group, zero);
      continue;
    }
    for (let at = group; at < group + 16; at += 4) {
      const after = before + load<u32>(at);
      while (next < after) {
        const bin = <i32>((at - hist) >> 2);
        store<i32>(RANK_BIN + ((<usize>j) << 2), bin);
        store<u32>(RANK_OFFSET + ((<usize>j) << 2), next - before);
        i++;
        if (i === RANK_COUNT) {
          // No count is below it: the sweep goes on only to clear.
          next = U32.MAX_VALUE;
        } else {
          j = orderAt(i);
          next = rankAt(j);
        }
      }
      before = after;
    }
    v128.store(group, zero);
  }
}

/** Percentiles of v / 255 from a 256-bin value histogram (gray images). */
export function grayPercentiles(hist: usize, pixels: u32, out: usize): void {
  planRanks(pixels);
  locateRanks(hist, pixels);
  for (let j = 0; j < RANK_COUNT; j++)
    store<i32>(RANK_KEY + ((<usize>j) << 2), load<i32>(RANK_BIN + ((<usize>j) << 2)));
  writePercentiles(out, false);
}

/** Percentiles of RGB brightness: coarse bins from the scan, exact keys from a second pass. */
export function colorPercentiles(
  input: usize,
  coarse: usize,
  pixels: u32,
  bytesPerPixel: i32,
  out: usize,
): void {
  planRanks(pixels);
  locateRanks(KEY_COARSE, pixels);
  let slots = 0;
  for (let j = 0; j < RANK_COUNT; j++) {
    const bin = <usize>load<i32>(RANK_BIN + ((<usize>j) << 2));
    if (load<u8>(SLOT_OF_BIN + bin) === 0) store<u8>(SLOT_OF_BIN + bin, <u8>++slots);
  }
  countWantedKeys(input, coarse, pixels, bytesPerPixel);
  for (let j = 0; j < RANK_COUNT; j++) {
    const bin = load<i32>(RANK_BIN + ((<usize>j) << 2));
    const slot = <usize>(load<u8>(SLOT_OF_BIN + <usize>bin) - 1);
    const mid = MID + slot * MID_BINS * 4;
    const offset = load<u32>(RANK_OFFSET + ((<usize>j) << 2));
    // The bin holds more than `offset` keys, so both walks stop inside their tables.
    let seen: u32 = 0;
    let m = 0;
    for (; seen + load<u32>(mid + ((<usize>m) << 2)) <= offset; m++)
      seen += load<u32>(mid + ((<usize>m) << 2));
    const fine = FINE + ((slot << FINE_BITS) << 2) + (((<usize>m) << MID_BITS) << 2);
    let f = 0;
    for (; seen + load<u32>(fine + ((<usize>f) << 2)) <= offset; f++)
      seen += load<u32>(fine + ((<usize>f) << 2));
    store<i32>(RANK_KEY + ((<usize>j) << 2), (bin << FINE_BITS) | (m << MID_BITS) | f);
  }
  for (let j = 0; j < RANK_COUNT; j++)
    store<u8>(SLOT_OF_BIN + <usize>load<i32>(RANK_BIN + ((<usize>j) << 2)), 0);
  clearCounted(slots);
  writePercentiles(out, true);
}

/** Zeroes the fine and mid counts of the first `slots` slots, visiting only the counted fine blocks. */
function clearCounted(slots: i32): void {
  for (let slot: usize = 0; slot < <usize>slots; slot++) {
    for (let m: usize = 0; m < <usize>MID_BINS; m++) {
      const mid = MID + ((slot * MID_BINS + m) << 2);
      if (load<u32>(mid) === 0) continue;
      store<u32>(mid, 0);
      memory.fill(FINE + (((slot << FINE_BITS) + (m << MID_BITS)) << 2), 0, MID_SPAN * 4);
    }
  }
}

/** Adds the exact keys of pixels [from, to) whose coarse bin holds a wanted rank to the fine counts. */
function countWantedRange(input: usize, coarse: usize, from: usize, to: usize, bytesPerPixel: i32): void {
  for (let i = from; i < to; i++) {
    const slot = <i32>load<u8>(SLOT_OF_BIN + (<usize>load<u16>(coarse + (i << 1)) >> 2));
    if (slot !== 0) {
      const p = input + i * <usize>bytesPerPixel;
      const key = keyOf(<i32>load<u8>(p), <i32>load<u8>(p, 1), <i32>load<u8>(p, 2));
      const low = key & (FINE_BINS - 1);
      bump(FINE + ((<usize>(slot - 1)) << (FINE_BITS + 2)), low);
      bump(MID + <usize>(slot - 1) * MID_BINS * 4, low >> MID_BITS);
    }
  }
}

// The vector pre-filter passes the pixels whose bin >> shift is that of a wanted bin (a group), with
// the smallest shift for which the groups hash to distinct buckets. It looks up each pixel's
// expected group by the hash of its own: one table lookup instead of a comparison per group (eight
// before round 5). It may pass pixels of unwanted bins in a group; the per-pixel lookup after it is
// exact.
const BUCKETS = 16;
const BUCKET_SHIFT = 12; // a u16 product's top four bits
const MULTIPLIER_TRIES: u32 = 64;
const GROUP_LIST: usize = memory.data(RANK_COUNT * 4, 16);
// Per bucket, the low and the high byte of its group as stored (bin * 4, the bits below the group
// cleared); an empty bucket holds a group of another bucket, which no pixel hashing here can equal.
const EXPECTED_LOW: usize = memory.data(BUCKETS, 16);
const EXPECTED_HIGH: usize = memory.data(BUCKETS, 16);
const MULTIPLIER: usize = memory.data(16, 16); // splatted u16 lanes
const FILTER_MASK: usize = memory.data(16, 16);

function bucketOf(group: u32, multiplier: u32): u32 {
  return ((group * multiplier) & 0xffff) >> BUCKET_SHIFT;
}

/** Fills the filter's tables for groups of 2^shift bins; false if no multiplier tried separates them. */
function planFilter(shift: i32): bool {
  let count = 0;
  for (let j = 0; j < RANK_COUNT; j++) {
    const group = <u32>((load<i32>(RANK_BIN + ((<usize>j) << 2)) >> shift) << (shift + 2));
    let seen = false;
    for (let k = 0; k < count; k++) seen = seen || load<u32>(GROUP_LIST + ((<usize>k) << 2)) === group;
    if (seen) continue;
    store<u32>(GROUP_LIST + ((<usize>count) << 2), group);
    count++;
  }
  if (count > BUCKETS) return false;
  for (let attempt: u32 = 1; attempt <= MULTIPLIER_TRIES; attempt++) {
    // Odd 16-bit multipliers spread by the golden ratio; deterministic, so results never vary.
    const multiplier = ((attempt * 0x9e3779b9) >> 16) | 1;
    let used: u32 = 0;
    let k = 0;
    for (; k < count; k++) {
      const bit: u32 = 1 << bucketOf(load<u32>(GROUP_LIST + ((<usize>k) << 2)), multiplier);
      if ((used & bit) !== 0) break;
      used |= bit;
    }
    if (k < count) continue;
    const spare = load<u32>(GROUP_LIST);
    for (let bucket: usize = 0; bucket < <usize>BUCKETS; bucket++) {
      store<u8>(EXPECTED_LOW + bucket, <u8>spare);
      store<u8>(EXPECTED_HIGH + bucket, <u8>(spare >> 8));
    }
    for (k = 0; k < count; k++) {
      const group = load<u32>(GROUP_LIST + ((<usize>k) << 2));
      const bucket = <usize>bucketOf(group, multiplier);
      store<u8>(EXPECTED_LOW + bucket, <u8>group);
      store<u8>(EXPECTED_HIGH + bucket, <u8>(group >> 8));
    }
    v128.store(MULTIPLIER, i16x8.splat(<i16>multiplier));
    v128.store(FILTER_MASK, i16x8.splat(<i16>(0xffff << (shift + 2))));
    return true;
  }
  return false;
}

// The filter loop only notes the blocks with a candidate (here, a batch at a time) and the lookups run
// after it: a call inside the loop would make V8 spill and reload the filter's vectors every iteration.
const HIT_CAPACITY = 1024;
const HIT_BLOCKS: usize = memory.data(HIT_CAPACITY * 4, 16);

/**
 * Second pass over the stored coarse bins. Few pixels fall in a wanted bin, so sixteen bins at a
 * time go through the filter and only the rare blocks with a candidate are looked up.
 */
function countWantedKeys(input: usize, coarse: usize, pixels: u32, bytesPerPixel: i32): void {
  let shift = 0;
  while (!planFilter(shift)) shift++;
  const mask = v128.load(FILTER_MASK);
  const multiplier = v128.load(MULTIPLIER);
  const expectedLow = v128.load(EXPECTED_LOW);
  const expectedHigh = v128.load(EXPECTED_HIGH);
  const n = <usize>pixels;
  const blocksEnd = n & ~15;
  let i: usize = 0;
  while (i < blocksEnd) {
    const batchEnd = min(blocksEnd, i + HIT_CAPACITY * 16);
    let hits: usize = 0;
    for (; i < batchEnd; i += 16) {
      const at = coarse + (i << 1);
      const a = v128.and(v128.load(at), mask);
      const b = v128.and(v128.load(at, 16), mask);
      const buckets = i8x16.narrow_i16x8_u(
        i16x8.shr_u(i16x8.mul(a, multiplier), BUCKET_SHIFT),
        i16x8.shr_u(i16x8.mul(b, multiplier), BUCKET_SHIFT),
      );
      const low = i8x16.swizzle(expectedLow, buckets);
      const high = i8x16.swizzle(expectedHigh, buckets);
      const ea = i8x16.shuffle(low, high, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
      const eb = i8x16.shuffle(low, high, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
      store<u32>(HIT_BLOCKS + (hits << 2), <u32>i);
      hits += <usize>v128.any_true(v128.or(i16x8.eq(a, ea), i16x8.eq(b, eb)));
    }
    for (let j: usize = 0; j < hits; j++) {
      const from = <usize>load<u32>(HIT_BLOCKS + (j << 2));
      countWantedRange(input, coarse, from, from + 16, bytesPerPixel);
    }
  }
  countWantedRange(input, coarse, blocksEnd, n, bytesPerPixel);
}

function brightnessOfKey(key: i32, color: bool): f64 {
  // key / 1000 = 0.241 R^2 + 0.691 G^2 + 0.068 B^2 (to within an ulp of numpy's float expression).
  return color ? Math.sqrt(<f64>key / 1000) / 255 : <f64>key / 255;
}

function writePercentiles(out: usize, color: bool): void {
  for (let i = 0; i < PERCENT_COUNT; i++) {
    const a = brightnessOfKey(load<i32>(RANK_KEY + ((<usize>(2 * i)) << 2)), color);
    const b = brightnessOfKey(load<i32>(RANK_KEY + ((<usize>(2 * i + 1)) << 2)), color);
    store<f64>(out + ((<usize>i) << 3), lerp(a, b, load<f64>(GAMMAS + ((<usize>i) << 3))));
  }
}
