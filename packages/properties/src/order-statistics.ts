/**
 * The k-th smallest of many whole numbers, without holding or sorting them: a radix select whose
 * passes read the numbers in index order and keep only histograms, so memory does not grow with their
 * count (1.1 MB for the first pass, at most 1.3 MB per asked rank after). It exists for image areas
 * (w * h): sorting ten million image sizes takes 160 MB, and lab's images are built on read from a
 * table that may live in a spill file, where only sequential passes are cheap. A pass costs a read of
 * every image, so passes are few; one cannot always do (an exact one-pass select needs memory
 * proportional to the count: Munro and Paterson, 1980).
 *
 * The first pass puts every number in one of 56,320 buckets by its leading bits, as a float does (a
 * bucket per value below 2^11, then 2^10 buckets per binade [2^e, 2^(e+1))), so no earlier pass is
 * needed to find the largest. Each later pass splits the buckets that hold the asked ranks, now known
 * to span less than 2^(e-10), into at most 65,536 equal parts (the span shrinks 2^16-fold per pass).
 * Every bucket keeps its lowest and highest value: a rank is settled once its bucket holds a single
 * value, at once when many images share the size at that rank. Hence at most 2 passes below 2^27
 * (every image within the default decode limit of 100 megapixels), 3 below 2^43, and at most 4 up to
 * 2^64 (past 2^53 the doubles of a binade [2^e, 2^(e+1)) lie 2^(e-52) apart, and the third split
 * leaves parts narrower than 2^(e-58)).
 */

const SPLIT_BITS = 16;
/** Bits after the leading one that the first pass tells apart. */
const LEADING_BITS = 10;
/** One per value below 2^(LEADING_BITS + 1), then 2^LEADING_BITS for each binade from there to 2^64. */
const LEADING_BUCKETS = (64 - LEADING_BITS + 1) * 2 ** LEADING_BITS;

/** How many values fall in each bucket, and the lowest and highest of them. */
class Histogram {
  readonly counts: Uint32Array;
  readonly lows: Float64Array;
  readonly highs: Float64Array;

  constructor(buckets: number) {
    this.counts = new Uint32Array(buckets);
    this.lows = new Float64Array(buckets).fill(Number.POSITIVE_INFINITY);
    this.highs = new Float64Array(buckets).fill(Number.NEGATIVE_INFINITY);
  }

  add(bucket: number, value: number): void {
    this.counts[bucket] = (this.counts[bucket] as number) + 1;
    if (value < (this.lows[bucket] as number)) this.lows[bucket] = value;
    if (value > (this.highs[bucket] as number)) this.highs[bucket] = value;
  }
}

/** Values in [low, high], split into buckets of `scale` (a power of two) values from `low`. */
interface PendingRange {
  low: number;
  high: number;
  scale: number;
  /** How many of all values lie below `low`. */
  below: number;
  histogram: Histogram;
  /** Indices into the caller's ranks of the ranks that fall in this range. */
  asked: number[];
}

/**
 * The values of the given 0-based ranks (in ascending order) among `count` whole numbers in
 * [0, 2^64), read as `valueAt(0)`, ..., `valueAt(count - 1)` in a few full passes (see above);
 * `valueAt` must return the same values on every pass.
 */
export function orderStatistics(
  count: number,
  valueAt: (index: number) => number,
  ranks: readonly number[],
): number[] {
  for (const rank of ranks) {
    if (!(Number.isInteger(rank) && rank >= 0 && rank < count)) {
      throw new RangeError(`orderStatistics: rank ${rank} is not one of the ${count} values`);
    }
  }
  const values = new Array<number>(ranks.length);
  if (ranks.length === 0) return values;
  const leading = new Histogram(LEADING_BUCKETS);
  for (let index = 0; index < count; index++) {
    const value = valueAt(index);
    if (!(Number.isInteger(value) && value >= 0 && value < 2 ** 64)) {
      throw new RangeError(`orderStatistics: value ${value} at ${index} is not a whole number in [0, 2^64)`);
    }
    leading.add(leadingBucket(value), value);
  }
  let pending = settle(leading, 0, ranks.keys(), ranks, values);
  while (pending.length > 0) {
    for (let index = 0; index < count; index++) {
      const value = valueAt(index);
      for (const range of pending) {
        if (value < range.low || value > range.high) continue;
        // Exact: a range lies within one binade (lower ones settle in the first pass), so `value - low` does not round.
        range.histogram.add(Math.floor((value - range.low) / range.scale), value);
        break;
      }
    }
    pending = pending.flatMap((range) => settle(range.histogram, range.below, range.asked, ranks, values));
  }
  return values;
}

/** Exact below 2^(LEADING_BITS + 1); above, a binade's 2^LEADING_BITS equal parts, in value order. */
function leadingBucket(value: number): number {
  if (value < 2 ** (LEADING_BITS + 1)) return value;
  const shift = binade(value) - LEADING_BITS;
  return shift * 2 ** LEADING_BITS + Math.floor(value / 2 ** shift);
}

/** floor(log2(value)) for a whole number in 1..2^64, exactly (Math.log2 may round up near 2^e). */
function binade(value: number): number {
  return value < 2 ** 32 ? 31 - Math.clz32(value) : 63 - Math.clz32(value / 2 ** 32);
}

/**
 * Records the asked ranks whose bucket holds a single value; the buckets of the others become the
 * ranges the next pass splits (one per bucket, shared by the ranks in it).
 */
function settle(
  histogram: Histogram,
  below: number,
  asked: Iterable<number>,
  ranks: readonly number[],
  values: number[],
): PendingRange[] {
  const next = new Map<number, PendingRange>();
  for (const slot of asked) {
    const { bucket, before } = locate(histogram.counts, (ranks[slot] as number) - below);
    const low = histogram.lows[bucket] as number;
    const high = histogram.highs[bucket] as number;
    if (low === high) {
      values[slot] = low;
      continue;
    }
    let range = next.get(bucket);
    if (range === undefined) {
      let scale = 1;
      while ((high - low) / scale >= 2 ** SPLIT_BITS) scale *= 2;
      const histogramOfRange = new Histogram(Math.floor((high - low) / scale) + 1);
      range = { low, high, scale, below: below + before, histogram: histogramOfRange, asked: [] };
      next.set(bucket, range);
    }
    range.asked.push(slot);
  }
  return [...next.values()];
}

/** The bucket that holds the value of 0-based `rank`, and how many values lie in earlier buckets. */
function locate(counts: Uint32Array, rank: number): { bucket: number; before: number } {
  let before = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    const count = counts[bucket] as number;
    if (rank < before + count) return { bucket, before };
    before += count;
  }
  throw new Error("orderStatistics: the values changed between passes");
}
