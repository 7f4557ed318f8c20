// Pillow's antialiased bicubic resize (Resample.c behaviour, reimplemented from its documented algorithm):
// a = -0.5 kernel widened by the shrink factor, weights normalised per output pixel, then quantised to
// 22-bit fixed point; each separable pass rounds (+half) and clips to 8 bits.

import { PLANE_GAP } from "./planes";
import { MAX_SIDE } from "./shrink";

const PRECISION_BITS = 22;
const ONE: f64 = <f64>(1 << PRECISION_BITS);
const HALF: i32 = 1 << (PRECISION_BITS - 1);
const SUPPORT: f64 = 2;

function bicubic(t: f64): f64 {
  const a: f64 = -0.5;
  const x = Math.abs(t);
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
}

function filterScale(inSize: i32, outSize: i32): f64 {
  const scale = <f64>inSize / <f64>outSize;
  return max(scale, 1.0);
}

/** Taps per output pixel, the stride of the coefficient table. */
export function kernelSize(inSize: i32, outSize: i32): i32 {
  return <i32>Math.ceil(SUPPORT * filterScale(inSize, outSize)) * 2 + 1;
}

/**
 * Fills `bounds` with (first input index, tap count) per output pixel and `coeffs` with `ksize`
 * fixed-point weights per output pixel.
 */
export function planAxis(inSize: i32, outSize: i32, ksize: i32, bounds: usize, coeffs: usize): void {
  const scale = <f64>inSize / <f64>outSize;
  const fscale = filterScale(inSize, outSize);
  const support = SUPPORT * fscale;
  const inv = 1 / fscale;
  for (let o = 0; o < outSize; o++) {
    const center = (<f64>o + 0.5) * scale;
    let first = <i32>(center - support + 0.5);
    if (first < 0) first = 0;
    let end = <i32>(center + support + 0.5);
    if (end > inSize) end = inSize;
    const taps = end - first;
    let total: f64 = 0;
    for (let x = 0; x < taps; x++) total += bicubic((<f64>(x + first) - center + 0.5) * inv);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    for (let x = 0; x < taps; x++) {
      let w = bicubic((<f64>(x + first) - center + 0.5) * inv);
      if (total !== 0) w /= total;
      store<i32>(k + ((<usize>x) << 2), w < 0 ? <i32>(-0.5 + w * ONE) : <i32>(0.5 + w * ONE));
    }
    store<i32>(bounds + ((<usize>o) << 3), first);
    store<i32>(bounds + ((<usize>o) << 3) + 4, taps);
  }
}

function clip8(acc: i32): u8 {
  const v = acc >> PRECISION_BITS;
  return <u8>min(max(v, 0), 255);
}

/** Clips lanes >> PRECISION_BITS to 0..255 and packs lanes 0..3 into one u32 (saturating narrows clip). */
function packLanes(acc: v128): u32 {
  const s = i32x4.shr_s(acc, PRECISION_BITS);
  const w = i16x8.narrow_i32x4_s(s, s);
  return i32x4.extract_lane(i8x16.narrow_i16x8_u(w, w), 0);
}

function loadPixel(p: usize): v128 {
  return i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
}

// The horizontal pass reads one channel plane at a time, 8 taps per i32x4.dot_i16x8_s. A 22-bit weight
// does not fit in i16, so each is split as k = hi * 2^split + lo with |lo| <= 2^(split - 1), split being
// the fewest bits that bring every hi within i16 (3 at 2048 -> 64 px, 5 at 512 -> 64). The colour
// pass sums hi products only: the lo products add a known range to the exact sum (255 times the
// negative lo weights to 255 times the positive ones), and when both ends of that range round to the
// same 8-bit value, as they do for all but a few per cent of output pixels, that value is exact.
// Otherwise the pixel is summed again with both parts. Sums wrap modulo 2^32 exactly like the single
// int sum they replace, so the result is bit-identical.
const CHUNK_TAPS = 8;
const CHUNK_BYTES = 16; // 8 x i16 weights
// The lo weights are a table of their own, loOffset bytes after the hi weights, so that the colour
// pass reads half the bytes (the table is about 17 kB of hi weights per row at 2048 -> 64 px, which
// competes with the histograms for L1).
let loOffset: usize = 0;

