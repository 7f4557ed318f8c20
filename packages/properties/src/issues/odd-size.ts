import { percentileOfSorted } from "../percentile.js";
import type { ScoreInputs } from "../raw-properties.js";

/** How many interquartile ranges beyond the quartiles a size still counts as usual. */
const IQR_FACTOR = 3;

/** The size of an image: sqrt(w * h), so equal areas get equal sizes. */
export const imageSize = (raw: Pick<ScoreInputs, "width" | "height">): number =>
  Math.sqrt(raw.width * raw.height);

export interface OddSizeScorer {
  score(raw: Pick<ScoreInputs, "width" | "height">): number;
  /**
   * True when every size is the same band (interquartile range 0); then any size other than the
   * middle scores below 1 and the default threshold becomes 1.
   */
  degenerate: boolean;
}

/**
 * Odd size is relative to the dataset: the distance of an image's size from the middle of the band
 * [q1 - 3 iqr, q3 + 3 iqr], as a share of the band's width (or of the middle when the band is empty).
 */
export function oddSizeScorer(sizes: ArrayLike<number>): OddSizeScorer {
  const sorted = Float64Array.from(sizes).sort();
  const q1 = percentileOfSorted(sorted, 25);
  const q3 = percentileOfSorted(sorted, 75);
  const iqr = q3 - q1;
  const lo = q1 - IQR_FACTOR * iqr;
  const hi = q3 + IQR_FACTOR * iqr;
  const mid = (lo + hi) / 2;
  const gap = hi - lo;
  const norm = gap > 0 ? gap : mid;
  return {
    degenerate: !(gap > 0),
    score: (raw) => 1 - Math.min(1, Math.max(0, Math.abs(imageSize(raw) - mid) / norm)),
  };
}
