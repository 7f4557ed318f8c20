import type { Classes } from "./classes.js";
import type { Folds } from "./folds.js";
import type { SortedValues } from "./sorted-values.js";

/** What the k-nearest-neighbour sweeps take: one sorted column, each row's class and fold, k. */
export interface KnnProblem {
  sorted: SortedValues;
  /** Class of each row, in input order. */
  classOf: Classes;
  /** Test fold of each row, in input order. */
  fold: Folds;
  nClasses: number;
  nFolds: number;
  k: number;
  /** Tie-break rank of each class (appearanceRank). */
  preference: Int32Array;
}

/**
 * Writes the training rows of each class when fold `f` is the test fold (the rows of every other fold)
 * into `into`, from the per-fold counts `foldClassTotal[g * nClasses + c]`, and returns their sum.
 */
export function trainingTotals(
  foldClassTotal: Float64Array,
  nClasses: number,
  nFolds: number,
  f: number,
  into: Float64Array,
): number {
  let trainingSize = 0;
  for (let c = 0; c < nClasses; c++) {
    let total = 0;
    for (let g = 0; g < nFolds; g++) if (g !== f) total += foldClassTotal[g * nClasses + c] as number;
    into[c] = total;
    trainingSize += total;
  }
  return trainingSize;
}

/** What one cross-validation run produced, per test fold. */
export interface CrossValidation {
  /** Correct predictions in each test fold. */
  readonly correct: Float64Array;
  /** Test rows in each fold. */
  readonly size: Float64Array;
  /** labelCounts[f][c]: test rows of class c in fold f. */
  readonly labelCounts: readonly Float64Array[];
  /** predictionCounts[f][c]: test rows of fold f predicted as class c. */
  readonly predictionCounts: readonly Float64Array[];
}

/** How fold results combine into one accuracy. */
export type AccuracyKind = "pooled" | "mean-of-folds";

export function emptyCrossValidation(nFolds: number, nClasses: number): CrossValidation {
  return {
    correct: new Float64Array(nFolds),
    size: new Float64Array(nFolds),
    labelCounts: Array.from({ length: nFolds }, () => new Float64Array(nClasses)),
    predictionCounts: Array.from({ length: nFolds }, () => new Float64Array(nClasses)),
  };
}

/**
 * Pooled accuracy (correct / n) is what the default mode reports; scikit-learn's cross_val_score,
 * which cleanlab averages, gives the mean of the per-fold accuracies. They differ only when folds differ in size.
 */
export function accuracyOf(cv: CrossValidation, kind: AccuracyKind): number {
  let correct = 0;
  let size = 0;
  let sumOfAccuracies = 0;
  let folds = 0;
  cv.size.forEach((m, f) => {
    if (m === 0) return;
    correct += cv.correct[f] as number;
    size += m;
    sumOfAccuracies += (cv.correct[f] as number) / m;
    folds++;
  });
  if (folds === 0) return 0;
  return kind === "pooled" ? correct / size : sumOfAccuracies / folds;
}
