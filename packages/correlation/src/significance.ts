import type { AccuracyKind, CrossValidation } from "./cross-validation.js";

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
  classOf: Int32Array,
  observed: number,
  accuracyOfLabels: (shuffled: Int32Array) => number,
  settings: PermutationSettings,
): number {
  const random = seededRandom(settings.seed);
  const shuffled = Int32Array.from(classOf);
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
 * folds only, so under independence the fold's labels are a random pairing with its predictions: the
 * number of correct predictions then has mean sum_c a_c b_c / m and variance
 * [sum_c a_c b_c (m - a_c)(m - b_c) + sum_{c != d} a_c a_d b_c b_d] / (m^2 (m - 1))
 * (a = label counts, b = prediction counts, m = fold size). Folds are combined as if independent and the
 * sum compared with a normal distribution (with a continuity correction of half a row).
 */
export function asymptoticPValue(cv: CrossValidation, kind: AccuracyKind): number {
  const nFolds = cv.size.length;
  const usedFolds = cv.size.filter((m) => m > 0).length;
  const n = cv.size.reduce((a, b) => a + b, 0);
  let observed = 0;
  let mean = 0;
  let variance = 0;
  let smallestWeight = Number.POSITIVE_INFINITY;
  for (let f = 0; f < nFolds; f++) {
    const m = cv.size[f] as number;
    if (m < 2) continue;
    const weight = kind === "pooled" ? 1 / n : 1 / (usedFolds * m);
    smallestWeight = Math.min(smallestWeight, weight);
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
    observed += weight * (cv.correct[f] as number);
    mean += (weight * sumAb) / m;
    variance += (weight * weight * (diagonal + sumAb * sumAb - sumAbSquared)) / (m * m * (m - 1));
  }
  const excess = observed - mean - 0.5 * smallestWeight;
  if (!(variance > 0)) return excess > 0 ? 0 : 1;
  return normalUpperTail(excess / Math.sqrt(variance));
}

/** P(Z > z) for a standard normal Z, via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function normalUpperTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851973 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfcAbs = t * Math.exp(poly);
  return 0.5 * (x >= 0 ? erfcAbs : 2 - erfcAbs);
}
