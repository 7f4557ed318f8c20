/** Small descriptive statistics for charts; the score domain is fixed to 0..1, so no scale library. */

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
