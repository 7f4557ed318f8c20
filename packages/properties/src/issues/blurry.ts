import type { ScoreInputs } from "../raw-properties.js";

const NORMALIZING_FACTOR = 0.01;
/**
 * A nearly uniform luma histogram (gray_std low) is no evidence of sharpness; below this the
 * histogram term does not count.
 */
const MIN_STD_SCORE = 0.18;

const saturate = (x: number): number => 1 - Math.exp(-NORMALIZING_FACTOR * x);

/** Blurry: edge strength plus histogram spread, both mapped to 0..1; a sharp image scores 1. */
export function blurryScore(raw: ScoreInputs): number {
  const std = saturate(raw.grayStd);
  return Math.min(1, saturate(raw.blurriness) + (std <= MIN_STD_SCORE ? 0 : std));
}
