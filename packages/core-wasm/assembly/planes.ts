// Splits an interleaved RGB or RGBA row into three byte planes, so the SIMD kernels that follow work
// on 16 pixels of one channel per vector instead of shuffling channels at every step.

/** Bytes each plane row holds past the pixels: 16 zeroed (whole-vector kernels) plus read slack. */
export const PLANE_SLACK = 32;

export function planeStride(width: i32): usize {
  return ((<usize>width + PLANE_SLACK + 15) >> 4) << 4;
}

/** Four RGBA pixels regrouped as RRRR GGGG BBBB AAAA. */
function channelsOf4(v: v128): v128 {
  return i8x16.shuffle(v, v, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
}

function splitRgba16(src: usize, r: usize, g: usize, b: usize): void {
  // Per vector: four pixels regrouped as RRRR GGGG BBBB AAAA, then a 4x4 transpose of 32-bit groups.
  const s0 = channelsOf4(v128.load(src));
  const s1 = channelsOf4(v128.load(src, 16));
  const s2 = channelsOf4(v128.load(src, 32));
  const s3 = channelsOf4(v128.load(src, 48));
  const rg01 = i32x4.shuffle(s0, s1, 0, 4, 1, 5);
  const rg23 = i32x4.shuffle(s2, s3, 0, 4, 1, 5);
  const ba01 = i32x4.shuffle(s0, s1, 2, 6, 3, 7);
  const ba23 = i32x4.shuffle(s2, s3, 2, 6, 3, 7);
  v128.store(r, i64x2.shuffle(rg01, rg23, 0, 2));
  v128.store(g, i64x2.shuffle(rg01, rg23, 1, 3));
  v128.store(b, i64x2.shuffle(ba01, ba23, 0, 2));
}

function splitRgb16(src: usize, r: usize, g: usize, b: usize): void {
  // 48 bytes: channel c of pixel i is byte 3i + c; the first 11 come from the first two vectors.
  const v0 = v128.load(src);
  const v1 = v128.load(src, 16);
  const v2 = v128.load(src, 32);
  const r01 = i8x16.shuffle(v0, v1, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0);
  const g01 = i8x16.shuffle(v0, v1, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0);
  const b01 = i8x16.shuffle(v0, v1, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0);
  v128.store(r, i8x16.shuffle(r01, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29));
  v128.store(g, i8x16.shuffle(g01, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30));
  v128.store(b, i8x16.shuffle(b01, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31));
}

/**
 * Writes the R, G and B planes of one row at planes, planes + stride, planes + 2 stride, followed by
 * 16 zero bytes each (a zero pixel is gray and has key 0, so whole-vector kernels may read them).
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
  const zero = i32x4.splat(0);
  v128.store(r + <usize>width, zero);
  v128.store(g + <usize>width, zero);
  v128.store(b + <usize>width, zero);
}
