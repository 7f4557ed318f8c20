/** Where numpy's linear method reads a percentile: two neighbouring ranks and the upper one's weight. */
export interface PercentilePosition {
  /** 0-based rank of the lower order statistic. */
  low: number;
  /** 0-based rank of the upper one (`low + 1`, or `low` at the end). */
  high: number;
  /** 0..1, how far the percentile lies from the lower value towards the upper one. */
  weight: number;
}

/**
 * The ranks the q-th percentile (0..100) of `count` values interpolates between, so that callers who
 * find order statistics without sorting (see order-statistics.ts) read the same two values.
 */
export function percentilePosition(count: number, q: number): PercentilePosition {
  if (count === 0) throw new RangeError("percentile of an empty list");
  const position = (q / 100) * (count - 1);
  const low = Math.floor(position);
  return { low, high: Math.min(low + 1, count - 1), weight: position - low };
}

/**
 * numpy's interpolation formula, which starts from the upper neighbour when the weight is >= 0.5, so
 * results match numpy bit for bit.
 */
export function interpolatePercentile(low: number, high: number, weight: number): number {
  const diff = high - low;
  return weight >= 0.5 ? high - diff * (1 - weight) : low + diff * weight;
}

/** The q-th percentile (0..100) of ascending `sorted` values with numpy's default linear method. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const { low, high, weight } = percentilePosition(sorted.length, q);
  return interpolatePercentile(sorted[low] as number, sorted[high] as number, weight);
}
