import type { Classes } from "./classes.js";
import type { SortedValues } from "./sorted-values.js";

/** Per-class statistics of a property, one-vs-rest. */
export interface ClassAttribution {
  label: string;
  /** Rows of this class with a value. */
  count: number;
  median: number;
  /** One-vs-rest AUC: above 0.5 when this class's scores are higher than the others'. */
  auc: number;
}

/** Words for the two directions of one property, e.g. { lower: "darker", higher: "brighter" }. */
export interface PropertyWording {
  lower?: string;
  higher?: string;
}

/** Wording for the seven CleanVision scores, where low always means more of the issue. */
export const CLEANVISION_WORDING: Readonly<Record<string, PropertyWording>> = {
  dark: { lower: "darker", higher: "brighter" },
  light: { lower: "lighter", higher: "less light" },
  blurry: { lower: "blurrier", higher: "sharper" },
  low_information: { lower: "less detailed", higher: "more detailed" },
  odd_aspect_ratio: { lower: "more elongated", higher: "squarer" },
  odd_size: { lower: "more unusual in size", higher: "more typical in size" },
  grayscale: { lower: "more often grayscale", higher: "more often in colour" },
};

/** Median of each class (the mean of the two middle values for an even count, as numpy does). */
export function classMedians(sorted: SortedValues, classOf: Classes, counts: Int32Array): Float64Array {
  const seen = new Int32Array(counts.length);
  const medians = new Float64Array(counts.length).fill(Number.NaN);
  const lowHalf = new Float64Array(counts.length);
  for (let i = 0; i < sorted.order.length; i++) {
    const c = classOf[sorted.order[i] as number] as number;
    const count = counts[c] as number;
    const rank = seen[c] as number;
    seen[c] = rank + 1;
    const value = sorted.sorted[i] as number;
    if (rank === Math.floor((count - 1) / 2)) lowHalf[c] = value;
    if (rank === Math.ceil((count - 1) / 2)) medians[c] = ((lowHalf[c] as number) + value) / 2;
  }
  return medians;
}

/**
 * Names the class that sets itself apart most (largest |AUC - 0.5|). For two classes both are equally
 * apart, so the tie goes to the class with the lower scores, which is the one with more of the issue.
 */
export function describe(
  classes: readonly ClassAttribution[],
  wording: PropertyWording | undefined,
): string | null {
  const apart = (a: ClassAttribution) => Math.round(Math.abs(a.auc - 0.5) * 1e12);
  let lead: ClassAttribution | undefined;
  for (const candidate of classes) {
    if (candidate.count === 0) continue;
    if (
      !lead ||
      apart(candidate) > apart(lead) ||
      (apart(candidate) === apart(lead) && candidate.auc < lead.auc)
    ) {
      lead = candidate;
    }
  }
  if (!lead) return null;
  const lower = lead.auc < 0.5;
  const word = lower ? wording?.lower : wording?.higher;
  const strength = Math.max(lead.auc, 1 - lead.auc);
  return `${lead.label} is ${lower ? "lower" : "higher"}${word ? ` (${word})` : ""}: AUC ${strength.toFixed(2)}`;
}
