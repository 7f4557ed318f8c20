import { Buffers } from "./buffers.js";

/**
 * Values grouped into runs of equal value in ascending order. Everything downstream (kNN, AUC,
 * medians) works run by run, which is what makes heavy ties (thousands of images at exactly 1.0) cheap.
 */
export interface SortedValues {
  /** Positions into the value array, ascending by value; equal values keep their input order. */
  readonly order: Int32Array;
  /** Run r covers order[runStart[r] .. runStart[r + 1]). Length runs + 1. */
  readonly runStart: Int32Array;
  /** The value shared by run r. */
  readonly runValue: Float64Array;
  /** The values in sorted order. */
  readonly sorted: Float64Array;
}

/**
 * The runs are grouped on first use: the kNN sweep for a few classes works on the sorted values
 * alone, and then the grouping (two arrays as long as the column) is never paid for.
 */
class SortedColumn implements SortedValues {
  private runs: { runStart: Int32Array; runValue: Float64Array } | null = null;
  constructor(
    readonly order: Int32Array,
    readonly sorted: Float64Array,
  ) {}
  get runStart(): Int32Array {
    this.runs ??= groupRuns(this.sorted);
    return this.runs.runStart;
  }
  get runValue(): Float64Array {
    this.runs ??= groupRuns(this.sorted);
    return this.runs.runValue;
  }
}

/** Equal values (-0 counts as 0) of an ascending array as runs. */
function groupRuns(sorted: Float64Array): { runStart: Int32Array; runValue: Float64Array } {
  const n = sorted.length;
  const starts = new Int32Array(n + 1);
  let runs = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) starts[runs++] = i;
  }
  starts[runs] = n;
  const runStart = starts.slice(0, runs + 1);
  const runValue = new Float64Array(runs);
  for (let r = 0; r < runs; r++) runValue[r] = sorted[runStart[r] as number] as number;
  return { runStart, runValue };
}

/** First index of the stretch of values equal to values[i] (values ascending): a galloping search. */
export function stretchStart(values: Float64Array, i: number): number {
  const v = values[i] as number;
  if (i === 0 || values[i - 1] !== v) return i;
  let inside = i - 1;
  let step = 1;
  let outside = inside - step;
  while (outside >= 0 && values[outside] === v) {
    inside = outside;
    step *= 2;
    outside = inside - step;
  }
  if (outside < -1) outside = -1;
  // values[outside] < v (or outside = -1) and values[inside] === v: bisect between them.
  while (inside - outside > 1) {
    const middle = (inside + outside) >>> 1;
    if (values[middle] === v) inside = middle;
    else outside = middle;
  }
  return inside;
}

/** One past the last index of the stretch of values equal to values[i] among the first `size`. */
export function stretchEnd(values: Float64Array, i: number, size: number): number {
  const v = values[i] as number;
  if (i + 1 === size || values[i + 1] !== v) return i + 1;
  let inside = i + 1;
  let step = 1;
  let outside = inside + step;
  while (outside < size && values[outside] === v) {
    inside = outside;
    step *= 2;
    outside = inside + step;
  }
  if (outside > size) outside = size;
  while (outside - inside > 1) {
    const middle = (inside + outside) >>> 1;
    if (values[middle] === v) inside = middle;
    else outside = middle;
  }
  return outside;
}

/** Scratch arrays of a radix sort: ping-pong partners of the keys and payloads, and the histograms. */
interface Scratch {
  keys: Uint32Array;
  order: Int32Array;
  /** Partner of the second payload; empty when the sort has none. */
  low: Uint32Array;
  histogram: Int32Array;
}

/**
 * Stable LSD radix sort of keys[start .. end) by their 32 bits, moving order (and low, when not null)
 * along, digitBits per pass. Digits on which every key agrees are skipped (the exponent of scores in [0, 1]).
 */
