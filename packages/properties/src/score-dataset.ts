import { blurryScore } from "./issues/blurry.js";
import { darkScore } from "./issues/dark.js";
import { grayscaleScore } from "./issues/grayscale.js";
import { lightScore } from "./issues/light.js";
import { lowInformationScore } from "./issues/low-information.js";
import { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES, type IssueName } from "./issues/names.js";
import { oddAspectRatioScore } from "./issues/odd-aspect-ratio.js";
import { oddSizeScorer } from "./issues/odd-size.js";
import type { ScoreInputs } from "./raw-properties.js";

export interface ScoreOptions {
  /**
   * Per-issue thresholds; an image has the issue when its score is below. Unset ones use
   * {@link DEFAULT_ISSUE_THRESHOLDS}, except odd_size, whose default is 1 when all sizes share one
   * value band (interquartile range 0), as CleanVision does.
   */
  thresholds?: Partial<Record<IssueName, number>>;
  /** The issues an image may be flagged for (default: all); every score is computed either way. */
  issues?: readonly IssueName[];
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

export interface DatasetScorer {
  /** The thresholds applied (odd_size's default depends on the data). */
  thresholds: Record<IssueName, number>;
  /** Scores and flags one image of the dataset; `issues` has no spare room, as results keep it. */
  score(raw: ScoreInputs): ImageScores;
}

/**
 * Scores images one at a time against the whole dataset (odd_size needs every size first): what
 * {@link scoreDataset} does without holding every image's scores at once, for callers that turn each
 * into something else as they go. `raws` is first read in index order, in one to four full passes
 * (two up to 2^27 pixels an image; see order-statistics.ts), and nothing is kept per image, so it may
 * build its elements when read.
 */
export function datasetScorer(raws: readonly ScoreInputs[], options: ScoreOptions = {}): DatasetScorer {
  const oddSize = raws.length > 0 ? oddSizeScorer(raws) : undefined;
  const thresholds = thresholdsFor(oddSize?.degenerate ?? false, options.thresholds);
  const { issues: checked = ISSUE_NAMES } = options;
  const flaggable = ISSUE_NAMES.filter((name) => checked.includes(name));
  return {
    thresholds,
    score(raw) {
      if (oddSize === undefined) throw new RangeError("datasetScorer: the dataset has no images to score");
      const scores: Record<IssueName, number> = {
        dark: darkScore(raw),
        light: lightScore(raw),
        low_information: lowInformationScore(raw),
        odd_aspect_ratio: oddAspectRatioScore(raw),
        odd_size: oddSize.score(raw),
        grayscale: grayscaleScore(raw),
        blurry: blurryScore(raw),
      };
      // filter keeps room for 17 names (152 bytes) in every non-empty result; slice copies exactly.
      const issues = flaggable.filter((name) => scores[name] < thresholds[name]);
      return { scores, issues: issues.length === 0 ? issues : issues.slice() };
    },
  };
}

/** The thresholds {@link scoreDataset} applies to these images with these options. */
export function datasetThresholds(
  raws: readonly ScoreInputs[],
  options: ScoreOptions = {},
): Record<IssueName, number> {
  return datasetScorer(raws, options).thresholds;
}

/** Scores and flags every image; odd_size depends on the whole dataset, the others on the image alone. */
export function scoreDataset(raws: readonly ScoreInputs[], options: ScoreOptions = {}): ImageScores[] {
  const scorer = datasetScorer(raws, options);
  return raws.map((raw) => scorer.score(raw));
}
