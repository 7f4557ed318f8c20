import { blurryScore } from "./issues/blurry.js";
import { darkScore } from "./issues/dark.js";
import { grayscaleScore } from "./issues/grayscale.js";
import { lightScore } from "./issues/light.js";
import { lowInformationScore } from "./issues/low-information.js";
import { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES, type IssueName } from "./issues/names.js";
import { oddAspectRatioScore } from "./issues/odd-aspect-ratio.js";
import { imageSize, oddSizeScorer } from "./issues/odd-size.js";
import type { RawProperties } from "./raw-properties.js";

export interface ScoreOptions {
  /**
   * Per-issue thresholds; an image has the issue when its score is below. Unset ones use
   * {@link DEFAULT_ISSUE_THRESHOLDS}, except odd_size, whose default is 1 when all sizes share one
   * value band (interquartile range 0), as CleanVision does.
   */
  thresholds?: Partial<Record<IssueName, number>>;
}

export interface ImageScores {
  /** 0..1 per issue, low = more of the issue. */
  scores: Record<IssueName, number>;
  /** Issues the image has, in {@link ISSUE_NAMES} order. */
  issues: IssueName[];
}

function thresholdsFor(
  sizesDegenerate: boolean,
  overrides: ScoreOptions["thresholds"],
): Record<IssueName, number> {
  return { ...DEFAULT_ISSUE_THRESHOLDS, ...(sizesDegenerate ? { odd_size: 1 } : {}), ...overrides };
}

/** The thresholds {@link scoreDataset} applies to these images with these options. */
export function datasetThresholds(
  raws: readonly RawProperties[],
  options: ScoreOptions = {},
): Record<IssueName, number> {
  const degenerate = raws.length > 0 && oddSizeScorer(raws.map(imageSize)).degenerate;
  return thresholdsFor(degenerate, options.thresholds);
}

/** Scores and flags every image; odd_size depends on the whole dataset, the others on the image alone. */
export function scoreDataset(raws: readonly RawProperties[], options: ScoreOptions = {}): ImageScores[] {
  if (raws.length === 0) return [];
  const oddSize = oddSizeScorer(raws.map(imageSize));
  const thresholds = thresholdsFor(oddSize.degenerate, options.thresholds);
  return raws.map((raw) => {
    const scores: Record<IssueName, number> = {
      dark: darkScore(raw),
      light: lightScore(raw),
      low_information: lowInformationScore(raw),
      odd_aspect_ratio: oddAspectRatioScore(raw),
      odd_size: oddSize.score(raw),
      grayscale: grayscaleScore(raw),
      blurry: blurryScore(raw),
    };
    return { scores, issues: ISSUE_NAMES.filter((name) => scores[name] < thresholds[name]) };
  });
}