let splitBits = 0;
// Per output pixel, two splatted vectors: Pillow's rounding half plus the least, then plus the most,
// that the lo products can add, in units of 2^splitBits (rounded outwards), then times 2^splitBits.
// Vectors in memory cost one load at the end of each output pixel; V8 would build a splat from
// scalars with three.
const LO_RANGE: usize = memory.data(MAX_SIDE * 32, 16);
// 2^splitBits in every lane. The colour pass scales its hi sums by it and shifts by the constant
// PRECISION_BITS, instead of shifting by PRECISION_BITS - splitBits, which V8 would move from a
// general register into a vector register before every shift. The scaled sums stay below 2^31, as
// the exact sum does (255 times the sum of the absolute weights, under 1.1 * 2^22 for this kernel).
const SPLIT_SCALE: usize = memory.data(16, 16);

function hiPart(w: i32, split: i32): i32 {
  return split === 0 ? w : (w + (1 << (split - 1))) >> split;
}

function chunkStride(ksize: i32): usize {
  return <usize>((ksize + CHUNK_TAPS - 1) / CHUNK_TAPS) * 2 * CHUNK_BYTES;
}

/** Bytes of the chunked weight table the horizontal pass reads (at most). */
export function chunkTableBytes(outSize: i32, ksize: i32): u64 {
  return <u64>outSize * <u64>chunkStride(ksize);
}

/**
 * Rewrites planAxis weights as split 8-tap chunks, zero past each pixel's taps. Each output pixel's
 * ceil(taps / 8) chunks directly follow the previous pixel's, so the passes walk the table with one
 * running pointer and need no per-pixel address arithmetic.
 */
export function planChunks(outSize: i32, ksize: i32, bounds: usize, coeffs: usize, chunks: usize): void {
  const split = splitOf(outSize, ksize, bounds, coeffs);
  splitBits = split;
  v128.store(SPLIT_SCALE, i32x4.splat(1 << split));
  let chunkCount: usize = 0;
  for (let o = 0; o < outSize; o++)
    chunkCount += <usize>((load<i32>(bounds + ((<usize>o) << 3) + 4) + CHUNK_TAPS - 1) / CHUNK_TAPS);
  loOffset = chunkCount * CHUNK_BYTES;
  let at = chunks;
  for (let o = 0; o < outSize; o++) {
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const padded = ((taps + CHUNK_TAPS - 1) / CHUNK_TAPS) * CHUNK_TAPS;
    let negative = 0;
    let positive = 0;
    for (let x = 0; x < padded; x++) {
      const w = x < taps ? load<i32>(k + ((<usize>x) << 2)) : 0;
      const hi = hiPart(w, split);
      const lo = w - (hi << split);
      const lane = at + <usize>(x / CHUNK_TAPS) * CHUNK_BYTES + ((<usize>(x % CHUNK_TAPS)) << 1);
      store<i16>(lane, <i16>hi);
      store<i16>(lane + loOffset, <i16>lo);
      if (lo < 0) negative += lo;
      else positive += lo;
    }
    storeLoRange(LO_RANGE + ((<usize>o) << 5), negative, positive, split);
    at += <usize>(padded / CHUNK_TAPS) * CHUNK_BYTES;
  }
}

/** The fewest bits to split the weights of a planAxis table at so that every hi part fits in i16. */
function splitOf(outSize: i32, ksize: i32, bounds: usize, coeffs: usize): i32 {
  let largest = 0;
  let smallest = 0;
  for (let o = 0; o < outSize; o++) {
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    for (let x = 0; x < taps; x++) {
      const w = load<i32>(k + ((<usize>x) << 2));
      largest = max(largest, w);
      smallest = min(smallest, w);
    }
  }
  let split = 0;
  while (hiPart(largest, split) > i16.MAX_VALUE || hiPart(smallest, split) < i16.MIN_VALUE) split++;
  return split;
}

