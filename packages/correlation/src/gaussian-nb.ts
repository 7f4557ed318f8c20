import type { Classes } from "./classes.js";
import { type CrossValidation, emptyCrossValidation } from "./cross-validation.js";
import type { Folds } from "./folds.js";

/** scikit-learn's GaussianNB default: every variance grows by this share of the largest feature variance. */
const VAR_SMOOTHING = 1e-9;

interface ClassModel {
  classIndex: number;
  logPrior: number;
  mean: number;
  variance: number;
}

/** Fits GaussianNB on the rows not in `testFold`, as scikit-learn does for one feature. */
function fitTrainingFolds(
  values: Float64Array,
  classOf: Classes,
  fold: Folds,
  testFold: number,
  nClasses: number,
) {
  const count = new Float64Array(nClasses);
  const sum = new Float64Array(nClasses);
  let total = 0;
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    if (fold[i] === testFold) continue;
    const c = classOf[i] as number;
    count[c] = (count[c] as number) + 1;
    sum[c] = (sum[c] as number) + (values[i] as number);
    total += values[i] as number;
    m++;
  }
  const mean = sum.map((s, c) => s / (count[c] as number));
  const overallMean = total / m;
  const squares = new Float64Array(nClasses);
  let overallSquares = 0;
  for (let i = 0; i < values.length; i++) {
    if (fold[i] === testFold) continue;
    const c = classOf[i] as number;
    const v = values[i] as number;
    squares[c] = (squares[c] as number) + (v - (mean[c] as number)) ** 2;
    overallSquares += (v - overallMean) ** 2;
  }
  const epsilon = VAR_SMOOTHING * (overallSquares / m);
  const models: ClassModel[] = [];
  for (let c = 0; c < nClasses; c++) {
    const n = count[c] as number;
    // scikit-learn only knows the classes present in the training folds.
    if (n === 0) continue;
    models.push({
      classIndex: c,
      logPrior: Math.log(n / m),
      mean: mean[c] as number,
      variance: (squares[c] as number) / n + epsilon,
    });
  }
  return { models, epsilon, count };
}

/**
 * Stratified cross-validated Gaussian naive Bayes on one number, computing the joint log-likelihood in
 * scikit-learn's order of operations so that predictions (and cleanlab's scores) match exactly. A
 * training fold whose values are all equal has zero variance, where scikit-learn divides 0 by 0; here it
 * predicts the training majority instead.
 */
export function gaussianNbCrossValidate(
  values: Float64Array,
  classOf: Classes,
  fold: Folds,
  nClasses: number,
  nFolds: number,
): CrossValidation {
  const cv = emptyCrossValidation(nFolds, nClasses);
  for (let f = 0; f < nFolds; f++) {
    const { models, epsilon, count } = fitTrainingFolds(values, classOf, fold, f, nClasses);
    if (models.length === 0) continue;
    let majority = 0;
    count.forEach((n, c) => {
      if (n > (count[majority] as number)) majority = c;
    });
    const labels = cv.labelCounts[f] as Float64Array;
    const predictions = cv.predictionCounts[f] as Float64Array;
    for (let i = 0; i < values.length; i++) {
      if (fold[i] !== f) continue;
      const x = values[i] as number;
      let predicted = majority;
      if (epsilon > 0) {
        let best = Number.NEGATIVE_INFINITY;
        for (const model of models) {
          let nij = -0.5 * Math.log(2.0 * Math.PI * model.variance);
          nij -= 0.5 * ((x - model.mean) ** 2 / model.variance);
          const jll = model.logPrior + nij;
          if (jll > best) {
            best = jll;
            predicted = model.classIndex;
          }
        }
      }
      const c = classOf[i] as number;
      labels[c] = (labels[c] as number) + 1;
      predictions[predicted] = (predictions[predicted] as number) + 1;
      if (c === predicted) cv.correct[f] = (cv.correct[f] as number) + 1;
      cv.size[f] = (cv.size[f] as number) + 1;
    }
  }
  return cv;
}
