/**
 * The q-th percentile (0..100) of ascending `sorted` values with numpy's default linear method,
 * including its interpolation formula (from the upper neighbour when the weight is >= 0.5) so results
 * match numpy bit for bit.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentile of an empty list");
  const position = (q / 100) * (n - 1);
  const lowIndex = Math.floor(position);
  const highIndex = Math.min(lowIndex + 1, n - 1);
  const t = position - lowIndex;
  const a = sorted[lowIndex] as number;
  const b = sorted[highIndex] as number;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