/**
 * Stores the two range vectors of one output pixel (see LO_RANGE) for lo weights summing to
 * `negative` and `positive`.
 */
function storeLoRange(at: usize, negative: i32, positive: i32, split: i32): void {
  // >> rounds towards minus infinity: down for the least, up (via the negated sum) for the most.
  const half = HALF >> split;
  v128.store(at, i32x4.splat((half + ((255 * negative) >> split)) << split));
  v128.store(at, i32x4.splat((half - ((-255 * positive) >> split)) << split), 16);
}

// The vertical pass takes two taps per i32x4.dot_i16x8_s, on the bytes of two rows interleaved, with
// the hi parts of the two weights (split as for the horizontal pass); a group of four pixels whose
// range test fails is summed again exactly. Per output row: the weight pairs as u32 (first tap's hi
// in the low half), and the range vectors in LO_RANGE_V.
const LO_RANGE_V: usize = memory.data(MAX_SIDE * 32, 16);
const SPLIT_SCALE_V: usize = memory.data(16, 16);
let splitBitsV = 0;

/** Bytes of the vertical pass's weight-pair tables (hi parts, then lo parts). */
export function pairTableBytes(outSize: i32, ksize: i32): u64 {
  return 2 * <u64>outSize * <u64>pairStride(ksize);
}

let loPairsOffset: usize = 0;

function pairStride(ksize: i32): usize {
  return (<usize>((ksize + 1) >> 1)) << 2;
}

/** Rewrites planAxis weights for the vertical pass as hi-part pairs, zero past each row's taps. */
export function planPairs(outSize: i32, ksize: i32, bounds: usize, coeffs: usize, pairs: usize): void {
  const split = splitOf(outSize, ksize, bounds, coeffs);
  splitBitsV = split;
  v128.store(SPLIT_SCALE_V, i32x4.splat(1 << split));
  loPairsOffset = <usize>outSize * pairStride(ksize);
  for (let o = 0; o < outSize; o++) {
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const at = pairs + <usize>o * pairStride(ksize);
    let negative = 0;
    let positive = 0;
    for (let y = 0; y < taps; y += 2) {
      const w0 = load<i32>(k + ((<usize>y) << 2));
      const w1 = y + 1 < taps ? load<i32>(k + ((<usize>y) << 2), 4) : 0;
      const h0 = hiPart(w0, split);
      const h1 = hiPart(w1, split);
      const l0 = w0 - (h0 << split);
      const l1 = w1 - (h1 << split);
      store<u32>(at + ((<usize>y) << 1), (<u32>h0 & 0xffff) | ((<u32>h1) << 16));
      store<u32>(at + loPairsOffset + ((<usize>y) << 1), (<u32>l0 & 0xffff) | ((<u32>l1) << 16));
      negative += min(l0, 0) + min(l1, 0);
      positive += max(l0, 0) + max(l1, 0);
    }
    storeLoRange(LO_RANGE_V + ((<usize>o) << 5), negative, positive, split);
  }
}

// Loaded rather than an immediate v128, which V8 would rebuild for every output pixel.
const HALF_IN_LANE_0: usize = memory.data<i32>([HALF, 0, 0, 0], 16);
const HALF_SPLAT: usize = memory.data<i32>([HALF, HALF, HALF, HALF], 16);

function joinSplit(hi: v128, lo: v128): v128 {
  return i32x4.add(i32x4.shl(hi, splitBits), lo);
}

