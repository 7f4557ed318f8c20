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

/**
 * One row of the horizontal pass for colour pixels (`bpp` 3 or 4; the 4th lane is junk and ignored).
 * Writes 4 bytes per output pixel. Needs 1 readable byte past the row for bpp 3.
 */
export function resampleRowColor(
  src: usize,
  bpp: i32,
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
    let p = src + <usize>first * <usize>bpp;
    let acc = i32x4.splat(HALF);
    for (let x = 0; x < taps; x++) {
      acc = i32x4.add(acc, i32x4.mul(loadPixel(p), i32x4.splat(load<i32>(k + ((<usize>x) << 2)))));
      p += bpp;
    }
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
 * rows `stride` bytes apart.
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