function radixSort32(
  keys: Uint32Array,
  order: Int32Array,
  low: Uint32Array | null,
  start: number,
  end: number,
  digitBits: number,
  scratch: Scratch,
): void {
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const digits = Math.ceil(32 / digitBits);
  const histogram = scratch.histogram.subarray(0, digits * buckets).fill(0);
  for (let i = start; i < end; i++) {
    const key = keys[i] as number;
    for (let d = 0; d < digits; d++) {
      const b = d * buckets + ((key >>> (d * digitBits)) & mask);
      histogram[b] = (histogram[b] as number) + 1;
    }
  }
  let from = keys;
  let fromOrder = order;
  let fromLow = low ?? scratch.low;
  let to = scratch.keys;
  let toOrder = scratch.order;
  let toLow = scratch.low;
  for (let d = 0; d < digits; d++) {
    const base = d * buckets;
    if (histogram[base + (((keys[start] as number) >>> (d * digitBits)) & mask)] === end - start) continue;
    let position = start;
    for (let b = base; b < base + buckets; b++) {
      const count = histogram[b] as number;
      histogram[b] = position;
      position += count;
    }
    const shift = d * digitBits;
    for (let i = start; i < end; i++) {
      const key = from[i] as number;
      const b = base + ((key >>> shift) & mask);
      const at = histogram[b] as number;
      histogram[b] = at + 1;
      to[at] = key;
      toOrder[at] = fromOrder[i] as number;
      if (low !== null) toLow[at] = fromLow[i] as number;
    }
    [from, to] = [to, from];
    [fromOrder, toOrder] = [toOrder, fromOrder];
    [fromLow, toLow] = [toLow, fromLow];
  }
  if (from !== keys) {
    keys.set(from.subarray(start, end), start);
    order.set(fromOrder.subarray(start, end), start);
    if (low !== null) low.set(fromLow.subarray(start, end), start);
  }
}

/** Rows up to this many that share the high half of their bits are put in order by insertion. */
const INSERTION_ROWS = 32;

/**
 * Puts sorted[start .. end) (rows whose values share their high 32 bits, in input order) in (value,
 * position) order, moving order along. A few rows by stable insertion; more by a radix sort of their low
 * 32 bits with byte digits, whose per-call cost (a 256-bucket histogram per byte) stays small next to 33+
 * rows, so that no arrangement of the input makes this quadratic.
 */
function sortSameHigh(sorted: Float64Array, order: Int32Array, start: number, end: number, scratch: Scratch) {
  let differs = start + 1;
  while (differs < end && sorted[differs] === sorted[start]) differs++;
  // One value (a tie, such as scores at exactly 1.0): input order is already the order.
  if (differs === end) return;
  if (end - start <= INSERTION_ROWS) {
    for (let i = start + 1; i < end; i++) {
      const value = sorted[i] as number;
      const position = order[i] as number;
      let j = i - 1;
      for (; j >= start && (sorted[j] as number) > value; j--) {
        sorted[j + 1] = sorted[j] as number;
        order[j + 1] = order[j] as number;
      }
      sorted[j + 1] = value;
      order[j + 1] = position;
    }
    return;
  }
  const rows = end - start;
  const bits = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * sorted.length);
  const low = new Uint32Array(rows);
  const at = new Int32Array(rows);
  for (let i = start; i < end; i++) {
    const value = sorted[i] as number;
    // The rows share their sign (-0 counting as 0): a negative value with larger low bits is smaller.
    low[i - start] = value < 0 ? ~(bits[2 * i] as number) >>> 0 : (bits[2 * i] as number);
    at[i - start] = i;
  }
  const lowScratch = {
    keys: new Uint32Array(rows),
    order: new Int32Array(rows),
    low: scratch.low.subarray(0, 0),
    histogram: scratch.histogram,
  };
  radixSort32(low, at, null, 0, rows, 8, lowScratch);
  const groupValues = sorted.slice(start, end);
  const groupOrder = order.slice(start, end);
  for (let r = 0; r < rows; r++) {
    sorted[start + r] = groupValues[(at[r] as number) - start] as number;
    order[start + r] = groupOrder[(at[r] as number) - start] as number;
  }
}

/**
 * Positions sorted by (value, position), and the values in that order. A stable LSD radix sort of the
 * high 32 IEEE bits (made to order like the numbers: negative values flipped, the sign bit set on the
 * others, -0 as 0) orders nearly everything: for scores in [0, 1] those bits hold the exponent and 20
 * mantissa bits, of which the radix passes touch only the digits that vary (often two). Rows that share
 * their high bits are consecutive and few, and are finished by value. Being stable, it keeps equal values
 * in input order without a tie-break key, and it is linear whatever the input (no quadratic worst case).
 */