/** Lane sums of three accumulators as [R, G, B, B]. */
function sumLanes(rs: v128, gs: v128, bs: v128): v128 {
  // [r0+r2, r1+r3, g0+g2, g1+g3] and [b0+b2, b1+b3, ...], then [R, G, B, B].
  const rg = i32x4.add(i32x4.shuffle(rs, gs, 0, 1, 4, 5), i32x4.shuffle(rs, gs, 2, 3, 6, 7));
  const bb = i32x4.add(bs, i32x4.shuffle(bs, bs, 2, 3, 0, 1));
  return i32x4.add(i32x4.shuffle(rg, bb, 0, 2, 4, 6), i32x4.shuffle(rg, bb, 1, 3, 5, 7));
}

/** Output pixel of the horizontal pass from both weight parts: Pillow's exact sum. */
function exactPixel(r: usize, g: usize, b: usize, first: usize, taps: i32, k: usize): u32 {
  const half = v128.load(HALF_IN_LANE_0);
  let rh = i32x4.splat(0);
  let rl = half;
  let gh = rh;
  let gl = half;
  let bh = rh;
  let bl = half;
  for (let x: usize = first, end = first + <usize>taps; x < end; x += CHUNK_TAPS) {
    const hi = v128.load(k);
    const lo = v128.load(k + loOffset);
    const pr = v128.load8x8_u(r + x);
    const pg = v128.load8x8_u(g + x);
    const pb = v128.load8x8_u(b + x);
    rh = i32x4.add(rh, i32x4.dot_i16x8_s(pr, hi));
    rl = i32x4.add(rl, i32x4.dot_i16x8_s(pr, lo));
    gh = i32x4.add(gh, i32x4.dot_i16x8_s(pg, hi));
    gl = i32x4.add(gl, i32x4.dot_i16x8_s(pg, lo));
    bh = i32x4.add(bh, i32x4.dot_i16x8_s(pb, hi));
    bl = i32x4.add(bl, i32x4.dot_i16x8_s(pb, lo));
    k += CHUNK_BYTES;
  }
  return packLanes(sumLanes(joinSplit(rh, rl), joinSplit(gh, gl), joinSplit(bh, bl)));
}

// The two copies of resampleRows are instantiations of a generic: AssemblyScript compiles each one on
// its own with `near` a constant, so the branch in the tap loop is folded away (a bool parameter would
// keep it, and @inline is not TypeScript syntax, which the linter must parse). Only their sizes differ.
export type NearPlanes = u8;
export type FarPlanes = u16;

/**
 * Two rows of the horizontal pass, each over three planes (the first row's R at r, G at r + gap, B at
 * r + 2 gap, the second's at r + 3 gap, 4 gap, 5 gap), which share the weight loads, the per-pixel
 * bookkeeping and the rounding test; writes 4 bytes per output pixel (the 4th is junk) at `dst` and
 * `dst + dstGap`. Reads up to 7 bytes past each window, which the zero weights cancel. `Spacing`
 * picks the copy: {@link NearPlanes} for planes PLANE_GAP apart, addressed from the R pointer with
 * immediate offsets, {@link FarPlanes} for wider rows.
 */
