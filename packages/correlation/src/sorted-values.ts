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
  /** Run of each position. */
  readonly runOf: Int32Array;
}

/** Sorts finite values in O(n log n): a native typed-array sort, a rank lookup and a counting sort. */
export function sortValues(values: Float64Array): SortedValues {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let runs = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[runs++] = sorted[i] as number;
  }
  const runValue = sorted.slice(0, runs);
  const runOf = new Int32Array(n);
  const runStart = new Int32Array(runs + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = runs - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((runValue[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    runOf[i] = lo;
    runStart[lo + 1] = (runStart[lo + 1] as number) + 1;
  }
  for (let r = 0; r < runs; r++) runStart[r + 1] = (runStart[r + 1] as number) + (runStart[r] as number);
  const next = runStart.slice(0, runs);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = runOf[i] as number;
    order[next[r] as number] = i;
    next[r] = (next[r] as number) + 1;
  }
  return { order, runStart, runValue, runOf };
}
