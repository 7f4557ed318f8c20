import type { PropertyWording } from "./attribution.js";

export interface CorrelationOptions {
  /** A property is flagged when its score is under this (default 0.3, as cleanlab). */
  threshold?: number;
  /** ... and its p-value under this (default 0.01). */
  alpha?: number;
  /** "default": kNN and the majority-share baseline; "cleanlab": Gaussian naive Bayes and cleanlab 2.7's baseline. */
  compat?: "default" | "cleanlab";
  /** Neighbours for the kNN classifier; by default round(sqrt(n_train)) capped by the smallest class. */
  k?: number;
  /** Seed of the permutation test (default 1). */
  seed?: number;
  /** Most label permutations for the permutation test (default 999, so p can go down to 0.001). */
  permutations?: number;
  /** Largest number of images for the permutation test; above it the asymptotic p-value is used (default 5000). */
  permutationLimit?: number;
  /** Words for "lower"/"higher" per property in attribution sentences; CleanVision's seven have defaults. */
  wording?: Readonly<Record<string, PropertyWording>>;
}

export type ResolvedOptions = Required<Omit<CorrelationOptions, "k" | "wording">> &
  Pick<CorrelationOptions, "k" | "wording">;

/** Caps so that options from untrusted configuration cannot make a run take hours. */
const MAX_PERMUTATIONS = 100_000;

function check(ok: boolean, name: string, reason: string, value: unknown): void {
  if (!ok) throw new RangeError(`@sc/correlation: option ${name} ${reason}, got ${String(value)}`);
}

export function resolveOptions(options: CorrelationOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    threshold: options.threshold ?? 0.3,
    alpha: options.alpha ?? 0.01,
    compat: options.compat ?? "default",
    k: options.k,
    seed: options.seed ?? 1,
    permutations: options.permutations ?? 999,
    permutationLimit: options.permutationLimit ?? 5000,
    wording: options.wording,
  };
  const { threshold, alpha, compat, k, seed, permutations, permutationLimit } = resolved;
  check(
    Number.isFinite(threshold) && threshold >= 0 && threshold <= 1,
    "threshold",
    "must be in [0, 1]",
    threshold,
  );
  check(Number.isFinite(alpha) && alpha > 0 && alpha <= 1, "alpha", "must be in (0, 1]", alpha);
  check(compat === "default" || compat === "cleanlab", "compat", 'must be "default" or "cleanlab"', compat);
  check(k === undefined || (Number.isInteger(k) && k >= 1), "k", "must be a positive integer", k);
  check(Number.isInteger(seed), "seed", "must be an integer", seed);
  check(
    Number.isInteger(permutations) && permutations >= 0 && permutations <= MAX_PERMUTATIONS,
    "permutations",
    `must be an integer in [0, ${MAX_PERMUTATIONS}]`,
    permutations,
  );
  check(
    Number.isInteger(permutationLimit) && permutationLimit >= 0,
    "permutationLimit",
    "must be a non-negative integer",
    permutationLimit,
  );
  return resolved;
}