export function resampleRows<Spacing>(
  r: usize,
  gap: usize,
  dst: usize,
  dstGap: usize,
  outW: i32,
  bounds: usize,
  chunks: usize,
): void {
  let k = chunks;
  for (let o = 0; o < outW; o++) {
    const first = <usize>load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const start = k;
    // The first chunk starts the sums (rather than adding to zeros): V8 then computes the near
    // planes' bases once per output pixel, where it otherwise rematerialises them in the tap loop.
    let p: usize = r + first;
    const end = p + <usize>taps;
    let hi = v128.load(k);
    let ra = inline.always(planeDot<Spacing>(p, gap, 0, hi));
    let ga = inline.always(planeDot<Spacing>(p, gap, 1, hi));
    let ba = inline.always(planeDot<Spacing>(p, gap, 2, hi));
    let rb = inline.always(planeDot<Spacing>(p, gap, 3, hi));
    let gb = inline.always(planeDot<Spacing>(p, gap, 4, hi));
    let bb = inline.always(planeDot<Spacing>(p, gap, 5, hi));
    for (p += CHUNK_TAPS, k += CHUNK_BYTES; p < end; p += CHUNK_TAPS, k += CHUNK_BYTES) {
      hi = v128.load(k);
      ra = i32x4.add(ra, inline.always(planeDot<Spacing>(p, gap, 0, hi)));
      ga = i32x4.add(ga, inline.always(planeDot<Spacing>(p, gap, 1, hi)));
      ba = i32x4.add(ba, inline.always(planeDot<Spacing>(p, gap, 2, hi)));
      rb = i32x4.add(rb, inline.always(planeDot<Spacing>(p, gap, 3, hi)));
      gb = i32x4.add(gb, inline.always(planeDot<Spacing>(p, gap, 4, hi)));
      bb = i32x4.add(bb, inline.always(planeDot<Spacing>(p, gap, 5, hi)));
    }
    const scale = v128.load(SPLIT_SCALE);
    const a = i32x4.mul(sumLanes(ra, ga, ba), scale);
    const b = i32x4.mul(sumLanes(rb, gb, bb), scale);
    const range = LO_RANGE + ((<usize>o) << 5);
    const least = v128.load(range);
    const most = v128.load(range, 16);
    const lows = packPair(i32x4.add(a, least), i32x4.add(b, least));
    const highs = packPair(i32x4.add(a, most), i32x4.add(b, most));
    let pixels = lows;
    if (lows !== highs) {
      const pa =
        <u32>lows === <u32>highs ? <u32>lows : exactPixel(r, r + gap, r + 2 * gap, first, taps, start);
      const rowB = r + 3 * gap;
      const pb =
        lows >> 32 === highs >> 32
          ? <u32>(lows >> 32)
          : exactPixel(rowB, rowB + gap, rowB + 2 * gap, first, taps, start);
      pixels = <u64>pa | ((<u64>pb) << 32);
    }
    store<u32>(dst + ((<usize>o) << 2), <u32>pixels);
    store<u32>(dst + dstGap + ((<usize>o) << 2), <u32>(pixels >> 32));
  }
}

/**
 * The 8-tap products of plane `plane` (0..5: R, G, B of the first row, then of the second) at p with
 * weights hi. Inlined with `plane` a constant, so the near planes' loads keep immediate offsets.
 */
function planeDot<Spacing>(p: usize, gap: usize, plane: usize, hi: v128): v128 {
  if (sizeof<Spacing>() !== sizeof<NearPlanes>())
    return i32x4.dot_i16x8_s(v128.load8x8_u(p + plane * gap), hi);
  if (plane === 0) return i32x4.dot_i16x8_s(v128.load8x8_u(p), hi);
  if (plane === 1) return i32x4.dot_i16x8_s(v128.load8x8_u(p, PLANE_GAP), hi);
  if (plane === 2) return i32x4.dot_i16x8_s(v128.load8x8_u(p, 2 * PLANE_GAP), hi);
  if (plane === 3) return i32x4.dot_i16x8_s(v128.load8x8_u(p, 3 * PLANE_GAP), hi);
  if (plane === 4) return i32x4.dot_i16x8_s(v128.load8x8_u(p, 4 * PLANE_GAP), hi);
  return i32x4.dot_i16x8_s(v128.load8x8_u(p, 5 * PLANE_GAP), hi);
}

/** Clips the lanes of a and b >> PRECISION_BITS to 0..255 and packs lanes 0..3 of each into one u64. */
function packPair(a: v128, b: v128): u64 {
  const w = i16x8.narrow_i32x4_s(i32x4.shr_s(a, PRECISION_BITS), i32x4.shr_s(b, PRECISION_BITS));
  return i64x2.extract_lane(i8x16.narrow_i16x8_u(w, w), 0);
}

