/** Small descriptive statistics for charts; the score domain is fixed to 0..1, so no scale library. */

/** Linear interpolation between order statistics (numpy's default), on an ascending array. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (position - low);
}

/** Counts per equal-width bin over [0, 1]; values outside are clamped, 1 falls in the last bin. */
export function histogram01(values: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    const clamped = Math.min(1, Math.max(0, value));
    const index = Math.min(bins - 1, Math.floor(clamped * bins));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
