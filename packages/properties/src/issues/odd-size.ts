import { orderStatistics } from "../order-statistics.js";
import { interpolatePercentile, percentilePosition } from "../percentile.js";
import type { ScoreInputs } from "../raw-properties.js";

/** How many interquartile ranges beyond the quartiles a size still counts as usual. */
const IQR_FACTOR = 3;

type Dimensions = Pick<ScoreInputs, "width" | "height">;

const imageArea = (raw: Dimensions): number => raw.width * raw.height;

/** The size of an image: sqrt(w * h), so equal areas get equal sizes. */
export const imageSize = (raw: Dimensions): number => Math.sqrt(imageArea(raw));

/**
 * numpy's 25th and 75th percentiles of the images' sizes, the same doubles as sorting the sizes gives,
 * in memory that does not grow with the dataset: sqrt is monotone, so the size of rank k is the root
 * of the area of rank k, and areas are whole numbers, which {@link orderStatistics} selects exactly.
 * `images` is read in index order only, in a few full passes: it may build each image when read.
 */
export function sizeQuartiles(images: ArrayLike<Dimensions>): [q1: number, q3: number] {
  const q1 = percentilePosition(images.length, 25);
  const q3 = percentilePosition(images.length, 75);
  const areaAt = (index: number) => imageArea(images[index] as Dimensions);
  const ranks = [q1.low, q1.high, q3.low, q3.high];
  const [a, b, c, d] = orderStatistics(images.length, areaAt, ranks).map(Math.sqrt) as [
    number,
    number,
    number,
    number,
  ];
  return [interpolatePercentile(a, b, q1.weight), interpolatePercentile(c, d, q3.weight)];
}

export interface OddSizeScorer {
  score(raw: Dimensions): number;
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
export function oddSizeScorer(images: ArrayLike<Dimensions>): OddSizeScorer {
  const [q1, q3] = sizeQuartiles(images);
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
