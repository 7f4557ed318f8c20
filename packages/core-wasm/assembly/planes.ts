// Splits an interleaved RGB or RGBA row into three byte planes, so the SIMD kernels that follow work
// on 16 pixels of one channel per vector instead of shuffling channels at every step.

/** Bytes each plane row holds past the pixels: 16 copies of the last one (whole-vector kernels) plus read slack. */
export const PLANE_SLACK = 32;

/**
 * Distance between the planes of rows up to PLANE_GAP - PLANE_SLACK pixels wide: a constant, so the
 * resize addresses all three from one pointer (wider rows use planeStride).
 */
export const PLANE_GAP: usize = 8192;

export function planeStride(width: i32): usize {
  const stride = ((<usize>width + PLANE_SLACK + 15) >> 4) << 4;
  return stride <= PLANE_GAP ? PLANE_GAP : stride;
}

// Byte gathers are i8x16.swizzle with masks loaded from memory: V8 rebuilds the constant mask of an
// i8x16.shuffle with four instructions at every use (and needs two pshufb for two inputs), a load is
// one. A mask lane of 128 selects zero. Only byte shifts across two vectors stay i8x16.shuffle, which
// V8 turns into one palignr.
const ZERO_LANE: u8 = 128;
// Four pixels of a vector regrouped as RRRR GGGG BBBB ????: from RGBA (pixel i at byte 4i) and from
// RGB (pixel i at byte 3i, the last 4 bytes unused).
const RGBA_MASK: usize = memory.data(16, 16);
const RGB_MASK: usize = memory.data(16, 16);
for (let i = 0; i < 16; i++) {
  store<u8>(RGBA_MASK + <usize>i, <u8>(4 * (i & 3) + (i >> 2)));
  store<u8>(RGB_MASK + <usize>i, i < 12 ? <u8>(3 * (i & 3) + (i >> 2)) : ZERO_LANE);
}

/** Stores R, G and B of 16 pixels, four per vector s0..s3 (each as `mask` regroups it). */
function splitGroups(s0: v128, s1: v128, s2: v128, s3: v128, mask: v128, r: usize, g: usize, b: usize): void {
  // Per vector: four pixels regrouped as RRRR GGGG BBBB, then a 4x4 transpose of 32-bit groups.
  const t0 = i8x16.swizzle(s0, mask);
  const t1 = i8x16.swizzle(s1, mask);
  const t2 = i8x16.swizzle(s2, mask);
  const t3 = i8x16.swizzle(s3, mask);
  const rg01 = i32x4.shuffle(t0, t1, 0, 4, 1, 5);
  const rg23 = i32x4.shuffle(t2, t3, 0, 4, 1, 5);
  const ba01 = i32x4.shuffle(t0, t1, 2, 6, 3, 7);
  const ba23 = i32x4.shuffle(t2, t3, 2, 6, 3, 7);
  v128.store(r, i64x2.shuffle(rg01, rg23, 0, 2));
  v128.store(g, i64x2.shuffle(rg01, rg23, 1, 3));
  v128.store(b, i64x2.shuffle(ba01, ba23, 0, 2));
}

function splitRgba16(src: usize, r: usize, g: usize, b: usize): void {
  const mask = v128.load(RGBA_MASK);
  splitGroups(v128.load(src), v128.load(src, 16), v128.load(src, 32), v128.load(src, 48), mask, r, g, b);
}

function splitRgb16(src: usize, r: usize, g: usize, b: usize): void {
  // Pixels 4k..4k+3 start at byte 12k: byte shifts across the three vectors (one palignr each in V8)
  // put each group of four at the start of a vector.
  const v0 = v128.load(src);
  const v1 = v128.load(src, 16);
  const v2 = v128.load(src, 32);
  const s1 = i8x16.shuffle(v0, v1, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27);
  const s2 = i8x16.shuffle(v1, v2, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
  const s3 = i8x16.shuffle(v2, v2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3);
  splitGroups(v0, s1, s2, s3, v128.load(RGB_MASK), r, g, b);
}

/**
 * Writes the R, G and B planes of one row at planes, planes + stride, planes + 2 stride, followed by
 * 16 copies of the row's last pixel each: whole-vector kernels may read them, as a copy changes
 * neither the grayscale check nor the bounds of R and G (zeros would widen those to 0).
 */
export function splitRow(row: usize, width: i32, bpp: i32, planes: usize, stride: usize): void {
  const r = planes;
  const g = planes + stride;
  const b = planes + 2 * stride;
  const vectorEnd = width & ~15;
  let x = 0;
  if (bpp === 4) {
    for (; x < vectorEnd; x += 16)
      splitRgba16(row + ((<usize>x) << 2), r + <usize>x, g + <usize>x, b + <usize>x);
  } else {
    for (; x < vectorEnd; x += 16) splitRgb16(row + <usize>x * 3, r + <usize>x, g + <usize>x, b + <usize>x);
  }
  for (; x < width; x++) {
    const p = row + <usize>x * <usize>bpp;
    store<u8>(r + <usize>x, load<u8>(p));
    store<u8>(g + <usize>x, load<u8>(p, 1));
    store<u8>(b + <usize>x, load<u8>(p, 2));
  }
  const last = <usize>width - 1;
  v128.store(r + <usize>width, i8x16.splat(load<u8>(r + last)));
  v128.store(g + <usize>width, i8x16.splat(load<u8>(g + last)));
  v128.store(b + <usize>width, i8x16.splat(load<u8>(b + last)));
}