function sortWithPositions(
  values: Float64Array,
  buffers: Buffers,
): { order: Int32Array; sorted: Float64Array } {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const high = buffers.uint32("sort.high", n);
  const low = buffers.uint32("sort.low", n);
  const order = buffers.int32("sort.order", n);
  for (let i = 0; i < n; i++) {
    const h = values[i] === 0 ? 0 : (bits[2 * i + 1] as number);
    high[i] = h >>> 31 === 1 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[i] = bits[2 * i] as number;
    order[i] = i;
  }
  const scratch: Scratch = {
    keys: buffers.uint32("sort.scratchKeys", n),
    order: buffers.int32("sort.scratchOrder", n),
    low: buffers.uint32("sort.scratchLow", n),
    histogram: new Int32Array(3 << 11),
  };
  // The low bits travel with the keys, so the sorted values are rebuilt in place instead of gathered
  // through the order (a cache miss per row on a large column).
  radixSort32(high, order, low, 0, n, 11, scratch);
  const sorted = buffers.float64("sort.sorted", n);
  const sortedBits = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const key = high[i] as number;
    sortedBits[2 * i + 1] = key >>> 31 === 1 ? key & 0x7fffffff : ~key >>> 0;
    sortedBits[2 * i] = low[i] as number;
    // Keys made -0 and 0 one value; the sign of a zero comes from the input.
    if (sorted[i] === 0) sorted[i] = values[order[i] as number] as number;
  }
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && high[i] === high[start]) continue;
    if (i - start > 1) sortSameHigh(sorted, order, start, i, scratch);
    start = i;
  }
  return { order, sorted };
}

/** Columns with at most this many distinct values are counting-sorted (ids fit a byte). */
const MAX_DISTINCT = 256;
const TABLE_BITS = 10;
const TABLE_SIZE = 1 << TABLE_BITS;

/**
 * The same (value, position) order as the radix sort for a column of at most MAX_DISTINCT distinct
 * values (grayscale flags, a few image sizes), or null for any other column. One
 * hash of each value's bits gives its distinct value's id, then a counting sort by the ids' ranks places
 * every row in one pass, in input order within a value (stable). A continuous column gives up after
 * MAX_DISTINCT + 1 rows, so trying costs it nothing measurable.
 */
function sortFewDistinct(
  values: Float64Array,
  buffers: Buffers,
): { order: Int32Array; sorted: Float64Array } | null {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Open addressing, at most a quarter full: slot -> id + 1 (0 = empty), and the id's value.
  const slotId = new Uint16Array(TABLE_SIZE);
  const distinct = new Float64Array(MAX_DISTINCT);
  const idOf = buffers.uint8("sort.ids", n);
  let nDistinct = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // -0 hashes as 0: they are one value here, as in the radix keys.
    const h = v === 0 ? 0 : (bits[2 * i + 1] as number);
    const l = v === 0 ? 0 : (bits[2 * i] as number);
    let slot = Math.imul(h ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b) >>> (32 - TABLE_BITS);
    for (;;) {
      const id = slotId[slot] as number;
      if (id === 0) {
        if (nDistinct === MAX_DISTINCT) return null;
        distinct[nDistinct] = v === 0 ? 0 : v;
        slotId[slot] = ++nDistinct;
        idOf[i] = nDistinct - 1;
        break;
      }
      if (distinct[id - 1] === v) {
        idOf[i] = id - 1;
        break;
      }
      slot = (slot + 1) & (TABLE_SIZE - 1);
    }
  }
  const ascending = distinct.slice(0, nDistinct).sort();
  const next = new Int32Array(nDistinct);
  for (let i = 0; i < n; i++) next[idOf[i] as number] = (next[idOf[i] as number] as number) + 1;
  let position = 0;
  for (const value of ascending) {
    const id = distinct.subarray(0, nDistinct).indexOf(value);
    const count = next[id] as number;
    next[id] = position;
    position += count;
  }
  const order = buffers.int32("sort.order", n);
  const sorted = buffers.float64("sort.sorted", n);
  for (let i = 0; i < n; i++) {
    const id = idOf[i] as number;
    const to = next[id] as number;
    next[id] = to + 1;
    order[to] = i;
    sorted[to] = values[i] as number;
  }
  return { order, sorted };
}

/**
 * Sorts finite values (ties in input order); equal values (-0 counts as 0) form runs. The order and
 * sorted values live in `buffers`: valid until the next sort with the same buffers.
 */
export function sortValues(values: Float64Array, buffers = new Buffers()): SortedValues {
  const { order, sorted } = sortFewDistinct(values, buffers) ?? sortWithPositions(values, buffers);
  return new SortedColumn(order, sorted);
}
