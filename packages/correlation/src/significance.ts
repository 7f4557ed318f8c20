import type { Classes } from "./classes.js";
import type { CrossValidation } from "./cross-validation.js";

/** Small seeded generator (mulberry32): the same seed gives the same permutations everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PermutationSettings {
  /** Largest number of label permutations. */
  permutations: number;
  seed: number;
  /** Stop as soon as this many permutations reach the observed accuracy (Besag & Clifford, 1991). */
  exceedances: number;
}

/**
 * Monte Carlo permutation p-value: the labels are shuffled among the rows, the whole procedure (folds
 * included) runs again, and p = share of runs at least as accurate as the observed one. Sequential:
 * once `exceedances` shuffled runs have matched the observed accuracy the p-value is clearly large, so
 * it stops there with p = exceedances / runs; otherwise p = (matches + 1) / (permutations + 1).
 */
export function permutationPValue(
  classOf: Classes,
  observed: number,
  accuracyOfLabels: (shuffled: Classes) => number,
  settings: PermutationSettings,
): number {
  const random = seededRandom(settings.seed);
  const shuffled = classOf.slice();
  // Equal accuracies may differ in the last bit when they are means of fold accuracies.
  const reached = observed - 1e-12;
  let matches = 0;
  for (let run = 1; run <= settings.permutations; run++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = shuffled[i] as number;
      shuffled[i] = shuffled[j] as number;
      shuffled[j] = swap;
    }
    if (accuracyOfLabels(shuffled) >= reached) matches++;
    if (matches >= settings.exceedances) return matches / run;
  }
  return (matches + 1) / (settings.permutations + 1);
}

/**
 * Asymptotic p-value for large datasets. Within one test fold the predictions come from the other
 * folds only, so if the property is unrelated to the label the fold's labels are a random pairing with
 * its predictions: the number correct then has mean sum_c a_c b_c / m and variance
 * [sum_c a_c b_c (m - a_c)(m - b_c) + sum_{c != d} a_c a_d b_c b_d] / (m^2 (m - 1))
 * (a = label counts, b = prediction counts, m = fold size), close to normal for large m. Folds are not
 * independent (each one trains the others), so their z-scores are averaged rather than summed: the mean
 * of standard normal variables has variance at most 1 whatever their correlation, which keeps the test
 * valid (conservative) at the cost of some power that large datasets do not need.
 */
export function asymptoticPValue(cv: CrossValidation): number {
  let zSum = 0;
  let folds = 0;
  cv.size.forEach((m, f) => {
    if (m < 2) return;
    const a = cv.labelCounts[f] as Float64Array;
    const b = cv.predictionCounts[f] as Float64Array;
    let sumAb = 0;
    let sumAbSquared = 0;
    let diagonal = 0;
    a.forEach((ac, c) => {
      const bc = b[c] as number;
      sumAb += ac * bc;
      sumAbSquared += (ac * bc) ** 2;
      diagonal += ac * bc * (m - ac) * (m - bc);
    });
    const variance = (diagonal + sumAb * sumAb - sumAbSquared) / (m * m * (m - 1));
    // Half a row of continuity correction; a fold whose count cannot vary says nothing.
    const excess = (cv.correct[f] as number) - sumAb / m - 0.5;
    zSum += variance > 0 ? excess / Math.sqrt(variance) : 0;
    folds++;
  });
  return folds === 0 ? 1 : normalUpperTail(zSum / folds);
}

/** P(Z > z) for a standard normal Z, to about 1e-14 relative. */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const tail = 0.5 * erfc(x);
  return z >= 0 ? tail : 1 - tail;
}

/** erfc for x >= 0: Taylor series of erf below 2.5, the Laplace continued fraction above. */
function erfc(x: number): number {
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let fraction = x;
  for (let n = 60; n >= 1; n--) fraction = x + n / 2 / fraction;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * fraction);
}