/** One row of the horizontal pass for single-channel pixels (same chunked weights, one plane). */
export function resampleRowGray(src: usize, dst: usize, outW: i32, bounds: usize, chunks: usize): void {
  let k = chunks;
  for (let o = 0; o < outW; o++) {
    const first = <usize>load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    let hi = i32x4.splat(0);
    let lo = hi;
    for (let x: usize = first, end = first + <usize>taps; x < end; x += CHUNK_TAPS) {
      const p = v128.load8x8_u(src + x);
      hi = i32x4.add(hi, i32x4.dot_i16x8_s(p, v128.load(k)));
      lo = i32x4.add(lo, i32x4.dot_i16x8_s(p, v128.load(k + loOffset)));
      k += CHUNK_BYTES;
    }
    const s = joinSplit(hi, lo);
    const acc =
      i32x4.extract_lane(s, 0) +
      i32x4.extract_lane(s, 1) +
      i32x4.extract_lane(s, 2) +
      i32x4.extract_lane(s, 3);
    store<u8>(dst + <usize>o, clip8(acc + HALF));
  }
}

/** Interleaves the bytes of two rows' 16 bytes: lanes 0..7 of both in `lo`, 8..15 in the result. */
function interleaveLow(v0: v128, v1: v128): v128 {
  return i8x16.shuffle(v0, v1, 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
}

function interleaveHigh(v0: v128, v1: v128): v128 {
  return i8x16.shuffle(v0, v1, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
}

/**
 * Pillow's exact vertical sums for four neighbouring 4-byte pixels (16 bytes of a row, one i32 lane
 * per channel), from both weight parts, two taps at a time.
 */
function resampleColumns4(top: usize, stride: usize, taps: i32, pairs: usize, out: usize): void {
  let h0 = i32x4.splat(0);
  let h1 = h0;
  let h2 = h0;
  let h3 = h0;
  let l0 = v128.load(HALF_SPLAT);
  let l1 = l0;
  let l2 = l0;
  let l3 = l0;
  let p = top;
  for (let y = 0; y < taps; y += 2) {
    const hi = i32x4.splat(load<u32>(pairs + ((<usize>y) << 1)));
    const lo = i32x4.splat(load<u32>(pairs + loPairsOffset + ((<usize>y) << 1)));
    const v0 = v128.load(p);
    const v1 = v128.load(p + stride);
    const a = interleaveLow(v0, v1);
    const b = interleaveHigh(v0, v1);
    const e0 = i16x8.extend_low_i8x16_u(a);
    const e1 = i16x8.extend_high_i8x16_u(a);
    const e2 = i16x8.extend_low_i8x16_u(b);
    const e3 = i16x8.extend_high_i8x16_u(b);
    h0 = i32x4.add(h0, i32x4.dot_i16x8_s(e0, hi));
    h1 = i32x4.add(h1, i32x4.dot_i16x8_s(e1, hi));
    h2 = i32x4.add(h2, i32x4.dot_i16x8_s(e2, hi));
    h3 = i32x4.add(h3, i32x4.dot_i16x8_s(e3, hi));
    l0 = i32x4.add(l0, i32x4.dot_i16x8_s(e0, lo));
    l1 = i32x4.add(l1, i32x4.dot_i16x8_s(e1, lo));
    l2 = i32x4.add(l2, i32x4.dot_i16x8_s(e2, lo));
    l3 = i32x4.add(l3, i32x4.dot_i16x8_s(e3, lo));
    p += stride << 1;
  }
  const s = splitBitsV;
  v128.store(
    out,
    pack16(
      i32x4.add(i32x4.shl(h0, s), l0),
      i32x4.add(i32x4.shl(h1, s), l1),
      i32x4.add(i32x4.shl(h2, s), l2),
      i32x4.add(i32x4.shl(h3, s), l3),
    ),
  );
}

/**
 * The vertical pass for four neighbouring 4-byte pixels from the hi weight parts, two taps at a time;
 * falls back to resampleColumns4 when a lane's rounding depends on the lo parts.
 */
function resampleColumns4Split(
  top: usize,
  stride: usize,
  taps: i32,
  pairs: usize,
  range: usize,
  out: usize,
): void {
  let a0 = i32x4.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let p = top;
  // Past the last tap the weight is zero, so the extra row read for an odd count adds nothing.
  for (let y = 0; y < taps; y += 2) {
    const w = i32x4.splat(load<u32>(pairs + ((<usize>y) << 1)));
    const v0 = v128.load(p);
    const v1 = v128.load(p + stride);
    const lo = interleaveLow(v0, v1);
    const hi = interleaveHigh(v0, v1);
    a0 = i32x4.add(a0, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(lo), w));
    a1 = i32x4.add(a1, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(lo), w));
    a2 = i32x4.add(a2, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(hi), w));
    a3 = i32x4.add(a3, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(hi), w));
    p += stride << 1;
  }
  const scale = v128.load(SPLIT_SCALE_V);
  a0 = i32x4.mul(a0, scale);
  a1 = i32x4.mul(a1, scale);
  a2 = i32x4.mul(a2, scale);
  a3 = i32x4.mul(a3, scale);
  const least = v128.load(range);
  const most = v128.load(range, 16);
  const lows = pack16(i32x4.add(a0, least), i32x4.add(a1, least), i32x4.add(a2, least), i32x4.add(a3, least));
  const highs = pack16(i32x4.add(a0, most), i32x4.add(a1, most), i32x4.add(a2, most), i32x4.add(a3, most));
  if (i8x16.all_true(i8x16.eq(lows, highs))) v128.store(out, lows);
  else resampleColumns4(top, stride, taps, pairs, out);
}

