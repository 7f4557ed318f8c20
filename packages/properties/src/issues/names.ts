/** The seven image issues, in report order. */
export const ISSUE_NAMES = [
  "dark",
  "light",
  "low_information",
  "odd_aspect_ratio",
  "odd_size",
  "grayscale",
  "blurry",
] as const;

export type IssueName = (typeof ISSUE_NAMES)[number];

/**
 * An image has an issue when its score (0..1, low = more of the issue) is below the threshold.
 * Datalab's defaults. The grayscale score is 0 or 1, so any threshold in (0, 1] flags exactly the
 * score 0; 0.5 leaves no doubt about rounding.
 */
export const DEFAULT_ISSUE_THRESHOLDS: Readonly<Record<IssueName, number>> = Object.freeze({
  dark: 0.32,
  light: 0.05,
  low_information: 0.15,
  odd_aspect_ratio: 0.35,
  odd_size: 0.5,
  grayscale: 0.5,
  blurry: 0.29,
});
