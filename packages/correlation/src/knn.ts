import type { Buffers } from "./buffers.js";
import type { CrossValidation, KnnProblem } from "./cross-validation.js";
import { knnByRows, rowSweepFits } from "./knn-rows.js";
import { knnByRuns } from "./knn-runs.js";

/**
 * k = round(sqrt(n_train)), at most half the smallest class (of those with at least `minClassSize`
 * training rows), at least 1. sqrt(n) is the classic rule that keeps k growing (so the vote averages
 * out noise and the classifier approaches the best possible accuracy on the property) while k/n
 * shrinks (so the neighbourhood stays local): 6 neighbours for 50 images, 2,828 for 10 million.
 * The cap keeps a small class that the property separates perfectly able to win the vote among its
 * own members; classes too small to fill a fold are ignored for the cap so that one stray image does not
 * force k = 1 on a large dataset.
 */
export function chooseK(trainSize: number, classTrainSizes: readonly number[], minClassSize: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of classTrainSizes) if (size >= minClassSize && size < smallest) smallest = size;
  const cap = Number.isFinite(smallest) ? Math.max(1, Math.floor(smallest / 2)) : trainSize;
  return Math.max(1, Math.min(Math.round(Math.sqrt(trainSize)), cap));
}

/**
 * Stratified cross-validated k-nearest-neighbour classification on one number, in O(n) per fold on
 * sorted values (O(n log n) overall with the sort). Every training row at the k-th distance votes with
 * the same share of the seats left after the strictly closer rows; a vote tie goes to the class more
 * frequent in the training folds, then to the class whose first row comes first (not the first name,
 * so that renaming classes cannot change a prediction). Two sweeps compute exactly this: one on rows
 * (the faster, up to ROW_SWEEP_CLASSES classes) and one on a run table, whatever the number of classes.
 */
export function knnCrossValidate(problem: KnnProblem, buffers?: Buffers): CrossValidation {
  return rowSweepFits(problem.nClasses, problem.nFolds)
    ? knnByRows(problem, buffers)
    : knnByRuns(problem, buffers);
}
