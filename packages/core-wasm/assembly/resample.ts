// Pillow's antialiased bicubic resize (Resample.c behaviour, reimplemented from its documented algorithm):
// a = -0.5 kernel widened by the shrink factor, weights normalised per output pixel, then quantised to
// 22-bit fixed point; each separable pass rounds (+half) and clips to 8 bits.

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

function packLanes(acc: v128): u32 {
  // >> 22 then saturating narrows clip to 0..255 exactly like clip8 does per lane.
  const s = i32x4.shr_s(acc, PRECISION_BITS);
  const w = i16x8.narrow_i32x4_s(s, s);
  return i32x4.extract_lane(i8x16.narrow_i16x8_u(w, w), 0);
}

function loadPixel(p: usize): v128 {
  return i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
}

// Colour rows take two taps per step with i32x4.dot_i16x8_s. A 22-bit weight does not fit in i16, so
// each is split as k = hi * 2^11 + lo (lo in 0..2047): two dot products, recombined at the end. Sums
// wrap modulo 2^32 exactly like the single int sum they replace, so the result is bit-identical.
const SPLIT_BITS = 11;
const PAIR_BYTES = 32; // per tap pair: 8 x i16 of hi weights, then 8 x i16 of lo weights

/** Bytes of the paired weight table resampleRowColor reads. */
export function pairTableBytes(outSize: i32, ksize: i32): u64 {
  return <u64>outSize * <u64>((ksize + 1) >> 1) * PAIR_BYTES;
}

/** Rewrites planAxis weights as [hi_x, hi_x+1] x 4 lanes and [lo_x, lo_x+1] x 4 lanes per pair. */
export function planPairs(outSize: i32, ksize: i32, bounds: usize, coeffs: usize, pairs: usize): void {
  const pairStride = <usize>((ksize + 1) >> 1) * PAIR_BYTES;
  for (let o = 0; o < outSize; o++) {
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const row = pairs + <usize>o * pairStride;
    for (let x = 0; x < taps; x += 2) {
      const k0 = load<i32>(k + ((<usize>x) << 2));
      const k1 = x + 1 < taps ? load<i32>(k + ((<usize>(x + 1)) << 2)) : 0;
      const lowMask = (1 << SPLIT_BITS) - 1;
      const hi = ((k0 >> SPLIT_BITS) & 0xffff) | ((k1 >> SPLIT_BITS) << 16);
      const lo = (k0 & lowMask) | ((k1 & lowMask) << 16);
      const at = row + <usize>(x >> 1) * PAIR_BYTES;
      v128.store(at, i32x4.splat(hi));
      v128.store(at, i32x4.splat(lo), 16);
    }
  }
}

/** Byte shuffle turning two pixels into i16 lanes R0 R1 G0 G1 B0 B1 0 0 (index >= 16 gives 0). */
function pairShuffle(bpp: i32): v128 {
  return bpp === 4
    ? i8x16(0, -1, 4, -1, 1, -1, 5, -1, 2, -1, 6, -1, -1, -1, -1, -1)
    : i8x16(0, -1, 3, -1, 1, -1, 4, -1, 2, -1, 5, -1, -1, -1, -1, -1);
}

/**
 * One row of the horizontal pass for colour pixels (`bpp` 3 or 4). Writes 4 bytes per output pixel
 * (the 4th is junk). An odd tap count reads one pixel past the window with weight 0, so up to 8 bytes
 * past the row must be readable.
 */
export function resampleRowColor(
  src: usize,
  bpp: i32,
  dst: usize,
  outW: i32,
  ksize: i32,
  bounds: usize,
  pairs: usize,
): void {
  const shuffle = pairShuffle(bpp);
  const pairStride = <usize>((ksize + 1) >> 1) * PAIR_BYTES;
  const step = <usize>(2 * bpp);
  for (let o = 0; o < outW; o++) {
    const first = load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    let k = pairs + <usize>o * pairStride;
    let p = src + <usize>first * <usize>bpp;
    let hi = i32x4.splat(0);
    let lo = i32x4.splat(0);
    for (let x = 0; x < taps; x += 2) {
      const px = i8x16.swizzle(v128.load64_zero(p), shuffle);
      hi = i32x4.add(hi, i32x4.dot_i16x8_s(px, v128.load(k)));
      lo = i32x4.add(lo, i32x4.dot_i16x8_s(px, v128.load(k, 16)));
      p += step;
      k += PAIR_BYTES;
    }
    const acc = i32x4.add(i32x4.add(i32x4.shl(hi, SPLIT_BITS), lo), i32x4.splat(HALF));
    store<u32>(dst + ((<usize>o) << 2), packLanes(acc));
  }
}

/** One row of the horizontal pass for single-channel pixels. */
export function resampleRowGray(
  src: usize,
  dst: usize,
  outW: i32,
  ksize: i32,
  bounds: usize,
  coeffs: usize,
): void {
  for (let o = 0; o < outW; o++) {
    const first = load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const p = src + <usize>first;
    let acc = HALF;
    for (let x = 0; x < taps; x++) acc += <i32>load<u8>(p + <usize>x) * load<i32>(k + ((<usize>x) << 2));
    store<u8>(dst + <usize>o, clip8(acc));
  }
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
): void {
  const stride = <usize>width * <usize>bpp;
  for (let o = 0; o < outH; o++) {
    const first = load<i32>(bounds + ((<usize>o) << 3));
    const taps = load<i32>(bounds + ((<usize>o) << 3) + 4);
    const k = coeffs + ((<usize>o * <usize>ksize) << 2);
    const top = src + <usize>first * stride;
    const row = dst + <usize>o * stride;
    for (let c = 0; c < width; c++) {
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