/** Clips sixteen lanes >> PRECISION_BITS to 0..255 and packs them into bytes. */
function pack16(a0: v128, a1: v128, a2: v128, a3: v128): v128 {
  const s01 = i16x8.narrow_i32x4_s(i32x4.shr_s(a0, PRECISION_BITS), i32x4.shr_s(a1, PRECISION_BITS));
  const s23 = i16x8.narrow_i32x4_s(i32x4.shr_s(a2, PRECISION_BITS), i32x4.shr_s(a3, PRECISION_BITS));
  return i8x16.narrow_i16x8_u(s01, s23);
}

/**
 * Vertical pass over an image of `width` pixels of `bpp` bytes (1, or 4 with colour in lanes 0..2),
 * rows stored back to back.
 */
export function resampleColumns(
  src: usize,
  dst: usize,
  width: i32,
  bpp: i32,
  outH: i32,
  ksize: i32,
  bounds: usize,
  coeffs: usize,
  pairs: usize,
): void {
  const stride = <usize>width * <usize>bpp;
  for (let o = 0; o < outH; o++) {
    const first = load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const top = src + <usize>first * stride;
    const row = dst + <usize>o * stride;
    let c = 0;
    if (bpp === 4) {
      const rowPairs = pairs + <usize>o * pairStride(ksize);
      const range = LO_RANGE_V + ((<usize>o) << 5);
      for (; c + 4 <= width; c += 4)
        resampleColumns4Split(
          top + ((<usize>c) << 2),
          stride,
          taps,
          rowPairs,
          range,
          row + ((<usize>c) << 2),
        );
    }
    for (; c < width; c++) {
      let p = top + <usize>c * <usize>bpp;
      if (bpp === 4) {
        let acc = i32x4.splat(HALF);
        for (let y = 0; y < taps; y++) {
          acc = i32x4.add(acc, i32x4.mul(loadPixel(p), i32x4.splat(load<i32>(k + ((<usize>y) << 2)))));
          p += stride;
        }
        store<u32>(row + ((<usize>c) << 2), packLanes(acc));
      } else {
        let acc = HALF;
        for (let y = 0; y < taps; y++) {
          acc += <i32>load<u8>(p) * load<i32>(k + ((<usize>y) << 2));
          p += stride;
        }
        store<u8>(row + <usize>c, clip8(acc));
      }
    }
  }
}
