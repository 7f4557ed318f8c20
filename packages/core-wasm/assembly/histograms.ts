// Static histograms shared by the kernels: 3 x 256 channel bins (gray images use the first 256 only).

/** Byte distance from CHANNEL_HIST to the second copy the colour scan fills from odd pixels. */
export const ODD_COPY_OFFSET = 768 * 4;
export const CHANNEL_HIST: usize = memory.data(2 * ODD_COPY_OFFSET, 16);
/** The second copy (of B counts only, when not counted in pairs); mergeBlueCopies() folds it in. */
export const CHANNEL_HIST_ODD: usize = CHANNEL_HIST + ODD_COPY_OFFSET;

/**
 * Joint (R, G) counts of the colour scan, counter R + 256 G. Zero between images: foldJointCounts()
 * clears what it reads.
 */
export const RG_HIST: usize = memory.data(256 * 256 * 4, 16);

/**
 * Joint B counts of neighbouring pixel pairs (even x, odd x), counter first + 256 second, of the
 * colour scan of large images; zero between images like RG_HIST.
 */
export const BB_HIST: usize = memory.data(256 * 256 * 4, 16);

/**
 * Adds the column sums (first value) of the joint counts at `table` to the u32 histogram at `columns`
 * and their row sums (second value) to the one at `rows`, and zeroes the joint counts; only first
 * values in [c0, c1] and second values in [r0, r1] can be nonzero, so only those are read.
 */
export function foldJointCounts(
  table: usize,
  c0: usize,
  c1: usize,
  r0: usize,
  r1: usize,
  columns: usize,
  rows: usize,
): void {
  const zero = i32x4.splat(0);
  const from = (c0 >> 2) << 4;
  const to = ((c1 >> 2) + 1) << 4;
  for (let row = r0; row <= r1; row++) {
    const counts = table + (row << 10);
    let sum = zero;
    for (let i = from; i < to; i += 16) {
      const v = v128.load(counts + i);
      v128.store(counts + i, zero);
      v128.store(columns + i, i32x4.add(v128.load(columns + i), v));
      sum = i32x4.add(sum, v);
    }
    const both = i32x4.add(sum, i64x2.shuffle(sum, sum, 1, 0));
    const at = rows + (row << 2);
    store<u32>(at, load<u32>(at) + i32x4.extract_lane(both, 0) + i32x4.extract_lane(both, 1));
  }
}

/** Folds the second copy of the B counts into the first. */
export function mergeBlueCopies(): void {
  for (let i: usize = 2048; i < 768 * 4; i += 16) {
    v128.store(CHANNEL_HIST + i, i32x4.add(v128.load(CHANNEL_HIST + i), v128.load(CHANNEL_HIST_ODD + i)));
  }
}

export function clearU32(ptr: usize, count: i32): void {
  memory.fill(ptr, 0, (<usize>count) << 2);
}

export function bump(ptr: usize, index: i32): void {
  const at = ptr + ((<usize>index) << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/** Shannon entropy in bits of `bins` u32 counts (PIL's Image.entropy over the concatenated bands). */
export function entropyBits(hist: usize, bins: i32): f64 {
  let total: f64 = 0;
  for (let i = 0; i < bins; i++) total += <f64>load<u32>(hist + ((<usize>i) << 2));
  if (total === 0) return 0;
  let sum: f64 = 0;
  for (let i = 0; i < bins; i++) {
    const c = load<u32>(hist + ((<usize>i) << 2));
    if (c !== 0) {
      const p = <f64>c / total;
      sum += p * Math.log2(p);
    }
  }
  return 0 - sum; // +0 rather than -0 for a single-valued histogram
}

/** Population standard deviation of the 256 bin counts (numpy's np.std of PIL's histogram()). */
export function stdOfCounts(hist: usize): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < 256; i++) sum += <f64>load<u32>(hist + ((<usize>i) << 2));
  const mean = sum / 256;
  let ss: f64 = 0;
  for (let i = 0; i < 256; i++) {
    const d = <f64>load<u32>(hist + ((<usize>i) << 2)) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / 256);
}

/** Population standard deviation of the values 0..255 a histogram describes (PIL's ImageStat). */
export function stdOfValues(hist: usize): f64 {
  let n: u64 = 0;
  let s: u64 = 0;
  let s2: u64 = 0;
  for (let i = 0; i < 256; i++) {
    const c = <u64>load<u32>(hist + ((<usize>i) << 2));
    n += c;
    s += c * <u64>i;
    s2 += c * <u64>(i * i);
  }
  if (n === 0) return 0;
  const fn = <f64>n;
  const fs = <f64>s;
  const v = (<f64>s2 - (fs * fs) / fn) / fn;
  return v > 0 ? Math.sqrt(v) : 0;
}
