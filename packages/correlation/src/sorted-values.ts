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

/** Sorting must not go quadratic on adversarial input: repairs beyond this many moves per value give up. */
const REPAIR_MOVES_PER_VALUE = 8;

/**
 * Positions sorted by (value, position), and the values in that order. The fast path hides each
 * position in the low mantissa bits of its value and lets the engine's native Float64Array sort (far
 * faster than any comparator sort in JavaScript) order the disguised values; positions come back out of
 * the bits. Only values that agree in all the other bits can come out misordered, and an insertion pass
 * repairs those; if that would take too long (values crafted to collide) a comparator sort takes over,
 * so the worst case stays O(n log n).
 */
function sortWithPositions(values: Float64Array): { order: Int32Array; sorted: Float64Array } {
  const n = values.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const mask = indexBits >= 32 ? 0xffffffff : 2 ** indexBits - 1;
  const keys = new Float64Array(n);
  keys.set(values);
  const bits = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    if (keys[i] === 0) bits[2 * i + 1] = 0; // -0 sorts as 0
    const negative = (bits[2 * i + 1] as number) >>> 31 === 1;
    // Bigger mantissa = more negative, so negative values store the position reversed to keep ties in order.
    bits[2 * i] = (((bits[2 * i] as number) & ~mask) | (negative ? mask - i : i)) >>> 0;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const low = (bits[2 * i] as number) & mask;
    order[i] = (bits[2 * i + 1] as number) >>> 31 === 1 ? mask - low : low;
  }
  const sorted = keys; // reused: the disguised keys are no longer needed
  for (let i = 0; i < n; i++) sorted[i] = values[order[i] as number] as number;
  let budget = REPAIR_MOVES_PER_VALUE * n;
  for (let i = 1; i < n; i++) {
    const p = order[i] as number;
    const v = sorted[i] as number;
    let j = i;
    while (
      j > 0 &&
      (v < (sorted[j - 1] as number) || (v === sorted[j - 1] && p < (order[j - 1] as number)))
    ) {
      order[j] = order[j - 1] as number;
      sorted[j] = sorted[j - 1] as number;
      j--;
      if (--budget < 0) return comparatorSort(values);
    }
    order[j] = p;
    sorted[j] = v;
  }
  return { order, sorted };
}

function comparatorSort(values: Float64Array): { order: Int32Array; sorted: Float64Array } {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  return { order, sorted: Float64Array.from(order, (p) => values[p] as number) };
}

/** Sorts finite values (ties in input order) and groups equal values (-0 counts as 0) into runs. */
export function sortValues(values: Float64Array): SortedValues {
  const n = values.length;
  const { order, sorted } = sortWithPositions(values);
  const starts = new Int32Array(n + 1);
  let runs = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) starts[runs++] = i;
  }
  starts[runs] = n;
  const runStart = starts.slice(0, runs + 1);
  const runValue = new Float64Array(runs);
  for (let r = 0; r < runs; r++) runValue[r] = sorted[runStart[r] as number] as number;
  return { order, runStart, runValue, sorted };
}
