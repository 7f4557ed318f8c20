import { Buffers, NARROW, ORDER, SORTED, WIDE } from "./buffers.js";

/** A column's values in ascending order and where each came from. */
export interface SortedValues {
  /** Positions into the value array, ascending by value; equal values keep their input order. */
  readonly order: Int32Array;
  /** The values in sorted order. */
  readonly sorted: Float64Array;
}

/** Equal values (-0 counts as 0) of an ascending array as runs. */
export interface Runs {
  /** Run r covers sorted positions start[r] .. start[r + 1]. Length runs + 1. */
  readonly start: Int32Array;
  /** The value shared by run r (the first of its rows: -0 or 0). */
  readonly value: Float64Array;
}

/**
 * Only the run-table sweep works on runs, so they live in the scratch that the row sweep (never run on
 * the same column) and the sort (finished by then) use: valid until one of them runs again.
 */
export function groupRuns(sorted: Float64Array, buffers: Buffers): Runs {
  const n = sorted.length;
  const start = buffers.int32(NARROW, n + 1);
  const value = buffers.float64(WIDE, n);
  let runs = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      start[runs] = i;
      value[runs++] = sorted[i] as number;
    }
  }
  start[runs] = n;
  return { start: start.subarray(0, runs + 1), value: value.subarray(0, runs) };
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

/** Rows of a radix sort: values, the same memory as 32-bit words, and each value's position. */
interface Rows {
  readonly values: Float64Array;
  readonly words: Uint32Array;
  readonly order: Int32Array;
}

function rowsOf(values: Float64Array, order: Int32Array): Rows {
  return { values, words: wordsOf(values), order };
}

function wordsOf(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
}

/** Word 1 of a double holds its sign, exponent and high mantissa bits; word 0 the low mantissa bits. */
const HIGH = 1;
const LOW = 0;
const SIGN = 1 << 31;

/**
 * The radix key of a value's high or low word (w), ordered like the values: a negative value's bits
 * flipped, the sign bit set on the others' high word (top = SIGN for the high word, 0 for the low), -0
 * as 0. The low words are only compared among values that share their high key, hence their sign.
 */
function keyOf(v: number, w: number, top: number): number {
  return v === 0 ? top : w ^ (v < 0 ? -1 : top);
}

/**
 * Stable LSD radix sort of rows [start, end) by one word of their values, digitBits per pass, digits on
 * which every key agrees skipped (the exponent of scores in [0, 1]). The values themselves travel with
 * the positions (not 32-bit keys and their partners), so the sorted values need no rebuilding and no
 * array beyond the two outputs and their partners. The rows are read from `from` (in input order when
 * fromOrder is null; `from` may be into.values) and end in `into`; `spare` is the ping-pong partner.
 */
function radixSort(
  from: Float64Array,
  fromOrder: Int32Array | null,
  into: Rows,
  spare: Rows,
  range: { start: number; end: number; word: number; digitBits: number },
  histogram: Int32Array,
): void {
  const { start, end, word, digitBits } = range;
  const buckets = 1 << digitBits;
  const mask = buckets - 1;
  const digits = Math.ceil(32 / digitBits);
  const top = word === HIGH ? SIGN : 0;
  const fromWords = wordsOf(from);
  histogram.fill(0, 0, digits * buckets);
  for (let i = start; i < end; i++) {
    const key = keyOf(from[i] as number, fromWords[2 * i + word] as number, top);
    for (let d = 0; d < digits; d++) {
      const b = d * buckets + ((key >>> (d * digitBits)) & mask);
      histogram[b] = (histogram[b] as number) + 1;
    }
  }
  const first = keyOf(from[start] as number, fromWords[2 * start + word] as number, top);
  const varying: number[] = [];
  for (let d = 0; d < digits; d++)
    if (histogram[d * buckets + ((first >>> (d * digitBits)) & mask)] !== end - start) varying.push(d);
  // The passes alternate between into and spare and must end in into, so an odd count starts in into.
  let target = varying.length % 2 === 1 ? into : spare;
  let source: Rows = {
    values: from,
    words: fromWords,
    order: fromOrder ?? (target === into ? spare : into).order,
  };
  if (fromOrder === null) for (let i = start; i < end; i++) source.order[i] = i;
  else if (source.values === target.values) {
    copyRows(source, spare, start, end);
    source = spare;
  }
  for (const d of varying) {
    const base = d * buckets;
    let position = start;
    for (let b = base; b < base + buckets; b++) {
      const count = histogram[b] as number;
      histogram[b] = position;
      position += count;
    }
    const shift = d * digitBits;
    const { values, words, order } = source;
    const toValues = target.values;
    const toOrder = target.order;
    for (let i = start; i < end; i++) {
      const v = values[i] as number;
      const b = base + ((keyOf(v, words[2 * i + word] as number, top) >>> shift) & mask);
      const at = histogram[b] as number;
      histogram[b] = at + 1;
      toValues[at] = v;
      toOrder[at] = order[i] as number;
    }
    source = target;
    target = target === into ? spare : into;
  }
  if (source.values !== into.values) copyRows(source, into, start, end);
}

function copyRows(from: Rows, to: Rows, start: number, end: number): void {
  to.values.set(from.values.subarray(start, end), start);
  to.order.set(from.order.subarray(start, end), start);
}

/** Rows up to this many that share the high half of their bits are put in order by insertion. */
const INSERTION_ROWS = 32;

/**
 * Puts rows [start .. end) (values that share their high key, in input order) in (value, position)
 * order. A few rows by stable insertion; more by a radix sort of their low words with byte digits,
 * whose per-call cost (a 256-bucket histogram per byte) stays small next to 33+ rows, so that no
 * arrangement of the input makes this quadratic.
 */
function sortSameHigh(rows: Rows, spare: Rows, start: number, end: number, histogram: Int32Array) {
  const { values: sorted, order } = rows;
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
  radixSort(sorted, order, rows, spare, { start, end, word: LOW, digitBits: 8 }, histogram);
}

/**
 * Positions sorted by (value, position), and the values in that order. A stable LSD radix sort by the
 * high 32 IEEE bits (made to order like the numbers: negative values flipped, the sign bit set on the
 * others, -0 as 0) orders nearly everything: for scores in [0, 1] those bits hold the exponent and 20
 * mantissa bits, of which the radix passes touch only the digits that vary (often two). Rows that share
 * their high bits are consecutive and few, and are finished by value. Being stable, it keeps equal values
 * in input order without a tie-break key, and it is linear whatever the input (no quadratic worst case).
 */
function sortWithPositions(values: Float64Array, buffers: Buffers): SortedValues {
  const n = values.length;
  const rows = rowsOf(buffers.float64(SORTED, n), buffers.int32(ORDER, n));
  const spare = rowsOf(buffers.float64(WIDE, n), buffers.int32(NARROW, n));
  const histogram = new Int32Array(3 << 11);
  radixSort(values, null, rows, spare, { start: 0, end: n, word: HIGH, digitBits: 11 }, histogram);
  const { values: sorted, words } = rows;
  const highKey = (i: number) => keyOf(sorted[i] as number, words[2 * i + HIGH] as number, SIGN);
  let start = 0;
  let startKey = n > 0 ? highKey(0) : 0;
  for (let i = 1; i <= n; i++) {
    const key = i < n ? highKey(i) : 0;
    if (i < n && key === startKey) continue;
    if (i - start > 1) sortSameHigh(rows, spare, start, i, histogram);
    start = i;
    startKey = key;
  }
  return { order: rows.order, sorted };
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
function sortFewDistinct(values: Float64Array, buffers: Buffers): SortedValues | null {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Open addressing, at most a quarter full: slot -> id + 1 (0 = empty), and the id's value.
  const slotId = new Uint16Array(TABLE_SIZE);
  const distinct = new Float64Array(MAX_DISTINCT);
  const idOf = buffers.uint8(NARROW, n);
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
  const order = buffers.int32(ORDER, n);
  const sorted = buffers.float64(SORTED, n);
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
 * Sorts finite values (ties in input order). The order and sorted values live in `buffers`: valid
 * until the next sort with the same buffers.
 */
export function sortValues(values: Float64Array, buffers = new Buffers()): SortedValues {
  return sortFewDistinct(values, buffers) ?? sortWithPositions(values, buffers);
}
